package ru.soko.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.soko.catalog.Database;
import ru.soko.testing.SampleArchive;

/**
 * Filtering, sorting and paging in SQLite give the same records in the same order as the
 * in-memory path they replace (RegistryQuery.matches, then a stable sort by the shown value in
 * lower case), on the sample registries and on generated records with awkward values.
 */
class RegistryPagingTest {

    @TempDir
    Path dir;

    /** The path the table used before: every record, matched in Java, sorted (stably), then sliced. */
    private static List<RegistryRecord> inMemory(List<RegistryRecord> matching, String sort) {
        List<RegistryRecord> all = new ArrayList<>(matching);
        all.sort(Comparator.comparing(r -> RegistryRecord.display(r.data().get(sort)).toLowerCase(Locale.ROOT)));
        return all;
    }

    /** One way of reading a page. */
    private interface Pager {
        RegistryPage page(String registry, RegistryQuery query, String sort, long offset, int limit);
    }

    private static void assertSame(Pager registries, String registry, RegistryQuery query, String sort,
                                   List<RegistryRecord> matching) {
        List<RegistryRecord> expected = inMemory(matching, sort);
        int total = expected.size();
        for (int[] window : new int[][] {{0, 100_000}, {3, 7}, {Math.max(0, total - 2), 25}}) {
            RegistryPage page = registries.page(registry, query, sort, window[0], window[1]);
            String what = registry + " " + query + " sort=" + sort + " from " + window[0];
            assertEquals(total, page.total(), what);
            assertEquals(ids(expected.subList(Math.min(window[0], total), Math.min(total, window[0] + window[1]))),
                    ids(page.records()), what);
        }
    }

    private static List<Long> ids(List<RegistryRecord> records) {
        return records.stream().map(RegistryRecord::id).toList();
    }

    /** Filters drawn from the records themselves: a part of a value in other case, a whole number, nothing. */
    private static List<RegistryQuery> queries(RegistrySpec spec, List<RegistryRecord> records, Random random) {
        List<RegistryQuery> queries = new ArrayList<>(List.of(RegistryQuery.ALL,
                new RegistryQuery(Map.of(), "ДЕЙСТВУЕТ", null), new RegistryQuery(Map.of(), "исключён", null),
                new RegistryQuery(Map.of(), "нет такого", null),
                new RegistryQuery(Map.of(), null, LocalDate.of(2022, 3, 1)), new RegistryQuery(Map.of(), null, LocalDate.of(2026, 1, 1))));
        for (FieldSpec f : spec.fields()) {
            queries.add(new RegistryQuery(Map.of(f.name(), "нет-такого-значения"), null, null));
            for (String fixed : new String[] {"", "ЁЖ", "еж", "ЕЛК", "МА", "2020", "; ", "Ω"}) {
                queries.add(new RegistryQuery(Map.of(f.name(), fixed), null, null));
            }
            for (int i = 0; i < 3 && !records.isEmpty(); i++) {
                Object v = records.get(random.nextInt(records.size())).data().get(f.name());
                if (v == null) {
                    continue;
                }
                String shown = RegistryRecord.display(v);
                String wanted = v instanceof Number ? shown : part(shown, random);
                queries.add(new RegistryQuery(Map.of(f.name(), wanted), null, null));
                queries.add(new RegistryQuery(Map.of(f.name(), wanted), "действует", LocalDate.of(2024, 6, 1)));
            }
        }
        // Two and three fields at once, from one record (so something matches): counted by
        // intersecting index scans when the fields are indexed.
        for (int i = 0; i < 12 && !records.isEmpty(); i++) {
            Map<String, Object> data = records.get(random.nextInt(records.size())).data();
            Map<String, String> filters = new LinkedHashMap<>();
            for (FieldSpec f : spec.fields()) {
                Object v = data.get(f.name());
                if (v != null && filters.size() < 2 + i % 2 && random.nextBoolean()) {
                    String shown = RegistryRecord.display(v);
                    filters.put(f.name(), v instanceof Number || random.nextBoolean() ? shown : part(shown, random));
                }
            }
            queries.add(new RegistryQuery(filters, null, null));
            queries.add(new RegistryQuery(filters, i % 2 == 0 ? "действует" : "исключён", null));
        }
        return queries;
    }

    private static String part(String shown, Random random) {
        int from = random.nextInt(Math.max(1, shown.length()));
        String p = shown.substring(from, Math.min(shown.length(), from + 1 + random.nextInt(6)));
        return random.nextBoolean() ? p.toUpperCase(Locale.ROOT) : p.replace('е', 'ё');
    }

    private static void assertSameEverywhere(Registries registries, Random random) {
        assertSameEverywhere(registries, registries::page, registries.catalogue().all(), random);
    }

