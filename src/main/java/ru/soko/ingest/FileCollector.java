package ru.soko.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Expands the paths given to {@code ingest} into files: folders recursively, in a stable order. */
public final class FileCollector {

    private FileCollector() {
    }

    public record Input(Path file, String displayName) {
    }

    public static List<Input> collect(List<Path> paths) {
        List<Input> inputs = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile)
                            .filter(p -> !isHidden(p))
                            .sorted()
                            .forEach(p -> inputs.add(new Input(p, path.relativize(p).toString())));
                } catch (IOException e) {
                    throw new UncheckedIOException("не удалось прочитать папку " + path + ": " + e.getMessage(), e);
                }
            } else {
                inputs.add(new Input(path, String.valueOf(path.getFileName())));
            }
        }
        return inputs;
    }

    private static boolean isHidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }
}
