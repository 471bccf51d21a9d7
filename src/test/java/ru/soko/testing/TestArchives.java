package ru.soko.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import ru.soko.config.AppConfig;
import ru.soko.config.ConfigLoader;

/** Configurations for archives in temporary folders, isolated from the developer's environment. */
public final class TestArchives {

    private TestArchives() {
    }

    public static AppConfig config(Path dir) {
        return new ConfigLoader(Map.of(), dir).load().withDataDir(dir.resolve("data"));
    }

    public static AppConfig withoutOcr(Path dir) {
        return config(dir).withOcrEnabled(false);
    }

    public static AppConfig withLimits(Path dir, long maxFileBytes, int maxTextChars, Duration parseTimeout) {
        return config(dir).withLimits(maxFileBytes, maxTextChars, parseTimeout);
    }
}
