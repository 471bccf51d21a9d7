package ru.soko.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
 * extract and store the original (atomic rename; nothing else written yet), insert the catalogue
 * rows (one transaction per group of files, marked not yet indexed), then index and mark indexed
 * after the index commit. A row left unindexed by a crash is indexed when the archive next opens;
 * an original without a row is harmless and is reused when the file comes again.
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
    /**
     * Files written in one catalogue transaction at most. A group is whatever is prepared when the
     * writer comes for it — it never waits to fill one — so a slow trickle (uploads, parsing) still
     * commits file by file, and a fast stream amortises the transaction over many rows.
     */
    private static final int GROUP_MAX = 256;
    private static final long GROUP_MAX_CHARS = 16_000_000L;
    /**
     * Files read ahead of the one being written: enough to fill a group while the previous one is
     * written, bounded in bytes so that large files cannot fill the heap with their text.
     */
    private static final int PREPARE_AHEAD = 2 * GROUP_MAX;
    private static final long PREPARE_AHEAD_BYTES = 64L << 20;
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
        // Reading, parsing, requisites and originals run ahead on other threads; the catalogue and the
        // index are written on this thread in file order, so the order of work above is unchanged.
        ExecutorService preparers = Executors.newFixedThreadPool(PREPARE_THREADS, daemon());
        try {
            Deque<Ahead> ahead = new ArrayDeque<>();
            long aheadBytes = 0;
            int next = 0;
            while (outcomes.size() < inputs.size()) {
                while (next < inputs.size() && (ahead.isEmpty()
                        || ahead.size() < PREPARE_AHEAD && aheadBytes < PREPARE_AHEAD_BYTES)) {
                    FileCollector.Input upcoming = inputs.get(next++);
                    long bytes = sizeOrZero(upcoming.file());
                    ahead.add(new Ahead(preparers.submit(() -> prepare(upcoming)), bytes));
                    aheadBytes += bytes;
                }
                List<Prepared> group = new ArrayList<>();
                long chars = 0;
                do {
                    Ahead taken = ahead.poll();
                    aheadBytes -= taken.bytes();
                    Prepared prepared = await(taken.future());
                    group.add(prepared);
                    chars += prepared.doc() == null ? 0 : prepared.doc().text().length();
                } while (!ahead.isEmpty() && ahead.peek().future().isDone() && group.size() < GROUP_MAX
                        && chars < GROUP_MAX_CHARS);
                for (int k = 0; k < group.size(); k++) {
                    progress.starting(outcomes.size() + k, inputs.size(), SafeNames.path(group.get(k).input().displayName()));
                }
                for (IngestOutcome outcome : store(group, actor, visibility)) {
                    if (outcome.status() == IngestOutcome.Status.ADDED) {
                        pending.add(outcome.documentId());
                    }
                    outcomes.add(outcome);
                    progress.finished(outcomes.size(), inputs.size(), outcome);
                }
                if (pending.size() >= COMMIT_EVERY || System.nanoTime() - lastCommit > COMMIT_AFTER_NANOS) {
                    commit(pending);
                    lastCommit = System.nanoTime();
                }
            }
        } finally {
            preparers.shutdownNow();
            commit(pending);
        }
        return new IngestSummary(outcomes);
    }

    /** A file submitted for preparing, with its size counted against the read-ahead bound. */
    private record Ahead(Future<Prepared> future, long bytes) {
    }

    private static long sizeOrZero(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
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
        // The crash also lost the index entries of older acts whose status these rows changed.
        Set<Long> toIndex = new LinkedHashSet<>(ids);
        for (long id : ids) {
            toIndex.addAll(catalog.neighbours(id));
        }
        List<Long> all = new ArrayList<>(toIndex);
        for (int from = 0; from < all.size(); from += GROUP_MAX) {
            catalog.getAll(all.subList(from, Math.min(all.size(), from + GROUP_MAX))).forEach(index::upsert);
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

    /**
     * Checks, hash, extraction, requisites and the original: nothing here touches the catalogue or the
     * index, so it may run ahead of the writes. An original stored for a file that a crash then keeps
     * out of the catalogue is harmless (and reused when the file comes again).
     */
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
            NewDocument doc = toNewDocument(input, size, sha, extraction);
            // Durable before its row can commit: the writer only sees this file once this returns.
            originals.store(file, sha);
            return new Prepared(input, sha, doc, null);
        } catch (IOException e) {
            return early(input, IngestOutcome.rejected(name, RejectReason.UNREADABLE, e.getMessage()));
        }
    }

    private static Prepared early(FileCollector.Input input, IngestOutcome outcome) {
        return new Prepared(input, null, null, outcome);
    }

    /**
     * Catalogue rows, self-evaluation figures and index entries of a group, in file order on the
     * caller's thread: the rows in one transaction, the figures in another, then the new documents and
     * the older ones whose status they changed are indexed (committed later, see {@link #commit}).
     */
    private List<IngestOutcome> store(List<Prepared> group, String actor, String visibility) {
        List<NewDocument> docs = new ArrayList<>(group.size());
        for (Prepared prepared : group) {
            if (prepared.early() == null) {
                docs.add(prepared.doc());
            }
        }
        List<Catalog.Insertion> insertions = List.of();
        if (!docs.isEmpty()) {
            Catalog.GroupInsert inserted = catalog.insertAll(docs, actor, visibility);
            insertions = inserted.insertions();
            List<DocumentRecord> added = insertions.stream().filter(Catalog.Insertion::added)
                    .map(Catalog.Insertion::record).toList();
            if (!added.isEmpty()) {
                catalog.inOneTransaction(() -> added.forEach(afterInsert));
            }
            added.forEach(index::upsert);
            catalog.getAll(inserted.changedNeighbours()).forEach(index::upsert);
        }
        List<IngestOutcome> outcomes = new ArrayList<>(group.size());
        int next = 0;
        for (Prepared prepared : group) {
            if (prepared.early() != null) {
                outcomes.add(prepared.early());
                continue;
            }
            String name = SafeNames.path(prepared.input().displayName());
            Catalog.Insertion insertion = insertions.get(next++);
            // A duplicate here is the same file twice in one batch: both were read before either was written.
            outcomes.add(insertion.added() ? IngestOutcome.added(name, insertion.id(), prepared.doc().warnings())
                    : IngestOutcome.duplicate(name, insertion.id()));
        }
        return outcomes;
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
