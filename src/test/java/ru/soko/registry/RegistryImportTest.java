package ru.soko.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.soko.Archive;
import ru.soko.search.SearchHit;
import ru.soko.search.SearchRequest;
import ru.soko.testing.TestArchives;

class RegistryImportTest {

    private static final String ORGANISATIONS = """
            № п/п;Краткое наименование;Полное наименование;Тип;ИНН;Муниципальное образование;Субъект РФ;Сайт
            1;МБОУ «СОШ № 12»;Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 12»;СОШ;4205012340;Кемеровский городской округ;Кемеровская область – Кузбасс;https://school12.kem.ru
            2;МБОУ «Лицей № 76»;Муниципальное бюджетное общеобразовательное учреждение «Лицей № 76»;лицей;4217076764;Новокузнецкий городской округ;Кемеровская область – Кузбасс;https://lyceum76.ru
            3;МБОУ «ООШ № 3»;Муниципальное бюджетное общеобразовательное учреждение «Основная общеобразовательная школа № 3»;ООШ;4213003035;Мариинский муниципальный округ;Кемеровская область – Кузбасс;school3-mariinsk.ru
            """;

    private static final String EXPERTS = """
            Реестр экспертов РСОКО по состоянию на 01.09.2025
            ФИО эксперта;Регистрационный номер;Место работы;Должность;Категория;Направления экспертизы;Дата включения
            Иванова Марина Сергеевна;Э-2021-017;МБОУ «СОШ № 12»;учитель математики;высшая;"математика; ВПР; ОГЭ";15.03.2021
            Сидоренко Ольга Викторовна;Э-2022-004;МБОУ «Лицей № 76»;учитель русского языка и литературы;высшая;русский язык;10.02.2022
            Кузнецова Елена Павловна;Э-2022-031;МБОУ «ООШ № 3»;учитель начальных классов;первая;НОО;1 сентября 2022 г.
            """;

    @TempDir
    Path dir;

    private Archive archive;

    @BeforeEach
    void open() {
        archive = Archive.open(TestArchives.withoutOcr(dir));
    }

    @AfterEach
    void close() {
        archive.close();
    }

