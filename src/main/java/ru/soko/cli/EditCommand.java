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
import ru.soko.requisites.RequisiteOverrides;

@Command(name = "edit", mixinStandardHelpOptions = true,
        description = {"Исправляет реквизиты документа вручную.",
                "Исправление хранится отдельно от прочитанного значения, переживает повторное чтение реквизитов "
                        + "и перестройку индекса и записывается в журнал. Пустое значение снимает исправление поля."})
public final class EditCommand implements Callable<Integer> {

    @Mixin
    DataOption data;

    @Parameters(index = "0", paramLabel = "ID", description = "Номер документа.")
    long id;

    @Option(names = "--set", paramLabel = "FIELD=VALUE", required = true,
            description = "Поле и значение, например --set number=1291 --set date=24.07.2020. Поля: ${COMPLETION-CANDIDATES}.",
            completionCandidates = Fields.class)
    Map<String, String> changes = new LinkedHashMap<>();

    @Option(names = "--as", paramLabel = "NAME", description = "Кто исправляет (для журнала; по умолчанию имя пользователя ОС).")
    String actor;

    @Spec
    CommandSpec spec;

    static final class Fields extends java.util.ArrayList<String> {
        Fields() {
            super(RequisiteOverrides.FIELDS);
        }
    }

    @Override
    public Integer call() {
        changes.forEach(RequisiteOverrides::validate);
        String who = DataOption.actor(actor);
        try (Archive archive = Archive.open(data.config())) {
            if (archive.catalog().get(id).isEmpty()) {
                throw new IllegalArgumentException("документа № " + id + " нет в архиве");
            }
            archive.edit(id, changes, who);
            spec.commandLine().getOut().printf("Документ № %d исправлен: %s%n", id, String.join(", ", changes.keySet()));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