    private static void assertSameEverywhere(Registries registries, Pager pager, List<RegistrySpec> specs, Random random) {
        for (RegistrySpec spec : specs) {
            List<RegistryRecord> records = registries.list(spec.name(), RegistryQuery.ALL);
            for (RegistryQuery query : queries(spec, records, random)) {
                List<RegistryRecord> matching = registries.list(spec.name(), query);
                // Every sort for the whole registry; for a filter, two sorts chosen at random.
                List<FieldSpec> sorts = query.equals(RegistryQuery.ALL) ? spec.fields()
                        : List.of(spec.fields().get(random.nextInt(spec.fields().size())), spec.fields().get(random.nextInt(spec.fields().size())));
                for (FieldSpec sort : sorts) {
                    assertSame(pager, spec.name(), query, sort.name(), matching);
                }
            }
        }
    }

    @Test
    void sampleRegistriesPageAsTheInMemoryPathDid() {
        assertSameEverywhere(SampleArchive.get().archive().registries(), new Random(1));
    }

    /** Generated records in every registry; achievements get more than DISTINCT_LIMIT students, so that field is filtered by reading records. */
    private static void fill(RegistryCatalogue catalogue, RegistryStore store, Random random) {
        for (RegistrySpec spec : catalogue.all()) {
            List<RegistryStore.Change> changes = new ArrayList<>();
            int n = spec.name().equals("achievements") ? RegistryStore.DISTINCT_LIMIT + 60 : 120;
            for (int i = 0; i < n; i++) {
                boolean withdrawn = random.nextInt(5) == 0;
                Map<String, Object> data = generated(spec, random);
                if (spec.name().equals("achievements")) {
                    data.put("student", "У-" + i + " " + word(random));
                }
                changes.add(new RegistryStore.Change("k" + i, data, withdrawn ? RegistryRecord.WITHDRAWN : RegistryRecord.ACTIVE,
                        withdrawn && random.nextBoolean() ? LocalDate.of(2020 + random.nextInt(6), 1 + random.nextInt(12), 1) : null,
                        "added", Map.of()));
            }
            store.apply(spec.name(), changes, "test");
        }
    }

    @Test
    void generatedRecordsWithCaseYoListsNumbersAndDatesPageAsTheInMemoryPathDid() {
        try (Database db = new Database(dir.resolve("archive.db"))) {
            RegistryCatalogue catalogue = RegistryCatalogue.load(Optional.empty());
            RegistryStore store = new RegistryStore(db, Clock.systemUTC());
            Random random = new Random(7);
            fill(catalogue, store, random);
            assertSameEverywhere(new Registries(catalogue, store, null), random);
        }
    }

    /**
     * Whether a page walks the sort field's index or sorts the matching records is chosen by an
     * estimate; both give the same page, for every filter, including exact values read from the
     * indexes and filters every record passes.
     */
    @Test
    void walkingTheSortIndexAndSortingTheMatchesGiveTheSamePages() {
        try (Database db = new Database(dir.resolve("archive.db"))) {
            RegistryCatalogue catalogue = RegistryCatalogue.load(Optional.empty());
            RegistryStore store = new RegistryStore(db, Clock.systemUTC(), catalogue);
            fill(catalogue, store, new Random(11));
            Registries registries = new Registries(catalogue, store, null);
            // Registries with every kind of field: text with many values, enum, int, list, status, dates.
            List<RegistrySpec> specs = List.of(catalogue.get("achievements"), catalogue.get("experts"), catalogue.get("programmes"));
            for (RegistryStore.Walk walk : List.of(RegistryStore.Walk.SORT_INDEX, RegistryStore.Walk.MATCHES)) {
                assertSameEverywhere(registries, (registry, query, sort, offset, limit) ->
                        store.page(catalogue.get(registry), query, sort, offset, limit, walk), specs, new Random(3));
            }
        }
    }

