package ru.soko.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.soko.testing.TestFiles;

class IsolatedExtractorTest {

    @TempDir
    Path dir;

    private static ExtractRequest request(Path file, int maxChars) {
        return new ExtractRequest(file.toString(), file.getFileName().toString(), false, "rus+eng", maxChars, 60);
    }

    @Test
    void extractsInAChildProcessAndKeepsItForTheNextFile() throws Exception {
        Path a = TestFiles.text(dir, "a.txt", "первый файл о самообследовании", StandardCharsets.UTF_8);
        Path b = TestFiles.docx(dir, "b.docx", "второй файл о мониторинге");
        try (IsolatedExtractor extractor = new IsolatedExtractor(limits(512, Duration.ofSeconds(60)))) {
            assertEquals("первый файл о самообследовании", extractor.extract(request(a, 10_000)).text());
            assertEquals("второй файл о мониторинге", extractor.extract(request(b, 10_000)).text());
        }
    }

    @Test
    void killsAParseThatOverrunsItsTimeLimitAndRecovers() throws Exception {
        Path file = TestFiles.docx(dir, "slow.docx", "текст");
        try (IsolatedExtractor impatient = new IsolatedExtractor(limits(512, Duration.ofMillis(1)))) {
            Extraction e = impatient.extract(request(file, 10_000));
            assertEquals(RejectReason.TIMEOUT, e.failure());
        }
        try (IsolatedExtractor patient = new IsolatedExtractor(limits(512, Duration.ofSeconds(60)))) {
            assertEquals("текст", patient.extract(request(file, 10_000)).text());
        }
    }

    @Test
    void containsAParserThatRunsOutOfMemoryAndGoesOnWithTheNextFile() throws Exception {
        // About 48 MB of text against a 64 MB worker heap: the text alone does not fit twice.
        Path huge = dir.resolve("huge.txt");
        String line = "Строка отчёта о самообследовании с показателями деятельности организации.\n";
        try (var out = Files.newBufferedWriter(huge, StandardCharsets.UTF_8)) {
            for (int i = 0; i < 340_000; i++) {
                out.write(line);
            }
        }
        Path small = TestFiles.text(dir, "small.txt", "маленький файл", StandardCharsets.UTF_8);
        try (IsolatedExtractor extractor = new IsolatedExtractor(limits(64, Duration.ofSeconds(120)))) {
            Extraction crashed = extractor.extract(request(huge, Integer.MAX_VALUE));
            assertEquals(RejectReason.CRASHED, crashed.failure(), () -> "got " + crashed.failure() + " " + crashed.failureDetail());
            Extraction next = extractor.extract(request(small, 10_000));
            assertTrue(next.ok());
            assertEquals("маленький файл", next.text());
        }
    }

    private IsolatedExtractor.Limits limits(int heapMb, Duration timeout) {
        return new IsolatedExtractor.Limits(heapMb, timeout, Duration.ofSeconds(300), dir.resolve("logs/worker.log"));
    }
}
