package ru.soko.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.soko.catalog.Database;

/**
 * The importer reads a sheet in two passes and compares and writes it in batches, so a sheet of a
 * million rows is never held whole. Batches must not change what an import does: with a batch of
 * three rows the reports, records and histories are the same as with one batch for the whole sheet,
 * across adds, updates, withdrawals, restorations, duplicate keys, bad rows and dry runs.
 */
class RegistryImportBatchingTest {

    private static final String HEADER = "ФИО эксперта;Регистрационный номер;Должность;Категория;Направления экспертизы;Дата включения;Статус\n";

    @TempDir
    Path dir;

    /** An importer over its own database, with the batch size given. */
    private record Setup(Database db, RegistryStore store, RegistryImporter importer) {
        static Setup of(Path file, int batch) {
            Database db = new Database(file);
            Clock clock = Clock.fixed(Instant.parse("2025-09-01T10:00:00Z"), ZoneOffset.UTC);
            RegistryStore store = new RegistryStore(db, clock);
            return new Setup(db, store, new RegistryImporter(RegistryCatalogue.load(Optional.empty()), store, clock, batch));
        }
    }

    private static String row(int i, String position, String status) {
        return "Эксперт Номер " + i + ";Э-" + (1000 + i) + ";" + position + ";" + (i % 2 == 0 ? "высшая" : "первая")
                + ";\"математика; ВПР " + i % 3 + "\";" + String.format("%02d.03.2021", 1 + i % 28) + ";" + status + "\n";
    }

    private Path sheet(String name, String body) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, HEADER + body, StandardCharsets.UTF_8);
        return f;
    }

    /** Every record with its history, as text: what two imports must agree on. */
    private static List<String> state(RegistryStore store) {
        List<String> lines = new ArrayList<>();
        for (RegistryRecord r : store.byKey("experts").values()) {
            lines.add(r.id() + " " + r.key() + " " + r.data() + " " + r.status() + " " + r.statusDate());
            store.history(r.id()).forEach(h -> lines.add("  " + h.action() + " " + h.changes()));
        }
        return lines;
    }

    private static String summary(ImportReport r) {
        return List.of(r.rows(), r.added(), r.updated(), r.unchanged(), r.withdrawn(), r.restored()) + " " + r.written()
                + " " + r.errors() + " " + r.warnings();
    }

    @Test
    void importsInSmallBatchesExactlyAsInOneBatch() throws Exception {
        StringBuilder first = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            first.append(row(i, "учитель", i == 7 ? "исключён" : "действует"));
        }
        StringBuilder second = new StringBuilder();
        for (int i = 0; i < 26; i++) {
            if (i % 5 == 3) {
                continue; // missing from the new sheet: withdrawn
            }
            String position = i % 4 == 0 ? "методист" : "учитель";
            second.append(row(i, position, "действует")); // row 7 comes back: restored
        }
        second.append(row(2, "дубль", "действует")); // a key twice
        second.append("Без Даты;Э-9999;учитель;высшая;физика;31.02.2024;действует\n"); // a bad row
        Path a = sheet("a.csv", first.toString());
        Path b = sheet("b.csv", second.toString());

        List<List<String>> results = new ArrayList<>();
        for (int batch : new int[] {3, RegistryImporter.BATCH}) {
            Setup s = Setup.of(dir.resolve("batch-" + batch + ".db"), batch);
            try (Database db = s.db()) {
                List<String> result = new ArrayList<>();
                result.add(summary(s.importer().importFile("experts", a, RegistryImporter.Options.DEFAULT, "test")));
                result.add(summary(s.importer().importFile("experts", b, RegistryImporter.Options.DEFAULT, "test")));
                result.add(summary(s.importer().importFile("experts", b, new RegistryImporter.Options(true, true, true), "test")));
                result.addAll(state(s.store()));
                result.add(summary(s.importer().importFile("experts", b, new RegistryImporter.Options(false, true, true), "test")));
                result.addAll(state(s.store()));
                results.add(result);
            }
        }
        assertEquals(results.get(1), results.get(0));
        List<String> result = results.get(0);
        assertTrue(result.get(1).startsWith("[23, 0, 0, 0, 0, 0] false"), "a bad row refuses the whole sheet: " + result.get(1));
        assertTrue(result.get(2).startsWith("[23, 5, 4, 11, 4, 1] false"), "dry run counts without writing: " + result.get(2));
        String written = result.stream().filter(l -> l.startsWith("[23,") && l.contains("] true")).findFirst().orElseThrow();
        assertTrue(written.startsWith("[23, 5, 4, 11, 4, 1] true"), written);
        assertTrue(written.contains("уже есть в строке 4"), written);
    }

    @Test
    void aBadRowPastTheFirstBatchesLeavesNothingWritten() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            body.append(row(i, "учитель", "действует"));
        }
        body.append("Последний Эксперт;Э-5000;учитель;высшая;физика;не дата;действует\n");
        Setup s = Setup.of(dir.resolve("bad.db"), 4);
        try (Database db = s.db()) {
            ImportReport r = s.importer().importFile("experts", sheet("bad.csv", body.toString()), RegistryImporter.Options.DEFAULT, "test");
            assertFalse(r.written());
            assertEquals(List.of(32), r.errors().stream().map(ImportReport.RowError::row).toList());
            assertEquals(0, s.store().count("experts"));
        }
    }
}
