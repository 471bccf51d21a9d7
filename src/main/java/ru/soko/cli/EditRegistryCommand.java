package ru.soko.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import ru.soko.Archive;

@Command(name = "edit-registry", mixinStandardHelpOptions = true,
        description = {"Исправляет запись реестра вручную; изменение проверяется и попадает в историю записи.",
                "Пример: edit-registry experts Э-2022-031 --set status=исключён --set statusDate=12.03.2024"})
public final class EditRegistryCommand implements Callable<Integer> {

    @Mixin
    DataOption data;

    @Parameters(index = "0", paramLabel = "NAME", description = "Реестр.")
    String registry;

    @Parameters(index = "1", paramLabel = "KEY", description = "Ключ записи.")
    String key;

    @Option(names = "--set", required = true, paramLabel = "FIELD=VALUE", description = "Поле и новое значение (можно повторять).")
    Map<String, String> changes = new LinkedHashMap<>();

    @Option(names = "--as", paramLabel = "NAME", description = "Кто исправляет (для истории).")
    String actor;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Archive archive = Archive.open(data.config())) {
            archive.editRegistry(registry, key, changes,
                    DataOption.actor(actor));
            spec.commandLine().getOut().printf("Запись %s в реестре %s исправлена: %s%n", key, registry, String.join(", ", changes.keySet()));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
