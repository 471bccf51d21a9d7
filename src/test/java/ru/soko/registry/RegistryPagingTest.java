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

    private static void assertSame(Registries registries, String registry, RegistryQuery query, String sort,
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
        return queries;
    }

    private static String part(String shown, Random random) {
        int from = random.nextInt(Math.max(1, shown.length()));
        String p = shown.substring(from, Math.min(shown.length(), from + 1 + random.nextInt(6)));
        return random.nextBoolean() ? p.toUpperCase(Locale.ROOT) : p.replace('е', 'ё');
    }

    private static void assertSameEverywhere(Registries registries, Random random) {
        for (RegistrySpec spec : registries.catalogue().all()) {
            List<RegistryRecord> records = registries.list(spec.name(), RegistryQuery.ALL);
            for (RegistryQuery query : queries(spec, records, random)) {
                List<RegistryRecord> matching = registries.list(spec.name(), query);
                // Every sort for the whole registry; for a filter, two sorts chosen at random.
                List<FieldSpec> sorts = query.equals(RegistryQuery.ALL) ? spec.fields()
                        : List.of(spec.fields().get(random.nextInt(spec.fields().size())), spec.fields().get(random.nextInt(spec.fields().size())));
                for (FieldSpec sort : sorts) {
                    assertSame(registries, spec.name(), query, sort.name(), matching);
                }
            }
        }
    }

    @Test
    void sampleRegistriesPageAsTheInMemoryPathDid() {
        assertSameEverywhere(SampleArchive.get().archive().registries(), new Random(1));
    }

    @Test
    void generatedRecordsWithCaseYoListsNumbersAndDatesPageAsTheInMemoryPathDid() {
        try (Database db = new Database(dir.resolve("archive.db"))) {
            RegistryCatalogue catalogue = RegistryCatalogue.load(Optional.empty());
            RegistryStore store = new RegistryStore(db, Clock.systemUTC());
            Random random = new Random(7);
            for (RegistrySpec spec : catalogue.all()) {
                List<RegistryStore.Change> changes = new ArrayList<>();
                for (int i = 0; i < 120; i++) {
                    boolean withdrawn = random.nextInt(5) == 0;
                    changes.add(new RegistryStore.Change("k" + i, generated(spec, random), withdrawn ? RegistryRecord.WITHDRAWN : RegistryRecord.ACTIVE,
                            withdrawn && random.nextBoolean() ? LocalDate.of(2020 + random.nextInt(6), 1 + random.nextInt(12), 1) : null,
                            "added", Map.of()));
                }
                store.apply(spec.name(), changes, "test");
            }
            assertSameEverywhere(new Registries(catalogue, store, null), random);
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
