package ru.soko.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import ru.soko.catalog.DocumentRecord;
import ru.soko.registry.RegistryRecord;
import ru.soko.registry.RegistrySpec;

/**
 * Fills an emptied index on every core. A rebuild is bound by analysis, which Lucene's writer runs
 * in parallel when documents arrive from several threads, so the thread reading the catalogue hands
 * each record to a worker and, when the workers are all busy, indexes it itself.
 */
public final class IndexLoader {

    /** How often the progress callback hears the count: often enough for a live line, rarely enough to cost nothing. */
    static final int PROGRESS_EVERY = 5_000;

    private final IndexWriter writer;
    private final DocumentMapper mapper;
    private final LongConsumer progress;
    private final ThreadPoolExecutor workers;
    private final AtomicLong added = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    IndexLoader(IndexWriter writer, DocumentMapper mapper, int threads, LongConsumer progress) {
        this.writer = writer;
        this.mapper = mapper;
        this.progress = progress;
        this.workers = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES,
                new ArrayBlockingQueue<>(4 * threads), IndexLoader::worker, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    private static Thread worker(Runnable r) {
        Thread t = new Thread(r, "index-loader");
        t.setDaemon(true);
        return t;
    }

    /** Queues one catalogued document; a worker's earlier failure surfaces here. */
    public void add(DocumentRecord record) {
        submit(() -> mapper.toLucene(record));
    }

    /** Queues one registry record. */
    public void add(RegistrySpec spec, RegistryRecord record) {
        submit(() -> mapper.toLucene(spec, record));
    }

    private void submit(java.util.function.Supplier<Document> entry) {
        rethrowFailure();
        workers.execute(() -> {
            if (failure.get() != null) {
                return;
            }
            try {
                // Adds, not updates: the index was emptied, and looking every id up in every segment would cost more as the index grows.
                writer.addDocument(entry.get());
                long n = added.incrementAndGet();
                if (n % PROGRESS_EVERY == 0) {
                    progress.accept(n);
                }
            } catch (IOException | RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            }
        });
    }

    /** Waits for the queued entries; returns how many were added, or throws the first failure. */
    long finish() {
        workers.shutdown();
        try {
            while (!workers.awaitTermination(1, TimeUnit.MINUTES)) {
                // A large rebuild takes minutes; keep waiting.
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("перестроение индекса прервано", e);
        }
        rethrowFailure();
        return added.get();
    }

    /** Stops the workers without waiting for what is queued (after a failure of the feed). */
    void abandon() {
        workers.shutdownNow();
        try {
            // Let the entries being analysed now finish before the writer is rolled back under them.
            workers.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void rethrowFailure() {
        Throwable t = failure.get();
        if (t instanceof IOException io) {
            throw new UncheckedIOException(io);
        }
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error error) {
            throw error;
        }
    }
}
