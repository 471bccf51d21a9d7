package ru.soko.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import ru.soko.config.AppConfig;
import ru.soko.config.ConfigLoader;

/** The {@code --data DIR} option every command shares, and the configuration it leads to. */
final class DataOption {

    @Option(names = "--data", paramLabel = "DIR",
            description = "Папка данных архива (по умолчанию ./data или переменная SOKO_DATA).")
    Path dataDir;

    /** Who a change is recorded under: the name given with --as, else the operating-system user. */
    static String actor(String given) {
        return given != null ? given : "cli:" + System.getProperty("user.name", "unknown");
    }

    AppConfig config() {
        AppConfig config = ConfigLoader.fromEnvironment();
        return dataDir == null ? config : config.withDataDir(dataDir.toAbsolutePath().normalize());
    }
}