    private Path file(String name, String content, Charset charset) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, content.getBytes(charset));
        return f;
    }

    private ImportReport load(String registry, Path file) throws Exception {
        return archive.importRegistry(registry, file, RegistryImporter.Options.DEFAULT, "test");
    }

    @Test
    void importsCleanSheetsInAnyColumnOrderAndLinksOrganisations() throws Exception {
        Path orgs = file("orgs.csv", "\uFEFF" + ORGANISATIONS, StandardCharsets.UTF_8);
        ImportReport o = load("organisations", orgs);
        assertTrue(o.written(), o.errors().toString());
        assertEquals(3, o.added());
        ImportReport e = load("experts", file("experts.csv", EXPERTS, Charset.forName("windows-1251")));
        assertTrue(e.written(), e.errors().toString());
        assertEquals(3, e.added());
        RegistryRecord ivanova = archive.registries().byKey("experts", "Э-2021-017").orElseThrow();
        assertEquals(List.of("математика", "ВПР", "ОГЭ").toString(), ivanova.data().get("areas").toString().replace("[", "[").replace("]", "]"));
        Map<?, ?> org = (Map<?, ?>) ivanova.data().get("organisation");
        assertEquals(archive.registries().byKey("organisations", "4205012340").orElseThrow().id(), ((Number) org.get("recordId")).longValue());
        assertEquals("2022-09-01", archive.registries().byKey("experts", "Э-2022-031").orElseThrow().data().get("includedOn"));
        assertEquals("https://school3-mariinsk.ru", archive.registries().byKey("organisations", "4213003035").orElseThrow().data().get("website"));
    }

    @Test
    void refusesADirtySheetWholeAndListsEveryBadRowWithItsColumn() throws Exception {
        String dirty = ORGANISATIONS.replace("4217076764", "4217076763").replace(";СОШ;", ";школа;")
                .replace("https://lyceum76.ru", "сайт лицея");
        ImportReport r = load("organisations", file("dirty.csv", dirty, StandardCharsets.UTF_8));
        assertFalse(r.written());
        assertTrue(r.refused());
        assertEquals(List.of("строка 2, столбец «Тип»", "строка 3, столбец «ИНН»", "строка 3, столбец «Сайт»"),
                r.errors().stream().map(e -> e.line().substring(0, e.line().indexOf(':'))).toList());
        assertEquals(0, archive.registries().list("organisations", RegistryQuery.ALL).size(), "nothing written");
        ImportReport partial = archive.importRegistry("organisations", dir.resolve("dirty.csv"),
                new RegistryImporter.Options(false, true, true), "test");
        assertTrue(partial.written());
        assertEquals(1, partial.added(), "only the clean row is written with --skip-invalid");
    }

    @Test
    void reimportUpdatesByKeyWithdrawsMissingAndKeepsHistory() throws Exception {
        load("organisations", file("orgs.csv", ORGANISATIONS, StandardCharsets.UTF_8));
        load("experts", file("experts.csv", EXPERTS, StandardCharsets.UTF_8));
        String updated = EXPERTS.replace("учитель русского языка и литературы", "заместитель директора")
                .replace("Кузнецова Елена Павловна;Э-2022-031;МБОУ «ООШ № 3»;учитель начальных классов;первая;НОО;1 сентября 2022 г.\n", "")
                + "Петров Алексей Николаевич;Э-2021-023;КРИПКиПРО;старший методист;высшая;физика;01.06.2021\n";
        ImportReport r = load("experts", file("experts-2.csv", updated, StandardCharsets.UTF_8));
        assertEquals(List.of(1, 1, 1, 1), List.of(r.added(), r.updated(), r.unchanged(), r.withdrawn()));
        RegistryRecord withdrawn = archive.registries().byKey("experts", "Э-2022-031").orElseThrow();
        assertEquals("исключён", withdrawn.status());
        assertNotNull(withdrawn.statusDate());
        RegistryRecord sidorenko = archive.registries().byKey("experts", "Э-2022-004").orElseThrow();
        List<HistoryEntry> history = archive.registries().history(sidorenko.id());
        assertEquals(List.of("added", "updated"), history.stream().map(HistoryEntry::action).toList());
        assertEquals(List.of("учитель русского языка и литературы", "заместитель директора"), history.get(1).changes().get("position"));
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("КРИПКиПРО") && w.contains("не найдена")), r.warnings().toString());
        ImportReport again = load("experts", dir.resolve("experts-2.csv"));
        assertEquals(3, again.unchanged());
        assertEquals(0, again.added() + again.updated() + again.withdrawn());
    }

    @Test
    void readsXlsxWithMergedTitleRowsAndOddHeadings() throws Exception {
        Path xlsx = dir.resolve("experts.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
            XSSFSheet sheet = wb.createSheet("Эксперты");
            sheet.createRow(0).createCell(0).setCellValue("РЕЕСТР ЭКСПЕРТОВ");
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 4));
            sheet.createRow(1).createCell(0).setCellValue("по состоянию на 01.09.2025");
            String[] head = {"№ п/п", "Фамилия, имя, отчество", "Рег. номер", "Кв. категория", "Дата включения в реестр"};
            var header = sheet.createRow(3);
            for (int i = 0; i < head.length; i++) {
                header.createCell(i).setCellValue(head[i]);
            }
            var row = sheet.createRow(4);
            row.createCell(0).setCellValue(1);
            row.createCell(1).setCellValue("Иванова Марина Сергеевна");
            row.createCell(2).setCellValue("Э-2021-017");
            row.createCell(3).setCellValue("Высшая");
            var date = row.createCell(4);
            date.setCellValue(java.time.LocalDate.of(2021, 3, 15));
            var style = wb.createCellStyle();
            style.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd.mm.yyyy"));
            date.setCellStyle(style);
            wb.write(out);
        }
        ImportReport r = load("experts", xlsx);
        assertTrue(r.written(), r.errors().toString());
        RegistryRecord ivanova = archive.registries().byKey("experts", "Э-2021-017").orElseThrow();
        assertEquals("высшая", ivanova.data().get("category"));
        assertEquals("2021-03-15", ivanova.data().get("includedOn"));
    }

    @Test
    void exportReimportsToTheSameRecords() throws Exception {
        load("organisations", file("orgs.csv", ORGANISATIONS, StandardCharsets.UTF_8));
        load("experts", file("experts.csv", EXPERTS, StandardCharsets.UTF_8));
        for (RegistryExporter.Format format : RegistryExporter.Format.values()) {
            Path out = dir.resolve("experts-export." + format.name().toLowerCase());
            archive.registries().export("experts", RegistryQuery.ALL, format, out);
            assertTrue(Files.size(out) > 100);
            if (format == RegistryExporter.Format.JSON) {
                continue;
            }
            if (format == RegistryExporter.Format.CSV) {
                byte[] bytes = Files.readAllBytes(out);
                assertEquals(0xEF, bytes[0] & 0xFF, "CSV starts with a BOM so Excel reads UTF-8");
            }
            Path other = dir.resolve("other-" + format);
            try (Archive fresh = Archive.open(TestArchives.withoutOcr(other))) {
                fresh.importRegistry("organisations", dir.resolve("orgs.csv"), RegistryImporter.Options.DEFAULT, "test");
                ImportReport r = fresh.importRegistry("experts", out, RegistryImporter.Options.DEFAULT, "test");
                assertTrue(r.written(), format + ": " + r.errors());
                for (RegistryRecord original : archive.registries().list("experts", RegistryQuery.ALL)) {
                    RegistryRecord copy = fresh.registries().byKey("experts", original.key()).orElseThrow();
                    assertEquals(stripIds(original.data()), stripIds(copy.data()), format + " " + original.key());
                }
            }
        }
    }

    private static String stripIds(Map<String, Object> data) {
        return new java.util.TreeMap<>(data).toString().replaceAll("recordId=\\d+", "recordId");
    }

    @Test
    void filtersBySubjectStatusAndValidityDate() throws Exception {
        load("organisations", file("orgs.csv", ORGANISATIONS, StandardCharsets.UTF_8));
        load("experts", file("experts.csv", EXPERTS, StandardCharsets.UTF_8));
        assertEquals(1, archive.registries().list("experts", new RegistryQuery(Map.of("areas", "математ"), null, null)).size());
        assertEquals(2, archive.registries().list("experts", new RegistryQuery(Map.of(), null, java.time.LocalDate.of(2022, 3, 1))).size());
        assertEquals(3, archive.registries().list("experts", new RegistryQuery(Map.of(), "действует", null)).size());
    }

    @Test
    void registryRecordsAreFoundWithDocumentsUnderTheirOwnKind() throws Exception {
        load("organisations", file("orgs.csv", ORGANISATIONS, StandardCharsets.UTF_8));
        load("experts", file("experts.csv", EXPERTS, StandardCharsets.UTF_8));
        List<SearchHit> hits = archive.search().search(new SearchRequest("Иванова математика", 0, 10)).hits();
        SearchHit expert = hits.get(0);
        assertEquals("experts", expert.registry());
        assertEquals("эксперт", expert.kind());
        assertEquals("Иванова Марина Сергеевна", expert.title());
        var onlyExperts = archive.search().search(new SearchRequest("", 0, 10, Map.of("registry", List.of("experts")), null));
        assertEquals(3, onlyExperts.total());
        assertTrue(archive.reindex() >= 6, "reindex keeps registry records");
        assertEquals(3, archive.search().search(new SearchRequest("", 0, 10, Map.of("registry", List.of("experts")), null)).total());
    }

    @Test
    void handEditIsCheckedAndRecordedInTheHistory() throws Exception {
        load("organisations", file("orgs.csv", ORGANISATIONS, StandardCharsets.UTF_8));
        load("experts", file("experts.csv", EXPERTS, StandardCharsets.UTF_8));
        archive.editRegistry("experts", "Э-2022-031", Map.of("status", "исключён", "statusDate", "12.03.2024"), "admin");
        RegistryRecord r = archive.registries().byKey("experts", "Э-2022-031").orElseThrow();
        assertEquals("исключён", r.status());
        HistoryEntry last = archive.registries().history(r.id()).get(1);
        assertEquals(List.of("edited", "admin"), List.of(last.action(), last.actor()));
        assertEquals(java.util.Arrays.asList("действует", "исключён"), last.changes().get("status"));
        IllegalArgumentException bad = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> archive.editRegistry("experts", "Э-2022-031", Map.of("includedOn", "вчера"), "admin"));
        assertTrue(bad.getMessage().contains("не дата"), bad.getMessage());
        var hit = archive.search().search(new SearchRequest("Кузнецова", 0, 10)).hits().get(0);
        assertEquals("исключён", hit.status(), "the search entry follows the edit");
    }

    @Test
    void unknownRegistryAndMissingHeaderAreClearErrors() throws Exception {
        Path f = file("x.csv", "a;b\n1;2\n", StandardCharsets.UTF_8);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> load("pets", f));
        assertTrue(e.getMessage().contains("нет реестра «pets»"));
        ImportReport r = load("experts", f);
        assertFalse(r.written());
        assertTrue(r.errors().get(0).message().contains("не найдена строка заголовков"));
    }
}
