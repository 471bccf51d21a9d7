package ru.soko.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.soko.Archive;
import ru.soko.catalog.DocumentRecord;
import ru.soko.extract.RejectReason;
import ru.soko.search.SearchRequest;
import ru.soko.testing.TestArchives;
import ru.soko.testing.TestFiles;

class IngestServiceTest {

    @TempDir
    Path dir;

    private static List<FileCollector.Input> inputs(Path... files) {
        return FileCollector.collect(List.of(files));
    }

    @Test
    void sameBytesIngestedTwiceAreOneDocument() throws Exception {
        Path first = TestFiles.text(dir, "order.txt", TestFiles.RUSSIAN_TEXT, StandardCharsets.UTF_8);
        Path copy = Files.copy(first, dir.resolve("order-copy.txt"));
        try (Archive archive = Archive.open(TestArchives.withoutOcr(dir))) {
            IngestSummary summary = archive.ingest().ingest(inputs(first, copy), "test", IngestProgress.NONE);
            assertEquals(1, summary.added());
            assertEquals(1, summary.duplicates());
            assertEquals(summary.outcomes().get(0).documentId(), summary.outcomes().get(1).documentId());
            IngestSummary again = archive.ingest().ingest(inputs(first), "test", IngestProgress.NONE);
            assertEquals(1, again.duplicates());
            assertEquals(1, archive.catalog().count());
            assertEquals(1, archive.index().documentCount());
        }
    }

    @Test
    void storesOriginalBytesCatalogueRowAndIndexEntry() throws Exception {
        Path file = TestFiles.docx(dir, "vsoko.docx", "Положение о внутренней системе оценки качества образования");
        try (Archive archive = Archive.open(TestArchives.withoutOcr(dir))) {
            long id = archive.ingest().ingest(inputs(file), "test", IngestProgress.NONE).outcomes().get(0).documentId();
            DocumentRecord record = archive.catalog().get(id).orElseThrow();
            Path original = archive.originals().pathOf(record.sha256());
            assertTrue(Files.isRegularFile(original));
            assertEquals(-1, Files.mismatch(file, original));
            assertEquals("docx", record.format());
            assertEquals("vsoko.docx", record.sourceName());
            assertEquals(1, archive.search().search(new SearchRequest("внутренней системе", 0, 10)).total());
            assertEquals(List.of("ingest"), archive.catalog().auditTrail("document:" + id).stream().map(a -> a.action()).toList());
        }
    }

    @Test
    void rejectsEachBadFileWithItsReasonAndGoesOnWithTheBatch() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("batch"));
        Files.createFile(folder.resolve("a-empty.docx"));
        TestFiles.encryptedPdf(folder, "b-encrypted.pdf");
        TestFiles.brokenDocx(folder, "c-broken.docx");
        TestFiles.randomBytes(folder, "d-unknown.dat", 2048, 3);
        TestFiles.text(folder, "e-good.txt", TestFiles.RUSSIAN_TEXT, StandardCharsets.UTF_8);
        try (Archive archive = Archive.open(TestArchives.withoutOcr(dir))) {
            IngestSummary summary = archive.ingest().ingest(inputs(folder), "test", IngestProgress.NONE);
            assertEquals(List.of(RejectReason.EMPTY, RejectReason.ENCRYPTED, RejectReason.CORRUPT, RejectReason.UNSUPPORTED),
                    summary.rejected().stream().map(IngestOutcome::reason).toList());
            summary.rejected().forEach(o -> assertTrue(o.message().startsWith(o.file() + ": "), o.message()));
            assertEquals(1, summary.added());
            assertEquals(1, archive.catalog().count());
            assertEquals(1, countOriginals(archive.config().originalsDir()), "rejected files leave no original behind");
        }
    }

    @Test
    void rejectsFileOverTheSizeLimitBeforeReadingIt() throws Exception {
        Path big = TestFiles.text(dir, "big.txt", TestFiles.RUSSIAN_TEXT.repeat(20), StandardCharsets.UTF_8);
        try (Archive archive = Archive.open(TestArchives.withLimits(dir, 1024, 1_000_000, Duration.ofSeconds(60)))) {
            IngestOutcome outcome = archive.ingest().ingest(inputs(big), "test", IngestProgress.NONE).outcomes().get(0);
            assertEquals(RejectReason.TOO_LARGE, outcome.reason());
            assertTrue(outcome.message().contains("big.txt"));
            assertEquals(0, archive.catalog().count());
        }
    }

    @Test
    void keepsScanWithoutOcrFlaggedAsNeedingOcr() throws Exception {
        Path blank = dir.resolve("scan.pdf");
        try (var doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
            doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            doc.save(blank.toFile());
        }
        try (Archive archive = Archive.open(TestArchives.withoutOcr(dir))) {
            IngestOutcome outcome = archive.ingest().ingest(inputs(blank), "test", IngestProgress.NONE).outcomes().get(0);
            assertEquals(IngestOutcome.Status.ADDED, outcome.status());
            DocumentRecord record = archive.catalog().get(outcome.documentId()).orElseThrow();
            assertTrue(record.needsOcr());
            assertTrue(outcome.warnings().stream().anyMatch(w -> w.contains("OCR")), outcome.warnings().toString());
        }
    }

    @Test
    void indexesCatalogueRowsLeftUnindexedByACrashWhenReopened() throws Exception {
        Path file = TestFiles.text(dir, "order.txt", TestFiles.RUSSIAN_TEXT, StandardCharsets.UTF_8);
        try (Archive archive = Archive.open(TestArchives.withoutOcr(dir))) {
            archive.ingest().ingest(inputs(file), "test", IngestProgress.NONE);
        }
        // Simulate a crash between the catalogue commit and the index commit.
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/archive.db"))) {
            connection.createStatement().executeUpdate("UPDATE documents SET indexed = 0");
        }
        deleteIndex(dir.resolve("data/index"));
        try (Archive reopened = Archive.open(TestArchives.withoutOcr(dir))) {
            assertEquals(1, reopened.index().documentCount());
            assertTrue(reopened.catalog().unindexedIds().isEmpty());
        }
    }

    private static void deleteIndex(Path index) throws Exception {
        try (Stream<Path> files = Files.list(index)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
    }

    private static long countOriginals(Path root) throws Exception {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void collectsFoldersRecursivelyInStableOrderSkippingHiddenFiles() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("in/sub"));
        Files.writeString(folder.resolve("b.txt"), "b");
        Files.writeString(dir.resolve("in/a.txt"), "a");
        Files.writeString(dir.resolve("in/.lock"), "x");
        List<FileCollector.Input> found = FileCollector.collect(List.of(dir.resolve("in")));
        assertEquals(List.of("a.txt", "sub/b.txt"), found.stream().map(FileCollector.Input::displayName).toList());
        assertFalse(found.stream().anyMatch(i -> i.displayName().contains(".lock")));
    }
}
