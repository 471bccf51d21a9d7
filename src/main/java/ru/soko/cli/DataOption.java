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

    AppConfig config() {
        AppConfig config = ConfigLoader.fromEnvironment();
        return dataDir == null ? config : config.withDataDir(dataDir.toAbsolutePath().normalize());
    }
}
