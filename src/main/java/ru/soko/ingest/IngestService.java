package ru.soko.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import ru.soko.catalog.Catalog;
import ru.soko.catalog.DocumentRecord;
import ru.soko.catalog.NewDocument;
import ru.soko.catalog.OriginalStore;
import ru.soko.catalog.TextSource;
import ru.soko.extract.DocumentFormat;
import ru.soko.extract.ExtractRequest;
import ru.soko.extract.Extraction;
import ru.soko.extract.Extractor;
import ru.soko.extract.OcrEngine;
import ru.soko.extract.RejectReason;
import ru.soko.extract.TikaTextExtractor;
import ru.soko.requisites.RequisiteExtractor;
import ru.soko.search.SearchIndex;

/**
 * Takes files into the archive. Order of work, chosen so a crash never leaves half a document:
 * extract (nothing written yet), store the original (atomic rename), insert the catalogue row
 * (one transaction, marked not yet indexed), then index and mark indexed. A row left unindexed by
 * a crash is indexed when the archive next opens; an original without a row is harmless and is
 * reused when the file comes again.
 */
public final class IngestService {

    /**
     * Index commits are fsyncs, and each one closes a small segment that background merges must then
     * rewrite: at one commit per 25 documents merging took most of the CPU of a large batch
     * (docs/BENCHMARKS.md). Rows are marked indexed only after a commit, so a crash loses nothing;
     * the time bound keeps new documents appearing in searches during a long batch.
     */
    private static final int COMMIT_EVERY = 1000;
    private static final long COMMIT_AFTER_NANOS = 10_000_000_000L;
    /** Files read ahead of the one being written; enough to keep the preparing threads busy. */
    private static final int PREPARE_AHEAD = 16;
    private static final int PREPARE_THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

    private final Catalog catalog;
    private final OriginalStore originals;
    private final SearchIndex index;
    private final Extractor extractor;
    private final RequisiteExtractor requisites;
    private final java.util.function.Consumer<DocumentRecord> afterInsert;
    private final Supplier<OcrEngine> ocrProbe;
    private final Limits limits;
    private OcrEngine ocr;

    /** Per-file limits taken from the configuration. */
    public record Limits(long maxFileBytes, int maxTextChars, int ocrTimeoutSeconds) {
    }

    public IngestService(Catalog catalog, OriginalStore originals, SearchIndex index, Extractor extractor,
                         RequisiteExtractor requisites, Supplier<OcrEngine> ocrProbe, Limits limits,
                         java.util.function.Consumer<DocumentRecord> afterInsert) {
        this.catalog = catalog;
        this.originals = originals;
        this.index = index;
        this.extractor = extractor;
        this.requisites = requisites;
        this.afterInsert = afterInsert;
        this.ocrProbe = ocrProbe;
        this.limits = limits;
    }

    public IngestSummary ingest(List<FileCollector.Input> inputs, String actor, IngestProgress progress) {
        return ingest(inputs, actor, progress, "public");
    }

    /**
     * Ingests files with the visibility new documents start with: an upload meant for review first
     * starts {@code internal}, so it is never public before someone decides it.
     */
    public IngestSummary ingest(List<FileCollector.Input> inputs, String actor, IngestProgress progress, String visibility) {
        List<IngestOutcome> outcomes = new ArrayList<>(inputs.size());
        List<Long> pending = new ArrayList<>();
        long lastCommit = System.nanoTime();
        // Reading, parsing and requisites run ahead on other threads (pure work, nothing written); the
        // writes stay on this thread in file order, so the order of work above is unchanged.
        ExecutorService preparers = Executors.newFixedThreadPool(PREPARE_THREADS, daemon());
        try {
            Deque<Future<Prepared>> ahead = new ArrayDeque<>();
            int next = 0;
            for (int i = 0; i < inputs.size(); i++) {
                while (next < inputs.size() && next <= i + PREPARE_AHEAD) {
                    FileCollector.Input upcoming = inputs.get(next++);
                    ahead.add(preparers.submit(() -> prepare(upcoming)));
                }
                FileCollector.Input input = inputs.get(i);
                progress.starting(i, inputs.size(), SafeNames.path(input.displayName()));
                IngestOutcome outcome = store(await(ahead.poll()), actor, visibility);
                if (outcome.status() == IngestOutcome.Status.ADDED) {
                    pending.add(outcome.documentId());
                    if (pending.size() >= COMMIT_EVERY || System.nanoTime() - lastCommit > COMMIT_AFTER_NANOS) {
                        commit(pending);
                        lastCommit = System.nanoTime();
                    }
                }
                outcomes.add(outcome);
                progress.finished(i + 1, inputs.size(), outcome);
            }
        } finally {
            preparers.shutdownNow();
            commit(pending);
        }
        return new IngestSummary(outcomes);
    }

    /** A file read and understood, ready to be written; or the outcome that ends it early. */
    private record Prepared(FileCollector.Input input, String sha, NewDocument doc, IngestOutcome early) {
    }

