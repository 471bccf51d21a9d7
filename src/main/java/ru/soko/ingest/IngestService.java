package ru.soko.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    /** Index commits are fsyncs: one per this many documents keeps large batches fast. */
    private static final int COMMIT_EVERY = 25;

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
        for (int i = 0; i < inputs.size(); i++) {
            FileCollector.Input input = inputs.get(i);
            progress.starting(i, inputs.size(), SafeNames.path(input.displayName()));
            IngestOutcome outcome = ingestOne(input, actor, visibility);
            if (outcome.status() == IngestOutcome.Status.ADDED) {
                pending.add(outcome.documentId());
                if (pending.size() >= COMMIT_EVERY) {
                    commit(pending);
                }
            }
            outcomes.add(outcome);
            progress.finished(i + 1, inputs.size(), outcome);
        }
        commit(pending);
        return new IngestSummary(outcomes);
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

    private IngestOutcome ingestOne(FileCollector.Input input, String actor, String visibility) {
        String name = SafeNames.path(input.displayName());
        Path file = input.file();
        try {
            if (!Files.isRegularFile(file)) {
                return IngestOutcome.rejected(name, RejectReason.UNREADABLE, "файл не найден");
            }
            long size = Files.size(file);
            if (size == 0) {
                return IngestOutcome.rejected(name, RejectReason.EMPTY, null);
            }
            if (size > limits.maxFileBytes()) {
                return IngestOutcome.rejected(name, RejectReason.TOO_LARGE,
                        megabytes(size) + " при пределе " + megabytes(limits.maxFileBytes()));
            }
            String sha = ru.soko.util.Hashes.sha256(file);
            Optional<Long> existing = catalog.findIdBySha(sha);
            if (existing.isPresent()) {
                return IngestOutcome.duplicate(name, existing.get());
            }
            Extraction extraction = extractor.extract(new ExtractRequest(file.toAbsolutePath().toString(),
                    String.valueOf(file.getFileName()), ocr().available(), ocr().languages(), limits.maxTextChars(),
                    limits.ocrTimeoutSeconds()));
            if (!extraction.ok()) {
                return IngestOutcome.rejected(name, extraction.failure(), extraction.failureDetail());
            }
            NewDocument doc = toNewDocument(input, size, sha, extraction);
            originals.store(file, sha);
            Optional<Long> id = catalog.insert(doc, actor, visibility);
            if (id.isEmpty()) {
                return IngestOutcome.duplicate(name, catalog.findIdBySha(sha).orElseThrow());
            }
            catalog.get(id.get()).ifPresent(afterInsert);
            reindexWithNeighbours(id.get());
            return IngestOutcome.added(name, id.get(), doc.warnings());
        } catch (IOException e) {
            return IngestOutcome.rejected(name, RejectReason.UNREADABLE, e.getMessage());
        }
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
