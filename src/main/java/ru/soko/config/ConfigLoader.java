package ru.soko.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Reads settings in rising order of precedence: built-in defaults, the properties file named by
 * {@code SOKO_CONFIG} (or {@code ./soko.properties} when present), then environment variables
 * named {@code SOKO_} + the key in capitals with dashes as underscores ({@code max-file-mb} →
 * {@code SOKO_MAX_FILE_MB}). Command-line options are applied by the caller on top.
 */
public final class ConfigLoader {

    private static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("data", "data"),
            Map.entry("port", "7070"),
            Map.entry("max-file-mb", "100"),
            Map.entry("max-text-chars", "5000000"),
            Map.entry("parse-timeout-seconds", "60"),
            Map.entry("ocr-timeout-seconds", "600"),
            Map.entry("worker-heap-mb", "768"),
            Map.entry("ocr", "on"),
            Map.entry("ocr-languages", "rus+eng"),
            Map.entry("selfeval-jump-factor", "3"),
            // "on" behind a TLS proxy: cookies are then sent over HTTPS only.
            Map.entry("secure-cookies", "off"));

    private final Map<String, String> env;
    private final Path workingDir;

    public ConfigLoader(Map<String, String> env, Path workingDir) {
        this.env = env;
        this.workingDir = workingDir;
    }

    public static AppConfig fromEnvironment() {
        return new ConfigLoader(System.getenv(), Path.of("").toAbsolutePath()).load();
    }

    public AppConfig load() {
        Map<String, String> values = new HashMap<>(DEFAULTS);
        values.putAll(readPropertiesFile());
        for (String key : DEFAULTS.keySet()) {
            String fromEnv = env.get(envName(key));
            if (fromEnv != null && !fromEnv.isBlank()) {
                values.put(key, fromEnv.trim());
            }
        }
        return new AppConfig(
                workingDir.resolve(values.get("data")).normalize(),
                intValue(values, "port"),
                intValue(values, "max-file-mb") * 1024L * 1024L,
                intValue(values, "max-text-chars"),
                Duration.ofSeconds(intValue(values, "parse-timeout-seconds")),
                Duration.ofSeconds(intValue(values, "ocr-timeout-seconds")),
                intValue(values, "worker-heap-mb"),
                isOn("ocr", values.get("ocr")),
                values.get("ocr-languages"),
                existingDir(workingDir.resolve("index-config")),
                existingDir(workingDir.resolve("templates")),
                intValue(values, "selfeval-jump-factor"),
                isOn("secure-cookies", values.get("secure-cookies")));
    }

    static String envName(String key) {
        return "SOKO_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private Map<String, String> readPropertiesFile() {
        Path file = Optional.ofNullable(env.get("SOKO_CONFIG")).map(workingDir::resolve)
                .orElse(workingDir.resolve("soko.properties"));
        if (!Files.isRegularFile(file)) {
            if (env.containsKey("SOKO_CONFIG")) {
                throw new ConfigException("файл настроек не найден: " + file);
            }
            return Map.of();
        }
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (IOException e) {
            throw new ConfigException("не удалось прочитать файл настроек " + file + ": " + e.getMessage());
        }
        Map<String, String> result = new HashMap<>();
        for (String name : props.stringPropertyNames()) {
            if (!DEFAULTS.containsKey(name)) {
                throw new ConfigException("неизвестный параметр «" + name + "» в " + file);
            }
            result.put(name, props.getProperty(name).trim());
        }
        return result;
    }

    private static int intValue(Map<String, String> values, String key) {
        try {
            int value = Integer.parseInt(values.get(key));
            if (value <= 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigException("параметр " + key + " должен быть положительным целым числом, а не «"
                    + values.get(key) + "»");
        }
    }

    private static boolean isOn(String key, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes", "1" -> true;
            case "off", "false", "no", "0" -> false;
            default -> throw new ConfigException("параметр " + key + " принимает on или off, а не «" + value + "»");
        };
    }

    private static Optional<Path> existingDir(Path dir) {
        return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }
}
