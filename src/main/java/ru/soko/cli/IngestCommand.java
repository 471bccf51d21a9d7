package ru.soko.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import ru.soko.Archive;
import ru.soko.ingest.FileCollector;
import ru.soko.ingest.IngestOutcome;
import ru.soko.ingest.IngestProgress;
import ru.soko.ingest.IngestSummary;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Добавляет файлы и папки (рекурсивно) в архив.",
                "Код завершения: 0 — все файлы приняты или уже были в архиве; 2 — часть файлов отклонена; 1 — ошибка."})
public final class IngestCommand implements Callable<Integer> {

    static final int SOME_REJECTED = 2;

    @Mixin
    DataOption data;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Файлы или папки.")
    List<Path> paths;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<FileCollector.Input> inputs = FileCollector.collect(paths);
        try (Archive archive = Archive.open(data.config())) {
            IngestSummary summary = archive.ingest().ingest(inputs, "cli", new ProgressPrinter(err, ConsoleOutput.isTerminal()));
            printSummary(out, summary);
            return summary.rejectedCount() > 0 ? SOME_REJECTED : 0;
        }
    }

    static void printSummary(PrintWriter out, IngestSummary summary) {
        out.printf("Итого: добавлено %d, уже были в архиве %d, отклонено %d%n",
                summary.added(), summary.duplicates(), summary.rejectedCount());
        if (summary.rejectedCount() > 0) {
            out.println("Отклонены:");
            summary.rejected().forEach(o -> out.println("  - " + o.message()));
        }
        out.flush();
    }

    /** A live line «[12/48] file» on a terminal; one line per notable file in a log. */
    static final class ProgressPrinter implements IngestProgress {
        private final PrintWriter err;
        private final boolean terminal;

        ProgressPrinter(PrintWriter err, boolean terminal) {
            this.err = err;
            this.terminal = terminal;
        }

        @Override
        public void starting(int done, int total, String file) {
            if (terminal) {
                String line = String.format("[%d/%d] %s", done + 1, total, file);
                err.print("\r\033[K" + (line.length() > 120 ? line.substring(0, 119) + "…" : line));
                err.flush();
            }
        }

        @Override
        public void finished(int done, int total, IngestOutcome outcome) {
            boolean notable = outcome.status() == IngestOutcome.Status.REJECTED || !outcome.warnings().isEmpty();
            if (terminal) {
                if (notable) {
                    err.print("\r\033[K");
                    err.println(outcome.message());
                }
                if (done == total) {
                    err.print("\r\033[K");
                }
            } else {
                err.printf("[%d/%d] %s%n", done, total, outcome.message());
            }
            err.flush();
        }
    }
}
