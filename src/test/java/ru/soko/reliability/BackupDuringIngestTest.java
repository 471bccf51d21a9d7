package ru.soko.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.soko.Archive;
import ru.soko.config.AppConfig;
import ru.soko.ingest.FileCollector;
import ru.soko.ingest.IngestProgress;
import ru.soko.ingest.IngestSummary;
import ru.soko.maintenance.ArchiveBackup;
import ru.soko.maintenance.CheckReport;
import ru.soko.testing.TestArchives;

/** A backup taken while a batch is being ingested restores to a clean archive of complete documents. */
class BackupDuringIngestTest {

    static final int BATCH = 40;

    @TempDir
    Path dir;

    @Test
    void backupTakenDuringAnIngestRestoresCleanWithEveryDocumentComplete() throws Exception {
        Batch batch = Batch.create(dir.resolve("in"), BATCH, 0);
        AppConfig config = TestArchives.withoutOcr(dir.resolve("main"));
        long atBackup;
        long after;
        try (Archive archive = Archive.open(config)) {
            ExecutorService pool = Executors.newSingleThreadExecutor();
            Future<IngestSummary> ingest = pool.submit(() -> archive.ingest().ingest(
                    FileCollector.collect(List.of(batch.folder())), "test", IngestProgress.NONE));
            while (archive.catalog().count() < 5 && !ingest.isDone()) {
                Thread.sleep(5);
            }
            atBackup = archive.catalog().count();
            ArchiveBackup.backup(config, dir.resolve("backup"));
            boolean stillRunning = !ingest.isDone();
            assertEquals(BATCH, ingest.get(3, TimeUnit.MINUTES).added());
            pool.shutdown();
            after = archive.catalog().count();
            assertTrue(stillRunning, "the backup must be taken while the ingest runs");
        }
        AppConfig restoredConfig = TestArchives.withoutOcr(dir.resolve("restored"));
        CheckReport report = ArchiveBackup.restore(dir.resolve("backup"), restoredConfig);
        assertTrue(report.healthy(), "check of the restored archive: " + report.problems());
        try (Archive restored = Archive.open(restoredConfig)) {
            Set<String> shas = Completeness.assertEveryDocumentComplete(restored, batch, "restored backup");
            assertTrue(shas.size() >= atBackup && shas.size() <= after,
                    "the backup holds what was there when it began (" + atBackup + ") and at most what came later: " + shas.size());
            System.out.printf("BackupDuringIngestTest: backup began at %d of %d documents, restored %d, all complete%n", atBackup, BATCH, shas.size());
        }
    }

    /**
     * At any moment of an ingest there may be an original already stored whose catalogue row is not yet
     * written (step 3 of the pipeline done, step 4 not). A backup taken then must not carry it: the
     * restored archive would fail its check with an original nobody refers to.
     */
    @Test
    void anOriginalWhoseRowIsNotWrittenYetStaysOutOfTheBackup() throws Exception {
        Batch batch = Batch.create(dir.resolve("in"), 3, 0);
        AppConfig config = TestArchives.withoutOcr(dir.resolve("main"));
        List<Batch.Doc> docs = batch.docs();
        try (Archive archive = Archive.open(config)) {
            archive.ingest().ingest(FileCollector.collect(List.of(docs.get(0).file(), docs.get(1).file())), "test", IngestProgress.NONE);
            // The third file is half-way through an ingest: its original is stored, its row not yet.
            archive.originals().store(docs.get(2).file(), docs.get(2).sha256());
            ArchiveBackup.backup(config, dir.resolve("backup"));
        }
        CheckReport report = ArchiveBackup.restore(dir.resolve("backup"), TestArchives.withoutOcr(dir.resolve("restored")));
        assertTrue(report.healthy(), "check of the restored archive: " + report.problems());
        assertEquals(2, report.documents());
    }
}
