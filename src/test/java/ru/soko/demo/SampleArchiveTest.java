package ru.soko.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import ru.soko.Archive;
import ru.soko.catalog.DocumentRecord;
import ru.soko.catalog.TextSource;
import ru.soko.extract.OcrEngine;
import ru.soko.ingest.IngestProgress;
import ru.soko.ingest.IngestSummary;
import ru.soko.search.SearchRequest;
import ru.soko.testing.SampleArchive;

/**
 * The demo archive built from every sample document, the way {@code demo} builds it: each format
 * reads, the Russian encodings decode, scans are recognised when Tesseract is installed.
 */
class SampleArchiveTest {

    private static final boolean TESSERACT = OcrEngine.probe(true, "rus+eng").available();
    private final Archive archive = SampleArchive.get().archive();
    private final IngestSummary summary = SampleArchive.get().summary();
    private final Map<String, DocumentRecord> byPath = SampleArchive.get().byPath();

    @Test
    void everySampleDocumentIsTakenWithoutRejection() {
        assertTrue(summary.outcomes().size() >= 40, "at least 40 sample documents, found " + summary.outcomes().size());
        assertEquals(List.of(), summary.rejected().stream().map(o -> o.message()).toList());
        assertEquals(summary.outcomes().size(), archive.catalog().count());
        assertEquals(archive.catalog().count(), archive.search().search(new SearchRequest("", 0, 1,
                Map.of("registry", List.of("documents")), null, ru.soko.access.Role.ADMIN)).total(), "every document is in the index");
    }

    @Test
    void draftsListedInAccessJsonAreHiddenFromThePublicButNotFromStaff() {
        long everything = archive.search().countDocuments(ru.soko.access.Role.ADMIN);
        assertEquals(everything - 3, archive.search().countDocuments(ru.soko.access.Role.PUBLIC));
        assertEquals(everything - 1, archive.search().countDocuments(ru.soko.access.Role.EXPERT),
                "the conclusion on a self-evaluation report is for auditors");
        assertEquals(everything, archive.search().countDocuments(ru.soko.access.Role.AUDITOR));
        assertEquals("internal", byPath.get("staraya-maina/2025_proekt-prikaza-monitoring.docx").visibility());
        assertEquals(3, archive.users().list().size(), "one demo account per role");
    }

