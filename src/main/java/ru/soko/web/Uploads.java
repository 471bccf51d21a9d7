package ru.soko.web;

import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import ru.soko.Archive;
import ru.soko.ingest.FileCollector;
import ru.soko.ingest.IngestOutcome;
import ru.soko.ingest.IngestProgress;

/**
 * Files sent through the site: copied to a private temporary folder under a safe name, then
 * ingested like any batch. Uploads run one at a time, because the parser worker is one process.
 */
final class Uploads {

    /** In UTF-8 bytes: file systems allow 255, and a Cyrillic letter takes two. */
    static final int MAX_NAME_BYTES = 200;

    private final Archive archive;

    Uploads(Archive archive) {
        this.archive = archive;
    }

    synchronized List<IngestOutcome> ingest(List<UploadedFile> files, String visibility, String actor) {
        Path dir;
        try {
            dir = Files.createTempDirectory("soko-upload");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            List<FileCollector.Input> inputs = new ArrayList<>();
            int n = 0;
            for (UploadedFile file : files) {
                // One folder per file, so two files of the same name both arrive.
                Path target = dir.resolve(Integer.toString(n++)).resolve(safeName(file.filename()));
                Files.createDirectories(target.getParent());
                try (InputStream in = file.content()) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                inputs.add(new FileCollector.Input(target, target.getFileName().toString()));
            }
            return archive.ingest().ingest(inputs, actor, IngestProgress.NONE, visibility).outcomes();
        } catch (IOException e) {
            throw new UncheckedIOException("не удалось принять файл: " + e.getMessage(), e);
        } finally {
            ru.soko.util.Trees.deleteQuietly(dir);
        }
    }

    /**
     * The last path segment of what the browser sent, without control characters or characters that
     * file systems refuse, shortened to {@link #MAX_NAME_BYTES} with the extension kept.
     */
    static String safeName(String sent) {
        String name = sent == null ? "" : sent;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\\p{Cf}<>:\"|?*]", "_").strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.isBlank()) {
            name = "файл";
        }
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
        String stem = name.substring(0, name.length() - ext.length());
        while (utf8Length(stem + ext) > MAX_NAME_BYTES) {
            stem = stem.substring(0, stem.length() - 1);
        }
        return stem + ext;
    }

    static int utf8Length(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
