package ru.soko.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import ru.soko.Archive;
import ru.soko.config.AppConfig;
import ru.soko.web.Templates;
import ru.soko.web.WebServer;

@Command(name = "serve", mixinStandardHelpOptions = true, description = "Запускает сайт архива.")
public final class ServeCommand implements Callable<Integer> {

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
            serveUntilStopped(archive, port == null ? config.port() : port, spec);
        }
        return 0;
    }

    /** Serves until the process is asked to stop (Ctrl+C, SIGTERM), then closes cleanly. */
    static void serveUntilStopped(Archive archive, int port, CommandSpec spec) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        try (WebServer server = new WebServer(archive, new Templates(archive.config().templatesDir())).start(port)) {
            Thread hook = new Thread(() -> {
                server.close();
                stopped.countDown();
            }, "shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            spec.commandLine().getOut().printf("Сайт архива: http://localhost:%d/  (данные: %s; остановка — Ctrl+C)%n",
                    server.port(), archive.config().dataDir());
            spec.commandLine().getOut().flush();
            stopped.await();
        }
    }
}