    private static Prepared await(Future<Prepared> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("приём прерван", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "ingest-prepare");
            t.setDaemon(true);
            return t;
        };
    }

    /** Indexes catalogue rows that a crash left without an index entry. */
    public int indexUnindexed() {
        List<Long> ids = catalog.unindexedIds();
        for (long id : ids) {
            catalog.get(id).ifPresent(index::upsert);
        }
        commit(new ArrayList<>(ids));
        return ids.size();
    }

    /** Probing runs Tesseract, so it waits for the first file that needs parsing. */
    private synchronized OcrEngine ocr() {
        if (ocr == null) {
            ocr = ocrProbe.get();
        }
        return ocr;
    }

    /** Checks, hash, extraction and requisites: reads only, so it may run ahead of the writes. */
    private Prepared prepare(FileCollector.Input input) {
        String name = SafeNames.path(input.displayName());
        Path file = input.file();
        try {
            if (!Files.isRegularFile(file)) {
                return early(input, IngestOutcome.rejected(name, RejectReason.UNREADABLE, "файл не найден"));
            }
            long size = Files.size(file);
            if (size == 0) {
                return early(input, IngestOutcome.rejected(name, RejectReason.EMPTY, null));
            }
            if (size > limits.maxFileBytes()) {
                return early(input, IngestOutcome.rejected(name, RejectReason.TOO_LARGE,
                        megabytes(size) + " при пределе " + megabytes(limits.maxFileBytes())));
            }
            String sha = ru.soko.util.Hashes.sha256(file);
            Optional<Long> existing = catalog.findIdBySha(sha);
            if (existing.isPresent()) {
                return early(input, IngestOutcome.duplicate(name, existing.get()));
            }
            Extraction extraction = extractor.extract(new ExtractRequest(file.toAbsolutePath().toString(),
                    String.valueOf(file.getFileName()), ocr().available(), ocr().languages(), limits.maxTextChars(),
                    limits.ocrTimeoutSeconds()));
            if (!extraction.ok()) {
                return early(input, IngestOutcome.rejected(name, extraction.failure(), extraction.failureDetail()));
            }
            return new Prepared(input, sha, toNewDocument(input, size, sha, extraction), null);
        } catch (IOException e) {
            return early(input, IngestOutcome.rejected(name, RejectReason.UNREADABLE, e.getMessage()));
        }
    }

    private static Prepared early(FileCollector.Input input, IngestOutcome outcome) {
        return new Prepared(input, null, null, outcome);
    }

    /** Original, catalogue row, index: the writes, in file order on the caller's thread. */
    private IngestOutcome store(Prepared prepared, String actor, String visibility) {
        if (prepared.early() != null) {
            return prepared.early();
        }
        String name = SafeNames.path(prepared.input().displayName());
        try {
            originals.store(prepared.input().file(), prepared.sha());
        } catch (IOException e) {
            return IngestOutcome.rejected(name, RejectReason.UNREADABLE, e.getMessage());
        }
        Optional<Long> id = catalog.insert(prepared.doc(), actor, visibility);
        if (id.isEmpty()) {
            // The same file came twice in one batch: both were read before either was written.
            return IngestOutcome.duplicate(name, catalog.findIdBySha(prepared.sha()).orElseThrow());
        }
        catalog.get(id.get()).ifPresent(afterInsert);
        reindexWithNeighbours(id.get());
        return IngestOutcome.added(name, id.get(), prepared.doc().warnings());
    }

    /**
     * Indexes a document and the documents linked to it: a new repealing act changes the status of
     * the act it repeals (and of that act's annexes), whichever of them arrived first.
     */
    public void reindexWithNeighbours(long id) {
        catalog.get(id).ifPresent(index::upsert);
        for (long neighbour : catalog.neighbours(id)) {
            catalog.get(neighbour).ifPresent(index::upsert);
        }
    }

    private NewDocument toNewDocument(FileCollector.Input input, long size, String sha, Extraction extraction) {
        DocumentFormat format = extraction.documentFormat();
        List<String> warnings = new ArrayList<>(extraction.warnings());
        boolean scanned = TikaTextExtractor.looksScanned(format, extraction);
        boolean needsOcr = scanned && !extraction.ocrUsed();
        if (needsOcr) {
            warnings.add("нужно распознавание (OCR): " + (ocr().available() ? "текст не распознан" : ocr().problem()));
        }
        if (extraction.text().isBlank() && !needsOcr) {
            warnings.add("в файле не найден текст");
        }
        TextSource source = extraction.ocrUsed() ? TextSource.OCR
                : extraction.text().isBlank() ? TextSource.NONE : TextSource.LAYER;
        return new NewDocument(sha, SafeNames.name(String.valueOf(input.file().getFileName())), SafeNames.path(input.displayName()),
                extraction.mediaType(), format.label(), size, TitleGuess.of(extraction, input),
                extraction.text(), extraction.truncated(), source, needsOcr, extraction.metadata(), warnings,
                requisites.extract(extraction.text(), extraction.metadata()));
    }

    private void commit(List<Long> pending) {
        if (pending.isEmpty()) {
            return;
        }
        index.commit();
        catalog.markIndexed(pending);
        pending.clear();
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f МБ", bytes / 1024.0 / 1024.0);
    }
}
