package ru.soko.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import ru.soko.Archive;
import ru.soko.registry.ImportReport;
import ru.soko.registry.RegistryImporter;

@Command(name = "import-registry", mixinStandardHelpOptions = true,
        description = {"Загружает реестр из CSV или XLSX.",
                "Заголовки столбцов распознаются по списку синонимов (index-config/registries.json) в любом порядке. "
                        + "По умолчанию всё или ничего: при ошибке хотя бы в одной строке ничего не записывается. "
                        + "Повторная загрузка обновляет записи по ключу; записи, которых нет в новом файле, исключаются "
                        + "(остаются в архиве со статусом «исключён»).",
                "Код завершения: 0 — загружено; 3 — файл отклонён (см. список ошибок); 1 — ошибка."})
public final class ImportRegistryCommand implements Callable<Integer> {

    static final int REFUSED = 3;

    @Mixin
    DataOption data;

    @Parameters(index = "0", paramLabel = "NAME", description = "Реестр: organisations, experts, assessment-orgs, selfeval, "
            + "websites, staff-materials, student-kim, programmes, providers, events, achievements.")
    String registry;

    @Parameters(index = "1", paramLabel = "FILE", description = "Файл CSV (UTF-8 или Windows-1251, «;» или «,») или XLSX/XLS.")
    Path file;

    @Option(names = "--dry-run", description = "Только проверить и показать, что изменится; ничего не записывать.")
    boolean dryRun;

    @Option(names = "--skip-invalid", description = "Записать верные строки, а ошибочные только перечислить.")
    boolean skipInvalid;

    @Option(names = "--keep-missing", description = "Не исключать записи, которых нет в файле (частичная загрузка).")
    boolean keepMissing;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Archive archive = Archive.open(data.config())) {
            ImportReport report = archive.importRegistry(registry, file,
                    new RegistryImporter.Options(dryRun, skipInvalid, !keepMissing), DataOption.actor(null));
            print(out, report, dryRun);
            // A dry run of a bad file fails too, so a script can check a sheet before loading it.
            return !report.errors().isEmpty() && !skipInvalid ? REFUSED : 0;
        }
    }

    static void print(PrintWriter out, ImportReport r, boolean dryRun) {
        out.printf("Реестр %s, файл %s: строк %d%n", r.registry(), r.file(), r.rows());
        if (!r.errors().isEmpty()) {
            out.println("Ошибки (" + r.errors().size() + "):");
            r.errors().forEach(e -> out.println("  - " + e.line()));
        }
        r.warnings().forEach(w -> out.println("  ! " + w));
        if (r.written() || dryRun) {
            out.printf("%s: добавлено %d, обновлено %d, без изменений %d, исключено %d, восстановлено %d%n",
                    dryRun ? "Проверка (ничего не записано)" : "Загружено", r.added(), r.updated(), r.unchanged(),
                    r.withdrawn(), r.restored());
        } else {
            out.println("Файл отклонён: ничего не записано. Исправьте строки выше или загрузите с --skip-invalid.");
        }
        out.flush();
    }
}
