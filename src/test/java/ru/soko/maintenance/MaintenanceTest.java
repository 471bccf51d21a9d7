package ru.soko.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.soko.Archive;
import ru.soko.config.AppConfig;
import ru.soko.ingest.FileCollector;
import ru.soko.ingest.IngestProgress;
import ru.soko.search.SearchRequest;
import ru.soko.testing.TestArchives;
import ru.soko.testing.TestFiles;

class MaintenanceTest {

    @TempDir
    Path dir;

    private AppConfig config;

    @BeforeEach
    void fill() throws Exception {
        config = TestArchives.withoutOcr(dir.resolve("main"));
        Path in = Files.createDirectories(dir.resolve("in"));
        TestFiles.text(in, "a.txt", TestFiles.RUSSIAN_TEXT, StandardCharsets.UTF_8);
        TestFiles.docx(in, "b.docx", "Положение о мониторинге качества образования");
        try (Archive archive = Archive.open(config)) {
            archive.ingest().ingest(FileCollector.collect(List.of(in)), "test", IngestProgress.NONE);
        }
    }

    @Test
    void healthyArchivePassesTheCheck() {
        CheckReport report = ArchiveCheck.run(config, false);
        assertTrue(report.healthy(), report.problems().toString());
        assertEquals(2, report.documents());
        assertEquals(2, report.indexEntries());
    }

    @Test
    void lostIndexIsFoundAndRepairedFromTheCatalogue() throws Exception {
        try (Stream<Path> files = Files.list(config.indexDir())) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        CheckReport broken = ArchiveCheck.run(config, false);
        assertFalse(broken.healthy());
        CheckReport repaired = ArchiveCheck.run(config, true);
        assertTrue(repaired.healthy(), repaired.problems().toString());
        assertFalse(repaired.repairs().isEmpty());
        assertEquals(2, repaired.indexEntries());
    }

    @Test
    void alteredOriginalIsReportedByItsSha256() throws Exception {
        Path original;
        try (Stream<Path> walk = Files.walk(config.originalsDir())) {
            original = walk.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        original.toFile().setWritable(true);
        Files.writeString(original, "подмена", StandardOpenOption.APPEND);
        CheckReport report = ArchiveCheck.run(config, true);
        assertTrue(report.problems().stream().anyMatch(p -> p.contains("оригинал изменён")), report.problems().toString());
    }

    @Test
    void backupOfARunningArchiveRestoresToAHealthySearchableArchive() throws Exception {
        Path backup = dir.resolve("backup");
        try (Archive running = Archive.open(config)) {
            ArchiveBackup.backup(config, backup);
            assertEquals(2, running.catalog().count(), "the archive keeps running during the backup");
        }
        AppConfig restoredConfig = TestArchives.withoutOcr(dir.resolve("restored"));
        CheckReport report = ArchiveBackup.restore(backup, restoredConfig);
        assertTrue(report.healthy(), report.problems().toString());
        try (Archive restored = Archive.open(restoredConfig)) {
            assertEquals(1, restored.search().search(new SearchRequest("мониторинге", 0, 10)).total());
        }
        assertThrows(IllegalArgumentException.class, () -> ArchiveBackup.restore(backup, restoredConfig),
                "restore never overwrites an archive");
    }
}
