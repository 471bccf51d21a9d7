package ru.soko.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Every setting of the archive in one typed place. Built by {@link ConfigLoader} from defaults,
 * an optional properties file and {@code SOKO_*} environment variables, then command-line options.
 */
public record AppConfig(
        Path dataDir,
        int port,
        long maxFileBytes,
        int maxTextChars,
        Duration parseTimeout,
        Duration ocrTimeout,
        int workerHeapMb,
        boolean ocrEnabled,
        String ocrLanguages,
        Optional<Path> indexConfigDir,
        Optional<Path> templatesDir,
        double selfEvalJumpFactor,
        boolean secureCookies) {

    public AppConfig withDataDir(Path dir) {
        return new AppConfig(dir, port, maxFileBytes, maxTextChars, parseTimeout, ocrTimeout,
                workerHeapMb, ocrEnabled, ocrLanguages, indexConfigDir, templatesDir, selfEvalJumpFactor, secureCookies);
    }

    public AppConfig withOcrEnabled(boolean enabled) {
        return new AppConfig(dataDir, port, maxFileBytes, maxTextChars, parseTimeout, ocrTimeout,
                workerHeapMb, enabled, ocrLanguages, indexConfigDir, templatesDir, selfEvalJumpFactor, secureCookies);
    }

    public AppConfig withLimits(long newMaxFileBytes, int newMaxTextChars, Duration newParseTimeout) {
        return new AppConfig(dataDir, port, newMaxFileBytes, newMaxTextChars, newParseTimeout, ocrTimeout,
                workerHeapMb, ocrEnabled, ocrLanguages, indexConfigDir, templatesDir, selfEvalJumpFactor, secureCookies);
    }

    public AppConfig withIndexConfigDir(Path dir) {
        return new AppConfig(dataDir, port, maxFileBytes, maxTextChars, parseTimeout, ocrTimeout,
                workerHeapMb, ocrEnabled, ocrLanguages, Optional.of(dir), templatesDir, selfEvalJumpFactor, secureCookies);
    }

    public Path databaseFile() {
        return dataDir.resolve("archive.db");
    }

    public Path originalsDir() {
        return dataDir.resolve("originals");
    }

    public Path indexDir() {
        return dataDir.resolve("index");
    }

    public Path logsDir() {
        return dataDir.resolve("logs");
    }
}
