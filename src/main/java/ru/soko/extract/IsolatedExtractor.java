package ru.soko.extract;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.soko.util.Json;

/**
 * Parses files in a child JVM ({@link ExtractWorker}) with its own heap limit, and kills it when a
 * file takes longer than its time limit. A parser that hangs or runs out of memory thus costs one
 * file, never the ingest or the server; the next file gets a fresh worker.
 */
public final class IsolatedExtractor implements Extractor {

    private static final Logger LOG = LoggerFactory.getLogger(IsolatedExtractor.class);

    /** Settings of the worker process. */
    public record Limits(int heapMb, Duration parseTimeout, Duration ocrTimeout, Path logFile) {
    }

    private final Limits limits;
    private final ExecutorService readerThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "extract-worker-reader");
        t.setDaemon(true);
        return t;
    });
    private Process process;
    private BufferedWriter toWorker;
    private BufferedReader fromWorker;

    public IsolatedExtractor(Limits limits) {
        this.limits = limits;
    }

    @Override
    public synchronized Extraction extract(ExtractRequest request) {
        try {
            ensureStarted();
            toWorker.write(Json.write(request));
            toWorker.newLine();
            toWorker.flush();
        } catch (IOException e) {
            stopWorker();
            return Extraction.failed(RejectReason.CRASHED, "процесс разбора недоступен: " + e.getMessage());
        }
        Duration timeout = request.ocr() ? limits.ocrTimeout().plus(limits.parseTimeout()) : limits.parseTimeout();
        Future<String> answer = readerThread.submit(this::readAnswerLine);
        try {
            String line = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (line == null) {
                int exit = waitForExit();
                stopWorker();
                return Extraction.failed(RejectReason.CRASHED, "код завершения процесса разбора " + exit);
            }
            return Json.read(line, Extraction.class);
        } catch (TimeoutException e) {
            answer.cancel(true);
            stopWorker();
            return Extraction.failed(RejectReason.TIMEOUT, "не уложился в " + timeout.toSeconds() + " с");
        } catch (ExecutionException e) {
            stopWorker();
            return Extraction.failed(RejectReason.CRASHED, String.valueOf(e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopWorker();
            return Extraction.failed(RejectReason.CRASHED, "прервано");
        }
    }

    /**
     * The next protocol line, or null when the worker died. The JVM itself may print to standard
     * output as it dies («Terminating due to java.lang.OutOfMemoryError»), so non-JSON lines are skipped.
     */
    private String readAnswerLine() throws IOException {
        String line;
        do {
            line = fromWorker.readLine();
        } while (line != null && !line.startsWith("{"));
        return line;
    }

    private void ensureStarted() throws IOException {
        if (process != null && process.isAlive()) {
            return;
        }
        Files.createDirectories(limits.logFile().getParent());
        ProcessBuilder builder = new ProcessBuilder(command());
        builder.redirectError(ProcessBuilder.Redirect.appendTo(limits.logFile().toFile()));
        process = builder.start();
        toWorker = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        fromWorker = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        LOG.debug("extraction worker started, pid {}", process.pid());
    }

    private List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + limits.heapMb() + "m");
        // Dying at once on OOM turns a stuck, thrashing parser into a clean "crashed" for this file.
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Djava.awt.headless=true");
        command.add("-Dfile.encoding=UTF-8");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ExtractWorker.class.getName());
        return command;
    }

    private int waitForExit() {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void stopWorker() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        process = null;
    }

    @Override
    public synchronized void close() {
        stopWorker();
        readerThread.shutdownNow();
    }
}
