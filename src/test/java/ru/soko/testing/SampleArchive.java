package ru.soko.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import ru.soko.Archive;
import ru.soko.catalog.DocumentRecord;
import ru.soko.demo.DemoArchive;
import ru.soko.ingest.IngestProgress;
import ru.soko.ingest.IngestSummary;

/**
 * The demo archive built once per test run from every sample document (OCR included, which takes
 * a minute), shared read-only by the tests that measure extraction and search on the samples.
 * Tests that change an archive build their own.
 */
public final class SampleArchive {

    private static final class Holder {
        static final SampleArchive INSTANCE = build();
    }

    private final Archive archive;
    private final IngestSummary summary;
    private final Map<String, DocumentRecord> byPath = new TreeMap<>();

    private SampleArchive(Archive archive, IngestSummary summary) {
        this.archive = archive;
        this.summary = summary;
        archive.catalog().forEach(r -> byPath.put(r.sourcePath(), r));
    }

    public static SampleArchive get() {
        return Holder.INSTANCE;
    }

    private static SampleArchive build() {
        try {
            Path dir = Files.createTempDirectory("soko-samples");
            Archive archive = Archive.open(TestArchives.config(dir));
            IngestSummary summary = DemoArchive.fillIfEmpty(archive, IngestProgress.NONE);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                archive.close();
                deleteTree(dir);
            }));
            return new SampleArchive(archive, summary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Archive archive() {
        return archive;
    }

    public IngestSummary summary() {
        return summary;
    }

    /** Catalogue records by their path under {@code sample-docs/}, e.g. {@code kuzbass/2020-07-24_prikaz-1291.doc}. */
    public Map<String, DocumentRecord> byPath() {
        return byPath;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temporary files; the OS cleans up what is left
        }
    }
}
