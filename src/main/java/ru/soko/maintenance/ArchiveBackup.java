package ru.soko.maintenance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import ru.soko.Archive;
import ru.soko.config.AppConfig;
import ru.soko.util.Json;

/**
 * Backups of a running archive and their restoration. The catalogue is copied with SQLite's online
 * backup (a consistent snapshot while the server keeps writing), then the originals the snapshot
 * refers to, which never change once written. Originals stored after the snapshot, or by an ingest
 * that had not yet written its catalogue row, stay out: the copy holds exactly its documents. The
 * index is derived data and is not copied: {@code restore} rebuilds it from the catalogue.
 */
public final class ArchiveBackup {

    private ArchiveBackup() {
    }

    public static Map<String, Object> backup(AppConfig source, Path target) throws IOException {
        if (Files.exists(target) && !isEmptyDirectory(target)) {
            throw new IllegalArgumentException("папка для копии не пуста: " + target);
        }
        if (!Files.isRegularFile(source.databaseFile())) {
            throw new IllegalArgumentException("в " + source.dataDir() + " нет архива");
        }
        Files.createDirectories(target);
        Path db = target.resolve("archive.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source.databaseFile().toAbsolutePath());
             Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = 10000");
            st.executeUpdate("backup to '" + db.toAbsolutePath().toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new IOException("резервная копия базы не удалась: " + e.getMessage(), e);
        }
        long originals = copyReferencedOriginals(db, source.originalsDir(), target.resolve("originals"));
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("createdAt", Instant.now().toString());
        manifest.put("source", source.dataDir().toString());
        manifest.put("originals", originals);
        manifest.put("index", "не копируется: restore перестраивает индекс из каталога");
        Files.writeString(target.resolve("backup.json"), Json.writePretty(manifest));
        return manifest;
    }

    /** Restores a backup into an empty data folder, rebuilds the index, and checks the result. */
    public static CheckReport restore(Path backup, AppConfig target) throws IOException {
        if (!Files.isRegularFile(backup.resolve("archive.db"))) {
            throw new IllegalArgumentException("в " + backup + " нет резервной копии (archive.db)");
        }
        if (Files.exists(target.dataDir()) && !isEmptyDirectory(target.dataDir())) {
            throw new IllegalArgumentException("папка данных не пуста: " + target.dataDir() + " — восстановление только в пустую папку");
        }
        Files.createDirectories(target.dataDir());
        Files.copy(backup.resolve("archive.db"), target.databaseFile());
        copyOriginals(backup.resolve("originals"), target.originalsDir());
        try (Archive archive = Archive.open(target)) {
            archive.reindex();
        }
        return ArchiveCheck.run(target, false);
    }

    /** Copies the original of every document in the backed-up catalogue {@code db}. */
    private static long copyReferencedOriginals(Path db, Path from, Path to) throws IOException {
        long count = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
             Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT sha256 FROM documents ORDER BY id")) {
            while (rs.next()) {
                String sha = rs.getString(1);
                Path relative = Path.of(sha.substring(0, 2), sha.substring(2, 4), sha);
                Path copy = to.resolve(relative.toString());
                Files.createDirectories(copy.getParent());
                // A missing original is copied as missing: restore's check then names the document.
                if (Files.isRegularFile(from.resolve(relative.toString()))) {
                    Files.copy(from.resolve(relative.toString()), copy);
                    count++;
                }
            }
        } catch (SQLException e) {
            throw new IOException("не удалось прочитать копию базы: " + e.getMessage(), e);
        }
        return count;
    }

    private static long copyOriginals(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return 0;
        }
        long[] count = {0};
        try (Stream<Path> walk = Files.walk(from)) {
            walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".part")).forEach(p -> {
                try {
                    Path copy = to.resolve(from.relativize(p).toString());
                    Files.createDirectories(copy.getParent());
                    Files.copy(p, copy);
                    count[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return count[0];
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.findAny().isEmpty();
        }
    }
}
