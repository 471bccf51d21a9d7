package ru.soko.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import ru.soko.maintenance.ArchiveCheck;
import ru.soko.maintenance.CheckReport;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Проверяет папку данных: целостность SQLite, индекс Lucene (CheckIndex), оригиналы (наличие и SHA-256), "
                + "соответствие каталога и индекса. Запускайте, когда serve остановлен.",
                "Код завершения: 0 — всё в порядке; 4 — найдены проблемы."})
public final class CheckCommand implements Callable<Integer> {

    static final int PROBLEMS = 4;

    @Mixin
    DataOption data;

    @Option(names = "--repair", description = "Исправить, что можно: перестроить индекс из каталога.")
    boolean repair;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        CheckReport report = ArchiveCheck.run(data.config(), repair);
        out.printf("Документов в каталоге: %d, в индексе: %d%n", report.documents(), report.indexEntries());
        report.repairs().forEach(r -> out.println("Исправлено: " + r));
        report.problems().forEach(p -> out.println("Проблема: " + p));
        out.println(report.healthy() ? "Архив в порядке." : "Найдено проблем: " + report.problems().size());
        out.flush();
        return report.healthy() ? 0 : PROBLEMS;
    }
}
