package ru.soko.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import ru.soko.Archive;

@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = "Перестраивает поисковый индекс из каталога (файлы заново не разбираются).")
public final class ReindexCommand implements Callable<Integer> {

    @Mixin
    DataOption data;

    @picocli.CommandLine.Option(names = "--requisites",
            description = "Сначала заново прочитать реквизиты и ссылки из сохранённого текста (исправления администраторов сохраняются).")
    boolean requisites;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Archive archive = Archive.open(data.config())) {
            long started = System.nanoTime();
            java.io.PrintWriter err = spec.commandLine().getErr();
            Progress progress = new Progress(err, ConsoleOutput.isTerminal(), started, "Перестроение индекса: записано");
            long count;
            if (requisites) {
                Progress reread = new Progress(err, ConsoleOutput.isTerminal(), started, "Реквизиты прочитаны заново:");
                count = archive.reextractRequisites(reread, progress);
            } else {
                count = archive.reindex(progress);
            }
            progress.done();
            double seconds = (System.nanoTime() - started) / 1e9;
            spec.commandLine().getOut().printf(java.util.Locale.ROOT, "Индекс перестроен за %.1f с. Записей в индексе: %d (%.0f в секунду)%n",
                    seconds, count, count / Math.max(seconds, 1e-3));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    /**
     * A live count on a terminal; a line each time the count passes a multiple of {@value #LOG_EVERY}
     * in a log. Called from the indexing threads.
     */
    private static final class Progress implements java.util.function.LongConsumer {
        private static final long LOG_EVERY = 50_000;
        private final java.io.PrintWriter err;
        private final boolean terminal;
        private final long started;
        private final String label;
        private long logged;

        Progress(java.io.PrintWriter err, boolean terminal, long started, String label) {
            this.err = err;
            this.terminal = terminal;
            this.started = started;
            this.label = label;
        }

        @Override
        public synchronized void accept(long count) {
            // The indexing threads may report counts slightly out of order: a log line only past a new multiple.
            if (!terminal && count / LOG_EVERY <= logged / LOG_EVERY) {
                return;
            }
            logged = Math.max(logged, count);
            double seconds = (System.nanoTime() - started) / 1e9;
            err.printf(java.util.Locale.ROOT, "%s%s %d за %.0f с%s", terminal ? "\r\033[K" : "", label,
                    count, seconds, terminal ? "" : System.lineSeparator());
            err.flush();
        }

        synchronized void done() {
            if (terminal) {
                err.print("\r\033[K");
                err.flush();
            }
        }
    }
}
