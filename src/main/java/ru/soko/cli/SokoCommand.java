package ru.soko.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command: {@code java -jar soko-archive.jar <command>}. */
@Command(name = "soko-archive", mixinStandardHelpOptions = true, version = "СОКО-Архив 0.1.0",
        description = "Архив документов и реестров системы оценки качества образования.",
        subcommands = {DemoCommand.class, ServeCommand.class, IngestCommand.class, SearchCommand.class,
                ShowCommand.class, EditCommand.class, ReindexCommand.class, StatsCommand.class, ImportRegistryCommand.class, ExportRegistryCommand.class, EditRegistryCommand.class, SelfEvalCommand.class, CheckCommand.class,
                BackupCommand.class, RestoreCommand.class,
                RegistryCommand.class, UserCommand.class, ru.soko.bench.BenchCommand.class, CommandLine.HelpCommand.class})
public final class SokoCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "укажите команду (см. --help)");
    }

    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new SokoCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("ошибка: " + OneLine.of(e));
            commandLine.getErr().flush();
            return 1;
        });
        return cli;
    }
}
