package ru.soko.maintenance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import ru.soko.Archive;
import ru.soko.catalog.Database;
import ru.soko.config.AppConfig;
import ru.soko.search.IndexFields;

/**
 * Verifies a data folder while no other process has it open: SQLite's integrity check, Lucene's
 * CheckIndex, every catalogue row against its original (present, right SHA-256) and its index entry,
 * and the other way round. {@code repair} rebuilds the index from the catalogue when that helps; a
 * missing or altered original cannot be repaired and is reported.
 */
public final class ArchiveCheck {

    private ArchiveCheck() {
    }

    public static CheckReport run(AppConfig config, boolean repair) {
        List<String> problems = new ArrayList<>();
        List<String> repairs = new ArrayList<>();
        List<Row> rows = catalogue(config, problems);
        checkOriginals(config, rows, problems);
        boolean indexBroken = !checkIndex(config.indexDir(), problems);
        Set<String> indexed = indexedDocumentIds(config.indexDir(), problems);
        Set<String> expected = new HashSet<>();
        rows.forEach(r -> expected.add(Long.toString(r.id())));
        int missing = 0;
        for (String id : expected) {
            if (!indexed.contains(id)) {
                missing++;
            }
        }
        Set<String> stray = new HashSet<>(indexed);
        stray.removeAll(expected);
        if (missing > 0) {
            problems.add("в индексе нет " + missing + " документов каталога");
        }
        if (!stray.isEmpty()) {
            problems.add("в индексе " + stray.size() + " записей о документах, которых нет в каталоге");
        }
        if (repair && (indexBroken || missing > 0 || !stray.isEmpty())) {
            try (Archive archive = Archive.open(config)) {
                long count = archive.reindex();
                repairs.add("индекс перестроен из каталога: " + count + " записей");
            }
            problems.removeIf(p -> p.startsWith("в индексе") || p.startsWith("индекс"));
            indexed = indexedDocumentIds(config.indexDir(), problems);
        }
        return new CheckReport(rows.size(), indexed.size(), problems, repairs);
    }

    private record Row(long id, String sha256) {
    }

    private static List<Row> catalogue(AppConfig config, List<String> problems) {
        if (!Files.isRegularFile(config.databaseFile())) {
            problems.add("нет базы " + config.databaseFile());
            return List.of();
        }
        try (Database db = new Database(config.databaseFile())) {
            return db.read(c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                    String result = rs.next() ? rs.getString(1) : "no answer";
                    if (!"ok".equals(result)) {
                        problems.add("SQLite integrity_check: " + result);
                    }
                }
                List<Row> rows = new ArrayList<>();
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id, sha256 FROM documents ORDER BY id")) {
                    while (rs.next()) {
                        rows.add(new Row(rs.getLong(1), rs.getString(2)));
                    }
                }
                return rows;
            });
        }
    }

    private static void checkOriginals(AppConfig config, List<Row> rows, List<String> problems) {
        Set<String> known = new HashSet<>();
        for (Row row : rows) {
            known.add(row.sha256());
            Path file = config.originalsDir().resolve(row.sha256().substring(0, 2)).resolve(row.sha256().substring(2, 4)).resolve(row.sha256());
            if (!Files.isRegularFile(file)) {
                problems.add("документ № " + row.id() + ": нет оригинала " + row.sha256());
            } else if (!row.sha256().equals(sha256(file))) {
                problems.add("документ № " + row.id() + ": оригинал изменён (SHA-256 не совпадает)");
            }
        }
        if (Files.isDirectory(config.originalsDir())) {
            try (Stream<Path> walk = Files.walk(config.originalsDir())) {
                long orphans = walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".part"))
                        .filter(p -> !known.contains(p.getFileName().toString())).count();
                if (orphans > 0) {
                    // Left by an ingest stopped between storing the file and the catalogue row: harmless, reused on re-ingest.
                    problems.add("оригиналов без записи в каталоге: " + orphans + " (безвредно: будут использованы при повторной загрузке)");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static boolean checkIndex(Path dir, List<String> problems) {
        try (FSDirectory probe = FSDirectory.open(dir)) {
            if (!DirectoryReader.indexExists(probe)) {
                problems.add("индекс отсутствует");
                return false;
            }
        } catch (IOException e) {
            problems.add("индекс не читается: " + e.getMessage());
            return false;
        }
        try (FSDirectory directory = FSDirectory.open(dir); CheckIndex checker = new CheckIndex(directory)) {
            CheckIndex.Status status = checker.checkIndex();
            if (!status.clean) {
                problems.add("индекс повреждён (Lucene CheckIndex)");
                return false;
            }
            return true;
        } catch (org.apache.lucene.store.LockObtainFailedException e) {
            problems.add("индекс занят другим процессом: остановите serve перед проверкой");
            return true;
        } catch (IOException e) {
            problems.add("индекс не читается: " + e.getMessage());
            return false;
        }
    }

    private static Set<String> indexedDocumentIds(Path dir, List<String> problems) {
        Set<String> ids = new HashSet<>();
        try (FSDirectory directory = FSDirectory.open(dir)) {
            if (!DirectoryReader.indexExists(directory)) {
                return ids;
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                StoredFields fields = reader.storedFields();
                org.apache.lucene.util.Bits live = org.apache.lucene.index.MultiBits.getLiveDocs(reader);
                for (int doc = 0; doc < reader.maxDoc(); doc++) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    String id = fields.document(doc, Set.of(IndexFields.ID)).get(IndexFields.ID);
                    if (id != null && !id.contains("/")) {
                        ids.add(id);
                    }
                }
            }
        } catch (IOException e) {
            problems.add("индекс не читается: " + e.getMessage());
        }
        return ids;
    }

    private static String sha256(Path file) {
        try {
            return ru.soko.util.Hashes.sha256(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
