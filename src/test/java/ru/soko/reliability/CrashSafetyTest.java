package ru.soko.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.soko.App;
import ru.soko.Archive;
import ru.soko.config.AppConfig;
import ru.soko.maintenance.ArchiveCheck;
import ru.soko.maintenance.CheckReport;
import ru.soko.testing.TestArchives;

/**
 * {@code kill -9} during a batch: the real CLI {@code ingest} runs as a child process and is killed
 * with SIGKILL at seeded random moments. After each kill the archive may hold only what the design
 * allows (catalogue rows not yet indexed, originals without a row); after a restart every document is
 * complete or absent, every document the CLI reported as added is there, and re-running the batch
 * completes it without duplicates.
 */
class CrashSafetyTest {

    static final long SEED = 20_260_826L;
    static final int DISTINCT = 58;
    static final int COPIES = 2;
    static final int KILLS = 7;

    private static final Pattern ADDED = Pattern.compile("^\\[\\d+/\\d+] (.+): добавлен, № (\\d+)");

    @TempDir
    Path dir;

    @Test
    void killedIngestLeavesEveryDocumentCompleteOrAbsentAndTheRerunCompletesTheBatch() throws Exception {
        Batch batch = Batch.create(dir.resolve("in"), DISTINCT, COPIES);
        AppConfig config = TestArchives.withoutOcr(dir);
        Random random = new Random(SEED);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        int kills = 0;
        int rounds = 0;
        List<String> killPoints = new ArrayList<>();
        int unindexedLeft = 0;
        int orphansLeft = 0;
        while (kills < KILLS && rounds < KILLS + 4) {
            rounds++;
            int present = countDocuments(config);
            // The first kill falls into start-up (opening the archive, starting the parser); the others after
            // a random number of progress lines plus a random delay, so they land inside the work on a file.
            // Small steps, so that seven kills fit in the batch whatever the machine's speed.
            int afterLines = kills == 0 ? 0 : present + random.nextInt(Math.max(1, Math.min(5, (DISTINCT - present) / 2)));
            long delayMs = kills == 0 ? 300 + random.nextInt(1500) : random.nextInt(150);
            Run run = start(config, batch, acknowledged);
            boolean killed = run.killAfter(afterLines, delayMs);
            if (killed) {
                kills++;
                killPoints.add(afterLines + " lines + " + delayMs + " ms");
            }
            List<String> left = verifyAfterCrash(config, batch, acknowledged, "round " + rounds + " (" + (killed ? "killed" : "finished") + ")");
            unindexedLeft += left.stream().anyMatch(p -> p.startsWith("в индексе нет")) ? 1 : 0;
            orphansLeft += left.stream().anyMatch(p -> p.startsWith("оригиналов без записи")) ? 1 : 0;
        }
        assertEquals(KILLS, kills, "kill points reached: " + killPoints);

        int acknowledgedBeforeKills = acknowledged.size();
        Run last = start(config, batch, acknowledged);
        assertEquals(0, last.waitFor(), "the rerun completes the batch");
        try (Archive archive = Archive.open(config)) {
            Set<String> shas = Completeness.assertEveryDocumentComplete(archive, batch, "after the rerun");
            assertEquals(DISTINCT, shas.size(), "every distinct file once");
            assertEquals(DISTINCT, archive.catalog().count(), "no duplicates");
        }
        CheckReport report = ArchiveCheck.run(config, false);
        assertTrue(report.healthy(), "check after the rerun: " + report.problems());
        System.out.printf("CrashSafetyTest: %d kill points (%s), %d rounds; kills that left unindexed rows: %d, spare originals: %d;"
                + " documents reported added before a kill (%d) lost: 0%n", kills, killPoints, rounds, unindexedLeft, orphansLeft, acknowledgedBeforeKills);
    }

    /** What the crash may leave, and that a restart (opening the archive) finishes it. */
    private static List<String> verifyAfterCrash(AppConfig config, Batch batch, Set<String> acknowledged, String when) throws IOException {
        CheckReport raw = ArchiveCheck.run(config, false);
        for (String problem : raw.problems()) {
            assertTrue(problem.startsWith("в индексе нет") || problem.startsWith("оригиналов без записи"),
                    when + ": a crash left more than unindexed rows and spare originals: " + raw.problems());
        }
        try (Archive archive = Archive.open(config)) {
            Set<String> shas = Completeness.assertEveryDocumentComplete(archive, batch, when);
            for (String name : acknowledged) {
                assertTrue(batch.docs().stream().anyMatch(d -> d.file().getFileName().toString().equals(name)
                        && shas.contains(d.sha256())), when + ": " + name + " was reported as added and is lost");
            }
        }
        CheckReport recovered = ArchiveCheck.run(config, false);
        for (String problem : recovered.problems()) {
            assertTrue(problem.startsWith("оригиналов без записи"), when + ": after the restart: " + recovered.problems());
        }
        return raw.problems();
    }

    private static int countDocuments(AppConfig config) {
        try (Archive archive = Archive.open(config)) {
            return (int) archive.catalog().count();
        }
    }

    private Run start(AppConfig config, Batch batch, Set<String> acknowledged) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                App.class.getName(), "ingest", "--data", config.dataDir().toString(), batch.folder().toString());
        builder.directory(dir.toFile());
        builder.environment().put("SOKO_OCR", "off");
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        return new Run(builder.start(), acknowledged);
    }

    /** One child {@code ingest}: its progress lines are counted and its «added» reports remembered. */
    private static final class Run {
        private final Process process;
        private final AtomicInteger lines = new AtomicInteger();
        private final StringBuffer errors = new StringBuffer();

        Run(Process process, Set<String> acknowledged) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        Matcher m = ADDED.matcher(line);
                        if (m.find()) {
                            acknowledged.add(m.group(1));
                        }
                        if (line.startsWith("[")) {
                            lines.incrementAndGet();
                        } else if (!line.startsWith("WARNING") && errors.length() < 4000) {
                            errors.append(line).append('\n');
                        }
                    }
                } catch (IOException ignored) {
                    // the process was killed
                }
            }, "ingest-stderr");
            reader.setDaemon(true);
            reader.start();
        }

        /** Kills the process with SIGKILL after {@code afterLines} progress lines and {@code delayMs}; false if it finished first. */
        boolean killAfter(int afterLines, long delayMs) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (lines.get() < afterLines && process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            if (process.waitFor(delayMs, TimeUnit.MILLISECONDS)) {
                return false;
            }
            List<ProcessHandle> children = process.descendants().toList();
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            // The parse worker ends by itself when its parent's pipe closes; make sure it is gone before the next round.
            for (ProcessHandle child : children) {
                try {
                    child.onExit().get(5, TimeUnit.SECONDS);
                } catch (Exception e) {
                    child.destroyForcibly();
                }
            }
            return true;
        }

        int waitFor() throws InterruptedException {
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("ingest did not finish: " + errors);
            }
            return process.exitValue();
        }
    }
}
