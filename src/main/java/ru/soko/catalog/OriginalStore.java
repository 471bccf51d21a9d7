package ru.soko.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Originals kept byte for byte under {@code originals/ab/cd/<sha256>}. A file is written to a
 * temporary name, forced to disk and then renamed, so a crash never leaves a partial original
 * under its final name.
 */
public final class OriginalStore {

    private final Path root;

    public OriginalStore(Path root) {
        this.root = root;
    }

    public Path pathOf(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    /** Stores a copy of {@code source} under its SHA-256, unless an identical copy is already there. */
    public void store(Path source, String sha256) throws IOException {
        Path target = pathOf(sha256);
        if (Files.isRegularFile(target) && Files.size(target) == Files.size(source)) {
            return;
        }
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), sha256.substring(0, 8), ".part");
        try {
            Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        target.toFile().setReadOnly();
    }

    public InputStream open(String sha256) throws IOException {
        return Files.newInputStream(pathOf(sha256));
    }
}
