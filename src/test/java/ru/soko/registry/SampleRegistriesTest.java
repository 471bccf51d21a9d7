package ru.soko.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.soko.Archive;
import ru.soko.search.SearchHit;
import ru.soko.search.SearchRequest;
import ru.soko.testing.SampleArchive;
import ru.soko.testing.TestArchives;

/** The sample registry sheets as the demo loads them, and the import fixtures. */
class SampleRegistriesTest {

    private final Archive archive = SampleArchive.get().archive();

    @ParameterizedTest(name = "{0}")
    @CsvSource({"organisations, 32", "experts, 28", "assessment-orgs, 6", "websites, 32", "staff-materials, 13",
            "student-kim, 22", "programmes, 23", "providers, 6", "events, 16", "achievements, 20"})
    void everySampleSheetLoadsWhole(String registry, int rows) {
        assertEquals(rows, archive.registries().list(registry, RegistryQuery.ALL).size());
    }

    @Test
    void expertsLinkToTheirSchoolsAndWithdrawnOnesKeepTheirDate() {
        RegistryRecord ivanova = archive.registries().byKey("experts", "Э-2021-017").orElseThrow();
        Map<?, ?> org = (Map<?, ?>) ivanova.data().get("organisation");
        RegistryRecord school = archive.registries().get(((Number) org.get("recordId")).longValue()).orElseThrow();
        assertEquals("4205012340", school.key());
        List<RegistryRecord> excluded = archive.registries().list("experts", new RegistryQuery(Map.of(), "исключён", null));
        assertEquals(2, excluded.size());
        excluded.forEach(r -> assertTrue(r.statusDate() != null, r.key()));
    }

    @Test
    void anOrganisationsCardListsItsDocumentsAndAnExpertsCardHerConclusions() {
        RegistryCard school = archive.registryCard("organisations", "4205012340").orElseThrow();
        assertTrue(school.documents().size() >= 5, "СОШ № 12: reports, order, regulation, conclusion: " + school.documents());
        assertTrue(school.documents().stream().anyMatch(d -> "отчёт о самообследовании".equals(d.kind())));
        RegistryCard expert = archive.registryCard("experts", "Э-2021-017").orElseThrow();
        assertTrue(expert.documents().stream().anyMatch(d -> "экспертное заключение".equals(d.kind())), expert.documents().toString());
    }

    @Test
    void ivanovaMathematicsFindsTheExpertAndTheConclusionsSheWrote() {
        List<SearchHit> hits = archive.search().search(new SearchRequest("Иванова математика", 0, 10)).hits();
        assertEquals("experts", hits.get(0).registry(), hits.toString());
        assertEquals("Иванова Марина Сергеевна", hits.get(0).title());
        assertTrue(hits.stream().anyMatch(h -> h.registry() == null && "экспертное заключение".equals(h.kind())), hits.toString());
    }

    @Test
    void filtersByGradeSubjectAndValidityWork() {
        assertFalse(archive.registries().list("student-kim", new RegistryQuery(Map.of("grade", "7", "subject", "математика"), null, null)).isEmpty());
        List<RegistryRecord> validNow = archive.registries().list("programmes", new RegistryQuery(Map.of(), null, java.time.LocalDate.of(2026, 1, 1)));
        assertTrue(validNow.size() < 23 && !validNow.isEmpty(), "expired certificates drop out: " + validNow.size());
    }

    @TempDir
    Path dir;

    @Test
    void dirtyFixturesAreRefusedWithTheirRowsAndTheUpdateIsCounted() throws Exception {
        Path fixtures = Path.of("src/test/resources/registries");
        try (Archive fresh = Archive.open(TestArchives.withoutOcr(dir))) {
            ImportReport experts = fresh.importRegistry("experts", fixtures.resolve("experts-dirty.csv"), RegistryImporter.Options.DEFAULT, "t");
            assertEquals(List.of(3, 5, 6), experts.errors().stream().map(ImportReport.RowError::row).toList());
            assertFalse(experts.written());
            ImportReport orgs = fresh.importRegistry("organisations", fixtures.resolve("organisations-dirty.xlsx"), RegistryImporter.Options.DEFAULT, "t");
            assertEquals(List.of(4, 5, 7), orgs.errors().stream().map(ImportReport.RowError::row).toList());
            ImportReport cp1251 = fresh.importRegistry("experts", fixtures.resolve("experts-1251.csv"), RegistryImporter.Options.DEFAULT, "t");
            assertEquals(5, cp1251.added(), cp1251.errors().toString());
            assertTrue(fresh.registries().byKey("experts", "Э-2021-017").orElseThrow().text("fullName").startsWith("Иванова"));
            fresh.importRegistry("experts", Path.of("sample-docs/registries/experts.xlsx"), RegistryImporter.Options.DEFAULT, "t");
            ImportReport update = fresh.importRegistry("experts", fixtures.resolve("experts-update.xlsx"), RegistryImporter.Options.DEFAULT, "t");
            assertEquals(List.of(1, 1, 26, 1), List.of(update.added(), update.updated(), update.unchanged(), update.withdrawn()));
        }
    }
}
