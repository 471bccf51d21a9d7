package ru.soko.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.soko.testing.TestArchives;
import ru.soko.util.Json;

/**
 * Keeps the benchmark from rotting: a thousand synthetic text documents through generate and run,
 * in process and over HTTP. Timings are not asserted (CI machines vary); the shape of the report is.
 */
class BenchSmokeTest {

    @TempDir
    Path dir;

    @Test
    void sameSeedGivesTheSameCorpus() throws Exception {
        CorpusGenerator.Corpus a = CorpusGenerator.generate(CorpusGenerator.Spec.of(200, 7, "text"), dir.resolve("a"), n -> { });
        CorpusGenerator.Corpus b = CorpusGenerator.generate(CorpusGenerator.Spec.of(200, 7, "text"), dir.resolve("b"), n -> { });
        assertEquals(a.textBytes(), b.textBytes());
        assertEquals(a.kinds(), b.kinds());
        List<Path> files;
        try (var list = Files.list(a.docsDir().resolve("000"))) {
            files = list.map(p -> a.docsDir().relativize(p)).sorted().toList();
        }
        assertEquals(200, files.size());
        for (Path file : files) {
            assertArrayEquals(Files.readAllBytes(a.docsDir().resolve(file)), Files.readAllBytes(b.docsDir().resolve(file)), file.toString());
        }
        assertArrayEquals(Files.readAllBytes(a.registriesDir().resolve("achievements.csv")),
                Files.readAllBytes(b.registriesDir().resolve("achievements.csv")));
    }

    @Test
    void generateAndRunProduceASaneReport() throws Exception {
        CorpusGenerator.generate(CorpusGenerator.Spec.of(1000, 1, "text"), dir.resolve("corpus"), n -> { });
        StringWriter log = new StringWriter();
        BenchReport report = new BenchRunner(new BenchRunner.Options(dir.resolve("corpus"), dir.resolve("work"),
                TestArchives.config(dir), false, 1, List.of(1, 2), true, true), new PrintWriter(log)).run();
        ReportTable.print(report, new PrintWriter(log));
        JsonNode json = Json.mapper().readTree(Json.writePretty(report));

        assertEquals(1000, json.at("/ingest/added").asLong(), log.toString());
        assertEquals(0, json.at("/ingest/rejected").asLong());
        assertEquals("indexing", json.at("/ingest/mode").asText());
        assertTrue(json.at("/ingest/docsPerSecond").asDouble() > 0);
        assertEquals(1000, json.at("/rebuild/documents").asLong(), "the rebuild counts catalogued documents");
        assertEquals(json.at("/storage/documentsInIndex").asLong(), json.at("/rebuild/entries").asLong(),
                "the rebuilt index holds every entry the rebuild added");
        assertTrue(json.at("/rebuild/docsPerSecond").asDouble() > 0 && json.at("/rebuild/cpuSeconds").asDouble() > 0);
        assertTrue(json.at("/storage/indexBytes").asLong() > 0 && json.at("/storage/databaseBytes").asLong() > 0);
        assertTrue(json.at("/storage/documentsInIndex").asLong() >= 1000, "documents and registry records are in the index");
        assertTrue(json.at("/startup/totalSeconds").asDouble() > 0);
        assertEquals(4, json.at("/search").size(), "in process and HTTP at 1 and 2 clients");
        for (JsonNode load : json.at("/search")) {
            // Each of N clients makes max(1, 2·rounds/N) passes over the mix: two passes in all here.
            assertEquals(BenchQuery.mix().size() * 2, load.at("/all/count").asInt());
            assertTrue(load.at("/all/p50").asDouble() <= load.at("/all/p99").asDouble());
            assertTrue(load.at("/byKind/facet/count").asInt() > 0);
        }
        assertEquals(RegistrySheets.ORDER.size(), json.at("/registryImports").size());
        assertTrue(json.at("/registryPages/0/total").asLong() > 0);
        assertTrue(json.at("/heap/usedAfterGcBytes").asLong() > 0);
        assertTrue(log.toString().contains("p50"));
    }
}
