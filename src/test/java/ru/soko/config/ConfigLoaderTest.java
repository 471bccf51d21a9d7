package ru.soko.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void defaultsPutDataInDataFolderAndServeOnPort7070() {
        AppConfig config = new ConfigLoader(Map.of(), dir).load();
        assertEquals(dir.resolve("data"), config.dataDir());
        assertEquals(7070, config.port());
        assertEquals(100L * 1024 * 1024, config.maxFileBytes());
        assertEquals(Duration.ofSeconds(60), config.parseTimeout());
        assertTrue(config.ocrEnabled());
    }

    @Test
    void environmentOverridesPropertiesFileWhichOverridesDefaults() throws Exception {
        Files.writeString(dir.resolve("soko.properties"), "port=8080\nmax-file-mb=5\n");
        AppConfig config = new ConfigLoader(Map.of("SOKO_PORT", "9090", "SOKO_DATA", "/srv/soko", "SOKO_OCR", "off"), dir).load();
        assertEquals(9090, config.port());
        assertEquals(5L * 1024 * 1024, config.maxFileBytes());
        assertEquals(Path.of("/srv/soko"), config.dataDir());
        assertFalse(config.ocrEnabled());
    }

    @Test
    void rejectsUnknownKeyInPropertiesFile() throws Exception {
        Files.writeString(dir.resolve("soko.properties"), "prot=8080\n");
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader(Map.of(), dir).load());
        assertTrue(e.getMessage().contains("prot"));
    }

    @Test
    void rejectsNonNumericLimitWithItsName() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ConfigLoader(Map.of("SOKO_MAX_FILE_MB", "много"), dir).load());
        assertTrue(e.getMessage().contains("max-file-mb"));
    }

    @Test
    void findsIndexConfigAndTemplatesBesideTheWorkingDirectory() throws Exception {
        Files.createDirectories(dir.resolve("templates"));
        AppConfig config = new ConfigLoader(Map.of(), dir).load();
        assertEquals(dir.resolve("templates"), config.templatesDir().orElseThrow());
        assertTrue(config.indexConfigDir().isEmpty());
    }
}
