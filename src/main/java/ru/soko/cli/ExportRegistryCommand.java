package ru.soko.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import ru.soko.Archive;
import ru.soko.registry.RegistryExporter;

@Command(name = "export-registry", mixinStandardHelpOptions = true,
        description = "Выгружает реестр (целиком или по фильтру) в CSV (UTF-8 с BOM, «;»), XLSX или JSON.")
public final class ExportRegistryCommand implements Callable<Integer> {

    @Mixin
    DataOption data;

    @Mixin
    RegistryFilterOptions filter;

    @Parameters(index = "0", paramLabel = "NAME", description = "Реестр.")
    String registry;

    @Option(names = "--format", required = true, paramLabel = "csv|xlsx|json", description = "Формат файла.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Куда записать.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RegistryExporter.Format f;
        try {
            f = RegistryExporter.Format.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--format принимает csv, xlsx или json, а не «" + format + "»");
        }
        try (Archive archive = Archive.open(data.config())) {
            long written = archive.registries().export(registry, filter.query(), f, out);
            spec.commandLine().getOut().printf("Выгружено записей: %d → %s%n", written, out);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
