package ru.soko.selfeval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.soko.Archive;
import ru.soko.ingest.FileCollector;
import ru.soko.ingest.IngestProgress;
import ru.soko.requisites.Issuer;
import ru.soko.testing.TestArchives;
import ru.soko.testing.TestFiles;

/** History, flags, corrections and comparison over stored indicator tables. */
class SelfEvalHistoryTest {

    @TempDir
    Path dir;

    private Archive archive;
    private int files;

    /** Stores tables directly, so these tests do not depend on reading them from report texts. */
    private final class Store {
        void storeReport(long documentId, String organisation, int year, IndicatorTable table) {
            archive.selfEval().store(documentId, organisation, year, table);
        }
    }

    private final Store store = new Store();

    @BeforeEach
    void open() {
        archive = Archive.open(TestArchives.withoutOcr(dir));
    }

    @AfterEach
    void close() {
        archive.close();
    }

    private long document() throws Exception {
        Path f = TestFiles.text(Files.createDirectories(dir.resolve("in")), "report" + (files++) + ".txt",
                "Отчёт о результатах самообследования № " + files, StandardCharsets.UTF_8);
        return archive.ingest().ingest(FileCollector.collect(List.of(f)), "test", IngestProgress.NONE).outcomes().get(0).documentId();
    }

    private static IndicatorValue row(String code, String name, String unit, Double value, Double percent) {
        return new IndicatorValue(code, name, unit, value, percent, value + "/" + percent, true, 10);
    }

    private static IndicatorTable table(double pupils, double good, double goodPercent, double computers) {
        return new IndicatorTable("school", List.of(
                row("1.1", "Общая численность учащихся", "человек", pupils, null),
                row("1.5", "Численность/удельный вес численности учащихся, успевающих на «4» и «5»", "человек/%", good, goodPercent),
                row("2.1", "Количество компьютеров в расчёте на одного учащегося", "единиц", computers, null)));
    }

    private Issuer school(String id) {
        return archive.selfEval().organisation(id, java.util.Map.of());
    }

    @Test
    void historyShowsEveryYearWithChangesAndMissingYears() throws Exception {
        store.storeReport(document(), "org-kem-12", 2021, table(600, 290, 48.3, 0.1));
        store.storeReport(document(), "org-kem-12", 2022, table(612, 300, 49.0, 0.12));
        store.storeReport(document(), "org-kem-12", 2024, table(640, 330, 51.6, 0.15));
        SchoolHistory h = archive.selfEval().history(school("org-kem-12"), "4205012340");
        assertEquals(List.of(2021, 2022, 2023, 2024), h.years());
        assertEquals(List.of(2023), h.missingYears());
        SchoolHistory.Indicator pupils = h.indicators().get(0);
        assertEquals("1.1", pupils.code());
        assertEquals(12.0, pupils.values().get("2022").change());
        assertEquals(28.0, pupils.values().get("2024").change(), "the change is from the previous year on record");
        assertFalse(pupils.values().containsKey("2023"));
        assertEquals(List.of(), h.flags());
    }

    @Test
    void flagsShareOver100JumpsAndCountsThatDisagreeWithTheTotal() throws Exception {
        store.storeReport(document(), "org-kem-12", 2022, table(600, 290, 48.3, 0.1));
        store.storeReport(document(), "org-kem-12", 2023, table(610, 2950, 103.1, 0.1));
        store.storeReport(document(), "org-kem-12", 2024, table(620, 300, 60.0, 0.1));
        List<SchoolHistory.Flag> flags = archive.selfEval().history(school("org-kem-12"), null).flags();
        assertTrue(flags.stream().anyMatch(f -> f.kind().equals("share-over-100") && f.year() == 2023), flags.toString());
        assertTrue(flags.stream().anyMatch(f -> f.kind().equals("jump") && f.code().equals("1.5")), flags.toString());
        assertTrue(flags.stream().anyMatch(f -> f.kind().equals("inconsistent") && f.year() == 2024), "300 of 620 is 48.4 %, not 60 %");
    }

    @Test
    void newerReportForTheSameYearReplacesTheOlderButKeepsIt() throws Exception {
        long first = document();
        store.storeReport(first, "org-kem-12", 2023, table(600, 290, 48.3, 0.1));
        long second = document();
        store.storeReport(second, "org-kem-12", 2023, table(605, 292, 48.3, 0.1));
        SchoolHistory.YearValue v = archive.selfEval().history(school("org-kem-12"), null).indicators().get(0).values().get("2023");
        assertEquals(605.0, v.value());
        assertEquals(second, v.documentId());
        assertEquals(List.of(new ReportVersion(second, true, 3), new ReportVersion(first, false, 3)),
                archive.selfEval().versions("org-kem-12", 2023), "the older report's values stay as history");
    }

    @Test
    void correctionIsKeptApartAndAudited() throws Exception {
        store.storeReport(document(), "org-kem-12", 2023, table(600, 2950, 103.1, 0.1));
        archive.selfEval().correct("org-kem-12", 2023, "1.5", 295.0, 49.2, "auditor");
        SchoolHistory.YearValue v = archive.selfEval().history(school("org-kem-12"), null).indicators().get(1).values().get("2023");
        assertEquals(295.0, v.value());
        assertTrue(v.corrected());
        assertEquals("selfeval-correct", archive.catalog().auditTrail("selfeval:org-kem-12:2023:1.5").get(0).action());
    }

    @Test
    void comparesATerritorysSchoolsWithTheMedian() throws Exception {
        store.storeReport(document(), "org-kem-12", 2024, table(640, 330, 51.6, 0.15));
        store.storeReport(document(), "org-kem-g42", 2024, table(800, 500, 62.5, 0.2));
        store.storeReport(document(), "org-kem-ds58", 2024, table(200, 90, 45.0, 0.05));
        store.storeReport(document(), "org-nvk-l76", 2024, table(900, 700, 77.8, 0.3));
        Comparison c = archive.selfEval().compare("Кемеровский", 2024, "1.5");
        assertEquals(List.of("org-kem-g42", "org-kem-12", "org-kem-ds58"), c.rows().stream().map(Comparison.Row::organisationId).toList());
        assertEquals(330.0, c.median());
        assertNull(archive.selfEval().compare("Кемеровский", 2019, "1.5").median());
    }

    @Test
    void findsASchoolByPartOfItsNameAndRefusesAnAmbiguousOne() {
        assertEquals("org-nvk-l76", archive.selfEval().organisation("лицей № 76", java.util.Map.of()).orgId());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> archive.selfEval().organisation("школа", java.util.Map.of()));
        assertTrue(e.getMessage().contains("нескольким"), e.getMessage());
    }
}
