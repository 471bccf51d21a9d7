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
            Progress progress = new Progress(spec.commandLine().getErr(), ConsoleOutput.isTerminal(), started);
            long count = requisites ? archive.reextractRequisites(progress) : archive.reindex(progress);
            progress.done();
            double seconds = (System.nanoTime() - started) / 1e9;
            spec.commandLine().getOut().printf(java.util.Locale.ROOT, "Индекс перестроен за %.1f с. Записей в индексе: %d (%.0f в секунду)%n",
                    seconds, count, count / Math.max(seconds, 1e-3));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    /** A live count on a terminal; a line every {@value #LOG_EVERY} entries in a log. Called from the indexing threads. */
    private static final class Progress implements java.util.function.LongConsumer {
        private static final long LOG_EVERY = 50_000;
        private final java.io.PrintWriter err;
        private final boolean terminal;
        private final long started;

        Progress(java.io.PrintWriter err, boolean terminal, long started) {
            this.err = err;
            this.terminal = terminal;
            this.started = started;
        }

        @Override
        public synchronized void accept(long entries) {
            if (!terminal && entries % LOG_EVERY != 0) {
                return;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            err.printf(java.util.Locale.ROOT, "%sПерестроение индекса: записано %d за %.0f с%s", terminal ? "\r\033[K" : "",
                    entries, seconds, terminal ? "" : System.lineSeparator());
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
