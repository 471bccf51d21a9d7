package ru.soko.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import ru.soko.maintenance.ArchiveBackup;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Делает согласованную копию архива, не останавливая сайт: онлайн-копия SQLite и оригиналы (индекс перестраивается при восстановлении).")
public final class BackupCommand implements Callable<Integer> {

    @Mixin
    DataOption data;

    @Parameters(paramLabel = "DIR", description = "Пустая или новая папка для копии.")
    Path target;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var manifest = ArchiveBackup.backup(data.config(), target);
        spec.commandLine().getOut().printf("Копия готова: %s (оригиналов: %s)%n", target, manifest.get("originals"));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
