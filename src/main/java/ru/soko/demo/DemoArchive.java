package ru.soko.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import ru.soko.Archive;
import ru.soko.ingest.FileCollector;
import ru.soko.ingest.IngestProgress;
import ru.soko.ingest.IngestSummary;

/**
 * The demo archive: the sample documents packed into the jar from {@code sample-docs/}. They are
 * copied to a temporary folder and ingested like any upload, so the demo shows the real path.
 */
public final class DemoArchive {

    private static final String ROOT = "demo/sample-docs";

    private DemoArchive() {
    }

    /** Fills an empty archive with the samples; an archive that has documents is left as it is. */
    public static IngestSummary fillIfEmpty(Archive archive, IngestProgress progress) {
        if (archive.catalog().count() > 0) {
            return new IngestSummary(List.of());
        }
        Path temp = null;
        try {
            temp = Files.createTempDirectory("soko-demo");
            List<FileCollector.Input> inputs = copySamples(temp);
            return archive.ingest().ingest(inputs, "demo", progress);
        } catch (IOException e) {
            throw new UncheckedIOException("не удалось подготовить демонстрационный архив: " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** Copies the embedded samples (documents only: not the listing, not the registry sheets). */
    static List<FileCollector.Input> copySamples(Path target) throws IOException {
        URL url = DemoArchive.class.getClassLoader().getResource(ROOT);
        if (url == null) {
            throw new IOException("в сборке нет папки " + ROOT);
        }
        URI uri;
        try {
            uri = url.toURI();
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        if ("jar".equals(uri.getScheme())) {
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                return copyTree(jar.getPath(ROOT), target);
            }
        }
        return copyTree(Path.of(uri), target);
    }

    private static List<FileCollector.Input> copyTree(Path source, Path target) throws IOException {
        List<FileCollector.Input> inputs = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String relative = source.relativize(file).toString();
                if (!isSampleDocument(relative)) {
                    continue;
                }
                Path copy = target.resolve(relative);
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
                inputs.add(new FileCollector.Input(copy, relative));
            }
        }
        return inputs;
    }

    static boolean isSampleDocument(String relative) {
        String normalised = relative.replace('\\', '/');
        String name = normalised.substring(normalised.lastIndexOf('/') + 1);
        return !normalised.startsWith("registries/") && !name.equalsIgnoreCase("README.md") && !name.startsWith(".");
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary copy is harmless
        }
    }
}
