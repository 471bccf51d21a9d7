package ru.soko.web.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** The folder the browser saves downloads to, and a wait for a finished file in it. */
record Downloads(Path dir) {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    /** Waits for {@code name} to be saved completely (Chromium writes «name.crdownload» first), then hands it over. */
    Path await(String name) throws IOException, InterruptedException {
        Path file = dir.resolve(name);
        Path partial = dir.resolve(name + ".crdownload");
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            if (Files.isRegularFile(file) && !Files.exists(partial) && Files.size(file) > 0) {
                return file;
            }
            Thread.sleep(100);
        }
        try (var listing = Files.list(dir)) {
            throw new AssertionError("no download «" + name + "» within " + PATIENCE.toSeconds() + " s; the folder holds "
                    + listing.map(p -> p.getFileName().toString()).toList());
        }
    }
}
