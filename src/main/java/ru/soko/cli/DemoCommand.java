package ru.soko.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import ru.soko.Archive;
import ru.soko.config.AppConfig;
import ru.soko.demo.DemoArchive;
import ru.soko.ingest.IngestSummary;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Запускает сайт над демонстрационным архивом.",
                "При первом запуске архив создаётся в папке данных из встроенных образцов (sample-docs); "
                        + "при следующих используется уже созданный."})
public final class DemoCommand implements Callable<Integer> {

    @Mixin
    DataOption data;

    @Option(names = "--port", paramLabel = "P", description = "Порт (по умолчанию 7070 или SOKO_PORT).")
    Integer port;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        AppConfig config = data.config();
        try (Archive archive = Archive.open(config)) {
            if (archive.catalog().count() == 0) {
                spec.commandLine().getOut().println("Создаю демонстрационный архив в " + config.dataDir()
                        + " (первый запуск; сканы распознаются, это займёт минуту-другую)…");
                spec.commandLine().getOut().flush();
                IngestSummary summary = DemoArchive.fillIfEmpty(archive,
                        new IngestCommand.ProgressPrinter(spec.commandLine().getErr(), ConsoleOutput.isTerminal()),
                        problem -> spec.commandLine().getErr().println(problem));
                IngestCommand.printSummary(spec.commandLine().getOut(), summary);
            }
            DemoArchive.ensureDemoAccounts(archive);
            ServeCommand.serveUntilStopped(archive, port == null ? config.port() : port, spec);
        }
        return 0;
    }
}
