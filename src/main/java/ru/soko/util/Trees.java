package ru.soko.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing a temporary folder with everything in it. */
public final class Trees {

    private Trees() {
    }

    /** Deletes {@code dir} and its contents; a leftover temporary file is not worth failing the work for. */
    public static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // The system cleans its temporary folder in the end.
        }
    }
}