    @Test
    void everyRequiredFormatHasASampleThatReadsAsRussianText() {
        Set<String> required = Set.of("pdf", "docx", "doc", "odt", "rtf", "xlsx", "xls", "html", "txt");
        Map<String, Integer> seen = new TreeMap<>();
        for (DocumentRecord r : byPath.values()) {
            seen.merge(r.format(), 1, Integer::sum);
            if (r.textSource() == TextSource.LAYER) {
                assertTrue(looksLikeRussian(r.text()), r.sourcePath() + " does not read as Russian text");
            }
        }
        assertTrue(seen.keySet().containsAll(required), "formats present: " + seen);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "federal/2013-12-10_prikaz-1324.pdf         | pdf  | layer | показателей деятельности образовательной организации",
            "federal/2019-05-06_prikaz-590-219.docx     | docx | layer | (Минпросвещения России)",
            "kuzbass/2020-07-24_prikaz-1291.doc         | doc  | layer | от 24.07.2020 № 1291",
            "kuzbass/2020-07-24_polozhenie-rsoko.odt    | odt  | layer | о региональной системе оценки качества образования",
            "kuzbass/2021-03-12_prikaz-655.rtf          | rtf  | layer | О внесении изменений в приказ министерства образования Кузбасса",
            "kuzbass/2024-02-26_plan-vpr-2024.xlsx      | xlsx | layer | План мероприятий («дорожная карта»)",
            "kuzbass/2024-08-28_ciklogramma-2024-2025.xls | xls | layer | Циклограмма мониторинговых процедур",
            "chegem/2022-09-12_prikaz-134.html          | html | layer | ЧЕГЕМСКОГО МУНИЦИПАЛЬНОГО РАЙОНА",
            "kuzbass/2024-02-05_prikaz-287.txt          | txt  | layer | Об организации самообследования образовательных организаций",
            "novokuznetsk/2023-10-09_prikaz-1184.txt    | txt  | layer | мониторинга функциональной грамотности",
            "federal/2024-02-12_pismo-02-27.txt         | txt  | layer | (РОСОБРНАДЗОР)"})
    void eachFormatReadsItsText(String path, String format, String source, String phrase) {
        DocumentRecord r = byPath.get(path);
        assertEquals(format, r.format(), path);
        assertEquals(TextSource.valueOf(source.toUpperCase()), r.textSource());
        assertTrue(r.text().contains(phrase), path + " lacks «" + phrase + "»");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "kuzbass/2021-02-10_prikaz-388_scan.pdf                      | pdf  | Положения о реестре экспертов",
            "kemerovo/2022-03-14_prikaz-436_scan.pdf                     | pdf  | О внесении изменений",
            "schools/org-stm-1/2024_prikaz-9-samoobsledovanie_skan.png   | png  | О проведении самообследования",
            "schools/org-chg-2/2023_prikaz-47-vpr_skan.jpg               | jpeg | всероссийских проверочных работ",
            "schools/org-mar-3/2024_prikaz-112-plan-vsoko_skan.tiff      | tiff | внутренней системе оценки качества"})
    void eachScanIsRecognised(String path, String format, String phrase) {
        assumeTrue(TESSERACT, "Tesseract with rus+eng is not installed: OCR test skipped");
        DocumentRecord r = byPath.get(path);
        assertEquals(format, r.format(), path);
        assertEquals(TextSource.OCR, r.textSource());
        assertTrue(r.text().contains(phrase), path + " lacks «" + phrase + "»: " + r.text());
    }

    @Test
    void windows1251AndKoi8rSamplesDecodeCorrectly() {
        List<DocumentRecord> texts = byPath.values().stream().filter(r -> r.format().equals("txt")).toList();
        List<String> charsets = new ArrayList<>();
        for (DocumentRecord r : texts) {
            charsets.add(r.mediaType().toLowerCase());
            assertTrue(looksLikeRussian(r.text()), r.sourcePath());
            assertTrue(r.text().contains("приказ") || r.text().contains("ПРИКАЗ") || r.text().contains("заключение"), r.sourcePath());
        }
        assertTrue(charsets.stream().anyMatch(c -> c.contains("windows-1251")), charsets.toString());
        assertTrue(charsets.stream().anyMatch(c -> c.contains("koi8-r")), charsets.toString());
    }

    @Test
    void scannedDocumentsAreRecognisedWithTesseract() {
        assumeTrue(TESSERACT, "Tesseract with rus+eng is not installed: OCR test skipped");
        List<DocumentRecord> scans = byPath.values().stream()
                .filter(r -> r.sourcePath().contains("_scan") || r.sourcePath().contains("_skan")).toList();
        assertTrue(scans.size() >= 4, "scans among the samples: " + scans.size());
        for (DocumentRecord scan : scans) {
            assertEquals(TextSource.OCR, scan.textSource(), scan.sourcePath());
            assertFalse(scan.needsOcr(), scan.sourcePath());
            assertTrue(looksLikeRussian(scan.text()), scan.sourcePath() + ": " + scan.text());
        }
        long found = archive.search().search(new SearchRequest("реестре экспертов", 0, 50)).hits().stream()
                .filter(h -> h.sourceName().contains("_scan")).count();
        assertTrue(found >= 1, "a word read by OCR is found by search");
    }

    @Test
    void scansAreKeptAndFlaggedWhenTesseractIsMissing() {
        assumeTrue(!TESSERACT, "Tesseract is installed: the recognised path is tested instead");
        byPath.values().stream().filter(r -> r.sourcePath().contains("_scan") || r.sourcePath().contains("_skan"))
                .forEach(r -> assertTrue(r.needsOcr(), r.sourcePath()));
    }

    @Test
    void secondStartReusesTheArchive() {
        long before = archive.catalog().count();
        IngestSummary again = DemoArchive.fillIfEmpty(archive, IngestProgress.NONE);
        assertTrue(again.outcomes().isEmpty());
        assertEquals(before, archive.catalog().count());
    }

    @Test
    void demoLeavesOutTheListingAndTheRegistrySheets() {
        assertTrue(DemoArchive.isSampleDocument("kuzbass/2020-07-24_prikaz-1291.doc"));
        assertFalse(DemoArchive.isSampleDocument("README.md"));
        assertFalse(DemoArchive.isSampleDocument("registries/experts.xlsx"));
        assertFalse(byPath.containsKey("README.md"));
    }

    /** Russian text, not mojibake: mostly Cyrillic letters and none of the usual mis-decoding marks. */
    static boolean looksLikeRussian(String text) {
        long letters = text.chars().filter(Character::isLetter).count();
        long cyrillic = text.chars().filter(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC).count();
        boolean mojibake = text.contains("\uFFFD") || text.matches("(?s).*[ÐÑ][\u0080-\u00BF].*") || text.contains("Ã");
        return letters > 50 && cyrillic > letters * 0.6 && !mojibake;
    }
}
