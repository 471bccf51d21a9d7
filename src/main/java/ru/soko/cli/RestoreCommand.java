package ru.soko.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import ru.soko.maintenance.ArchiveBackup;
import ru.soko.maintenance.CheckReport;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Восстанавливает архив из копии в пустую папку данных (--data), перестраивает индекс и проверяет результат.")
public final class RestoreCommand implements Callable<Integer> {

    @Mixin
    DataOption data;

    @Parameters(paramLabel = "BACKUP", description = "Папка копии, сделанной командой backup.")
    Path backup;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CheckReport report = ArchiveBackup.restore(backup, data.config());
        spec.commandLine().getOut().printf("Восстановлено документов: %d; проверка: %s%n", report.documents(),
                report.healthy() ? "в порядке" : String.join("; ", report.problems()));
        spec.commandLine().getOut().flush();
        return report.healthy() ? 0 : CheckCommand.PROBLEMS;
    }
}