    @Test
    void migrationCountsExistingRecordsAndOpeningBuildsTheFieldIndexes() {
        Path file = dir.resolve("v6.db");
        RegistryCatalogue catalogue = RegistryCatalogue.load(Optional.empty());
        try (Database db = new Database(file)) {
            fill(catalogue, new RegistryStore(db, Clock.systemUTC()), new Random(5));
            // As an archive of schema V6 was: no kept counts, no field indexes.
            db.write(c -> {
                try (var st = c.createStatement()) {
                    st.execute("DROP TABLE registry_counts");
                    for (String t : List.of("insert", "update", "delete")) {
                        st.execute("DROP TRIGGER registry_counts_" + t);
                    }
                    List<String> indexes = new ArrayList<>();
                    try (var rs = st.executeQuery("SELECT name FROM sqlite_schema WHERE name LIKE 'registry_field_%'")) {
                        while (rs.next()) {
                            indexes.add(rs.getString(1));
                        }
                    }
                    assertTrue(indexes.size() > 40, indexes.toString());
                    for (String index : indexes) {
                        st.execute("DROP INDEX \"" + index + "\"");
                    }
                    st.execute("PRAGMA user_version = 6");
                }
                return null;
            });
        }
        try (Database db = new Database(file)) {
            RegistryStore store = new RegistryStore(db, Clock.systemUTC(), catalogue);
            for (RegistrySpec spec : catalogue.all()) {
                long counted = db.read(c -> {
                    try (var ps = c.prepareStatement("SELECT count(*) FROM registry_records WHERE registry = ?")) {
                        ps.setString(1, spec.name());
                        try (var rs = ps.executeQuery()) {
                            return rs.getLong(1);
                        }
                    }
                });
                assertEquals(counted, store.count(spec.name()), spec.name());
                long active = store.page(spec, new RegistryQuery(Map.of(), "действует", null), null, 0, 0).total();
                assertEquals(store.byKey(spec.name()).values().stream().filter(r -> r.status().equals("действует")).count(), active);
            }
            List<String> indexes = db.read(c -> {
                List<String> names = new ArrayList<>();
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT name FROM sqlite_schema WHERE name LIKE 'registry_field_achievements_%'")) {
                    while (rs.next()) {
                        names.add(rs.getString(1).replaceAll("_[0-9a-f]+$", ""));
                    }
                }
                return names;
            });
            assertEquals(List.of("code", "event", "organisation", "result", "stage", "student", "year"),
                    indexes.stream().map(n -> n.substring("registry_field_achievements_".length())).sorted().toList());
            // Withdrawing a record moves it between the kept counts.
            RegistryRecord any = store.byKey("experts").values().stream().filter(r -> r.status().equals("действует")).findFirst().orElseThrow();
            long before = store.page(catalogue.get("experts"), new RegistryQuery(Map.of(), "исключён", null), null, 0, 0).total();
            store.apply("experts", List.of(new RegistryStore.Change(any.key(), any.data(), RegistryRecord.WITHDRAWN, null, "withdrawn", Map.of())), "test");
            assertEquals(before + 1, store.page(catalogue.get("experts"), new RegistryQuery(Map.of(), "исключён", null), null, 0, 0).total());
        }
    }

    @Test
    void recordsWrittenBeforeFoldedValuesGetThemWhenTheArchiveOpens() {
        Path file = dir.resolve("old.db");
        RegistryCatalogue catalogue = RegistryCatalogue.load(Optional.empty());
        try (Database db = new Database(file)) {
            new RegistryStore(db, Clock.systemUTC()).apply("experts", List.of(new RegistryStore.Change("Э-1",
                    Map.of("registryNumber", "Э-1", "fullName", "Ёлкина Анна", "areas", List.of("ВПР", "Математика")),
                    RegistryRecord.ACTIVE, null, "added", Map.of())), "test");
            db.write(c -> c.createStatement().executeUpdate("UPDATE registry_records SET folded = NULL"));
        }
        try (Database db = new Database(file)) {
            Registries registries = new Registries(catalogue, new RegistryStore(db, Clock.systemUTC()), null);
            assertEquals(1, registries.page("experts", new RegistryQuery(Map.of("areas", "математика", "fullName", "елкина"), null, null),
                    "fullName", 0, 10).total());
        }
    }

    @Test
    void aFieldTheRegistryDoesNotDescribeIsRefused() {
        Registries registries = SampleArchive.get().archive().registries();
        assertThrows(IllegalArgumentException.class,
                () -> registries.page("experts", new RegistryQuery(Map.of("x') OR 1=1 --", "a"), null, null), "fullName", 0, 10));
        assertThrows(IllegalArgumentException.class, () -> registries.page("experts", RegistryQuery.ALL, "nonsense", 0, 10));
        assertTrue(registries.page("experts", RegistryQuery.ALL, "fullName", 1_000, 10).records().isEmpty());
    }

    private static final String[] WORDS = {"Математика", "математика", "ВПР", "Ёжик", "ежик", "ёлка", "Елка", "школа № 12",
            "Zebra", "apple", "лицей", "", "a; b", "Ω", "ß"};

    private static Map<String, Object> generated(RegistrySpec spec, Random random) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (FieldSpec f : spec.fields()) {
            if (random.nextInt(6) == 0 || f.fieldType() == FieldType.STATUS) {
                continue;
            }
            Object value = switch (f.fieldType()) {
                case INT -> 2015 + random.nextInt(12);
                case DATE -> LocalDate.of(2019 + random.nextInt(8), 1 + random.nextInt(12), 1 + random.nextInt(28)).toString();
                case LIST -> {
                    List<String> items = new ArrayList<>();
                    for (int i = random.nextInt(4); i > 0; i--) {
                        items.add(word(random));
                    }
                    yield items;
                }
                case ORGANISATION -> random.nextBoolean() ? Map.of("text", word(random)) : Map.of("text", word(random), "recordId", 1L);
                default -> word(random) + (random.nextBoolean() ? " " + word(random) : "");
            };
            data.put(f.name(), value);
        }
        return data;
    }

    private static String word(Random random) {
        return WORDS[random.nextInt(WORDS.length)];
    }
}
