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
    private static final String ACCESS_FILE = "access.json";

    private DemoArchive() {
    }

    /**
     * Fills an empty archive with the sample documents and registry sheets; an archive that has
     * documents is left as it is. Problems with a registry sheet are reported to {@code problems}.
     */
    public static IngestSummary fillIfEmpty(Archive archive, IngestProgress progress) {
        return fillIfEmpty(archive, progress, message -> { });
    }

    public static IngestSummary fillIfEmpty(Archive archive, IngestProgress progress, java.util.function.Consumer<String> problems) {
        if (archive.catalog().count() > 0) {
            return new IngestSummary(List.of());
        }
        Path temp = null;
        try {
            temp = Files.createTempDirectory("soko-demo");
            List<FileCollector.Input> inputs = copySamples(temp);
            loadRegistries(archive, temp.resolve("registries"), problems);
            IngestSummary summary = archive.ingest().ingest(inputs, "demo", progress);
            markInternal(archive, summary, temp.resolve(ACCESS_FILE));
            ensureDemoAccounts(archive);
            return summary;
        } catch (IOException e) {
            throw new UncheckedIOException("не удалось подготовить демонстрационный архив: " + e.getMessage(), e);
        } finally {
            ru.soko.util.Trees.deleteQuietly(temp);
        }
    }

    /** The documented demo accounts, one per role; README lists them. Added once, to an archive with no users. */
    public static void ensureDemoAccounts(Archive archive) {
        if (!archive.users().list().isEmpty()) {
            return;
        }
        archive.users().add("admin", ru.soko.access.Role.ADMIN, "admin-demo", "demo");
        archive.users().add("expert", ru.soko.access.Role.EXPERT, "expert-demo", "demo");
        archive.users().add("auditor", ru.soko.access.Role.AUDITOR, "auditor-demo", "demo");
    }

    /** Samples listed in {@code access.json} are draft or internal material: not for the public. */
    private static void markInternal(Archive archive, IngestSummary summary, Path accessFile) throws IOException {
        if (!Files.isRegularFile(accessFile)) {
            return;
        }
        var internal = ru.soko.util.Json.mapper().readTree(accessFile.toFile()).path("internal");
        java.util.Set<String> paths = new java.util.HashSet<>();
        internal.forEach(n -> paths.add(n.asText()));
        for (var outcome : summary.outcomes()) {
            if (outcome.documentId() != null && paths.contains(outcome.file().replace('\\', '/'))) {
                archive.setVisibility(outcome.documentId(), "internal", "demo");
            }
        }
    }

    /** Loads every registry sheet of the samples, in {@link #loadOrder}. */
    private static void loadRegistries(Archive archive, Path dir, java.util.function.Consumer<String> problems) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> sheets;
        try (Stream<Path> list = Files.list(dir)) {
            sheets = list.filter(p -> p.getFileName().toString().matches("(?i).+\\.(csv|xlsx|xls)$"))
                    .sorted(Comparator.comparingInt(DemoArchive::loadOrder).thenComparing(Path::getFileName))
                    .toList();
        }
        for (Path sheet : sheets) {
            String name = sheet.getFileName().toString().replaceFirst("\\.[^.]+$", "");
            ru.soko.registry.ImportReport report = archive.importRegistry(name, sheet,
                    ru.soko.registry.RegistryImporter.Options.DEFAULT, "demo");
            if (!report.written()) {
                problems.accept("реестр " + name + ": файл отклонён — " + report.errors().stream().limit(3)
                        .map(ru.soko.registry.ImportReport.RowError::line).toList());
            }
        }
    }

    /** Registries that others link to come first: organisations, then providers and assessment operators. */
    private static int loadOrder(Path sheet) {
        String name = sheet.getFileName().toString();
        return name.startsWith("organisations.") ? 0 : name.startsWith("providers.") || name.startsWith("assessment-orgs.") ? 1 : 2;
    }

    /** Copies the embedded samples: documents for ingest, registry sheets into {@code registries/}. */
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
                boolean document = isSampleDocument(relative);
                if (!document && !relative.replace('\\', '/').startsWith("registries/") && !relative.equals(ACCESS_FILE)) {
                    continue;
                }
                Path copy = target.resolve(relative);
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
                if (document) {
                    inputs.add(new FileCollector.Input(copy, relative));
                }
            }
        }
        return inputs;
    }

    static boolean isSampleDocument(String relative) {
        String normalised = relative.replace('\\', '/');
        String name = normalised.substring(normalised.lastIndexOf('/') + 1);
        return !normalised.startsWith("registries/") && !name.equalsIgnoreCase("README.md") && !name.startsWith(".")
                && !normalised.equals(ACCESS_FILE);
    }
}
