package ru.soko.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.soko.Archive;
import ru.soko.config.AppConfig;
import ru.soko.ingest.FileCollector;
import ru.soko.ingest.IngestProgress;
import ru.soko.testing.TestArchives;
import ru.soko.testing.TestFiles;

class SearchServiceTest {

    @TempDir
    Path dir;

    private Archive archive;
    private final Map<String, Long> ids = new LinkedHashMap<>();

    @BeforeEach
    void setUp() throws Exception {
        archive = Archive.open(TestArchives.withoutOcr(dir));
        add("report", "Отчёт о результатах самообследования школы",
                "Итоги самообследования: численность детей, успеваемость, результаты ГИА.");
        add("vpr", "Аналитическая справка по итогам года",
                "Анализ результатов всероссийских проверочных работ в школах Чегемского района.");
        add("plan", "План работы со школами",
                "Работа со школами с низкими образовательными результатами: методическая помощь и мониторинг.");
        add("noko", "Положение о независимой оценке",
                "Порядок проведения НОКО и мониторинга удовлетворённости родителей качеством образования.");
    }

    @AfterEach
    void tearDown() {
        archive.close();
    }

    private void add(String name, String title, String body) throws Exception {
        Path file = TestFiles.text(Files.createDirectories(dir.resolve("in")), name + ".txt", title + "\n" + body,
                StandardCharsets.UTF_8);
        long id = archive.ingest().ingest(FileCollector.collect(List.of(file)), "test", IngestProgress.NONE)
                .outcomes().get(0).documentId();
        ids.put(name, id);
    }

    private List<String> find(String query) {
        return find(new SearchRequest(query, 0, 10));
    }

    private List<String> find(SearchRequest request) {
        Map<String, String> names = new LinkedHashMap<>();
        ids.forEach((name, id) -> names.put(Long.toString(id), name));
        return archive.search().search(request).hits().stream().map(h -> names.get(h.id())).toList();
    }

    @Test
    void findsEveryWordFormThroughTheLemma() {
        assertEquals(List.of("report"), find("самообследованию"));
        assertEquals(List.of("report"), find("самообследование"));
        assertEquals(List.of("report"), find("дети"));
        assertTrue(find("школа").containsAll(List.of("report", "vpr", "plan")));
        assertEquals(List.of("vpr"), find("Чегемский"), "a place name the dictionary lacks still meets its forms");
    }

    @Test
    void yoAndYeAreOneLetter() {
        assertEquals(List.of("noko"), find("удовлетворенности"));
        assertEquals(List.of("report"), find("отчет"));
    }

    @Test
    void abbreviationsFindTheirFullWordsAndBack() {
        assertEquals(List.of("vpr"), find("ВПР"));
        assertEquals(List.of("noko"), find("независимая оценка качества образования"));
        assertEquals(List.of("plan"), find("ШНОР"));
        assertEquals(List.of("report"), find("государственная итоговая аттестация"));
    }

    @Test
    void expertSyntaxWorks() {
        assertEquals(List.of("vpr"), find("\"всероссийских проверочных работ\""));
        assertEquals(List.of("plan"), find("школами -самообследования -всероссийских"));
        assertEquals(2, find("самообследования OR НОКО").size());
        assertEquals(List.of("plan"), find("title:план"));
    }

    @Test
    void malformedQueryGetsAFriendlyAnswerNotAnError() {
        assertEquals(List.of("report"), find("самообследования)"));
        InvalidQueryException unknownField = assertThrows(InvalidQueryException.class, () -> find("цвет:красный"));
        assertTrue(unknownField.getMessage().contains("неизвестное поле"), unknownField.getMessage());
        assertThrows(InvalidQueryException.class, () -> find("x".repeat(1001)));
    }

    @Test
    void snippetsMarkOtherWordFormsAndEscapeHtml() throws Exception {
        add("xss", "Справка <b>жирная</b>", "Текст про самообследованию <script>alert(1)</script> и прочее.");
        SearchResult result = archive.search().search(new SearchRequest("самообследование", 0, 10));
        String snippet = result.hits().stream().filter(h -> h.id().equals(ids.get("xss").toString())).findFirst().orElseThrow().snippet();
        assertTrue(snippet.contains("<mark>самообследованию</mark>"), snippet);
        assertFalse(snippet.contains("<script>"), snippet);
        assertTrue(snippet.contains("&lt;script&gt;"), snippet);
    }

    @Test
    void titleMatchRanksAboveBodyMatch() throws Exception {
        add("body", "Протокол совещания", "Обсуждали мониторинг, мониторинг и ещё раз мониторинг качества.");
        add("title", "Мониторинг качества образования", "Документ о задачах.");
        assertEquals("title", find("мониторинг").get(0));
    }

    @Test
    void facetsCountExactlyAndKeepOtherValuesVisibleWhenOneIsChosen() {
        archive.edit(ids.get("report"), Map.of("kind", "отчёт о самообследовании", "date", "20.04.2024"), "test");
        archive.edit(ids.get("vpr"), Map.of("kind", "аналитическая справка", "date", "01.09.2023"), "test");
        archive.edit(ids.get("plan"), Map.of("kind", "план", "date", "01.09.2023"), "test");
        SearchResult all = archive.search().search(new SearchRequest("", 0, 10));
        assertEquals(4, all.total());
        assertEquals(List.of(new FacetValue("2023", 2), new FacetValue("2024", 1)), all.facets().get("year"));
        SearchResult chosen = archive.search().search(new SearchRequest("", 0, 10,
                Map.of("year", List.of("2023")), SearchRequest.Order.RELEVANCE));
        assertEquals(2, chosen.total());
        assertTrue(chosen.facets().get("year").contains(new FacetValue("2024", 1)), "drill-sideways keeps 2024 visible");
        assertEquals(2, chosen.facets().get("kind").stream().mapToLong(FacetValue::count).sum());
        SearchResult both = archive.search().search(new SearchRequest("", 0, 10,
                Map.of("year", List.of("2023", "2024"), "kind", List.of("план")), SearchRequest.Order.RELEVANCE));
        assertEquals(1, both.total(), "values of one facet are OR-ed, facets AND-ed");
        assertTrue(all.facets().get("procedure").stream().anyMatch(v -> v.value().equals("ВПР")));
    }

    @Test
    void browseCountsFollowEveryChangeOfTheIndexAndNeverCountWhatTheRoleMayNotSee() throws Exception {
        SearchRequest publicBrowse = new SearchRequest("", 0, 10);
        SearchRequest adminBrowse = new SearchRequest("", 0, 10, Map.of(), SearchRequest.Order.RELEVANCE, ru.soko.access.Role.ADMIN);
        assertEquals(4, archive.search().search(publicBrowse).total());
        assertEquals(4, archive.search().search(publicBrowse).total(), "asked again, the same");
        archive.withdraw(ids.get("plan"), "проверка", "test");
        SearchResult withdrawn = archive.search().search(publicBrowse);
        assertEquals(3, withdrawn.total(), "the public does not count a withdrawn document");
        assertEquals(3, withdrawn.hits().size());
        assertEquals(3, withdrawn.facets().get("registry").stream().mapToLong(FacetValue::count).sum());
        assertEquals(4, archive.search().search(adminBrowse).total(), "the administrator does");
        assertEquals(3, archive.search().search(publicBrowse).total(), "the administrator's counts are not the public's");
        add("late", "Приказ о мониторинге", "Текст приказа.");
        assertEquals(4, archive.search().search(publicBrowse).total(), "a new document counts at once");
        assertEquals(5, archive.search().search(adminBrowse).total());
    }

    @Test
    void browsePagesFollowEveryChangeOfTheIndexAndNeverShowWhatTheRoleMayNotSee() throws Exception {
        SearchRequest publicBrowse = new SearchRequest("", 0, 10);
        SearchRequest adminBrowse = new SearchRequest("", 0, 10, Map.of(), SearchRequest.Order.RELEVANCE, ru.soko.access.Role.ADMIN);
        List<String> newestFirst = List.of("noko", "plan", "vpr", "report");
        assertEquals(newestFirst, askedTwice(publicBrowse));
        assertEquals(newestFirst.subList(1, 3), askedTwice(new SearchRequest("", 1, 2)), "a later page of the same hits");
        archive.withdraw(ids.get("plan"), "проверка", "test");
        assertEquals(List.of("noko", "vpr", "report"), askedTwice(publicBrowse), "the public does not see a withdrawn document");
        assertEquals(newestFirst, askedTwice(adminBrowse), "the administrator does");
        assertEquals(List.of("noko", "vpr", "report"), askedTwice(publicBrowse), "the administrator's page is not the public's");
        add("late", "Приказ о мониторинге", "Текст приказа.");
        assertEquals(List.of("late", "noko", "vpr", "report"), askedTwice(publicBrowse), "a new document shows at once");
        archive.edit(ids.get("report"), Map.of("date", "20.04.2024"), "test");
        archive.edit(ids.get("vpr"), Map.of("date", "01.09.2021"), "test");
        assertEquals(List.of("late", "noko"), askedTwice(new SearchRequest("", 0, 2)), "newest first");
        assertEquals(List.of("report", "vpr"), askedTwice(new SearchRequest("", 0, 2, Map.of(), SearchRequest.Order.DATE)),
                "by date, a page of its own");
    }

    /** The page of a request asked twice, the second time from what the first kept; both must agree. */
    private List<String> askedTwice(SearchRequest request) {
        List<String> first = find(request);
        assertEquals(first, find(request), "asked again, the same");
        return first;
    }

    @Test
    void unknownFacetIsRefusedWithItsName() {
        InvalidQueryException e = assertThrows(InvalidQueryException.class,
                () -> new SearchRequest("", 0, 10, Map.of("colour", List.of("red")), null));
        assertTrue(e.getMessage().contains("colour"));
    }

    @Test
    void sortsByDateNewestFirst() {
        archive.edit(ids.get("report"), Map.of("date", "20.04.2024"), "test");
        archive.edit(ids.get("vpr"), Map.of("date", "01.09.2021"), "test");
        archive.edit(ids.get("plan"), Map.of("date", "01.09.2023"), "test");
        assertEquals(List.of("report", "plan", "vpr"), find(new SearchRequest("школа", 0, 10, Map.of(), SearchRequest.Order.DATE)));
    }

    @Test
    void dateRangeNarrowsToTheYears() {
        archive.edit(ids.get("report"), Map.of("date", "20.04.2024"), "test");
        archive.edit(ids.get("vpr"), Map.of("date", "01.09.2021"), "test");
        assertEquals(List.of("vpr"), find("date:[2021-01-01 TO 2022-12-31]"));
        assertEquals(List.of("report"), find("year:2024"));
    }

    @Test
    void similarDocumentsLeaveOutTheDocumentItselfAndCopiesOfItsText() throws Exception {
        add("report2", "Отчёт о результатах самообследования гимназии",
                "Итоги самообследования: численность детей, успеваемость, результаты ОГЭ и ГИА.");
        Path copy = TestFiles.docx(dir, "copy.docx", "Отчёт о результатах самообследования школы\n"
                + "Итоги самообследования: численность детей, успеваемость, результаты ГИА.");
        archive.ingest().ingest(FileCollector.collect(List.of(copy)), "test", IngestProgress.NONE);
        List<String> similar = archive.search().similar(ids.get("report"), 5, ru.soko.access.Role.PUBLIC).stream().map(SearchHit::id).toList();
        assertFalse(similar.contains(ids.get("report").toString()));
        assertEquals(ids.get("report2").toString(), similar.get(0));
    }

    @Test
    void similarDocumentsAreNeverRegistryRecords() throws Exception {
        String school = "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 12», "
                + "Кемеровский городской округ";
        Path sheet = dir.resolve("organisations.csv");
        Files.writeString(sheet, "№ п/п;Краткое наименование;Полное наименование;Тип;ИНН;Муниципальное образование;Субъект РФ;Сайт\n"
                + "1;МБОУ «СОШ № 12»;" + school.replace(", Кемеровский городской округ", "")
                + ";СОШ;4205012340;Кемеровский городской округ;Кемеровская область – Кузбасс;https://school12.kem.ru\n");
        var report = archive.importRegistry("organisations", sheet, ru.soko.registry.RegistryImporter.Options.DEFAULT, "test");
        assertTrue(report.written(), report.errors().toString());
        add("charter", "Устав школы", school + ".\n" + school + ".\nУстав общеобразовательного учреждения.");
        List<String> similar = archive.search().similar(ids.get("charter"), 5, ru.soko.access.Role.PUBLIC).stream().map(SearchHit::id).toList();
        assertTrue(similar.stream().allMatch(id -> id.matches("\\d+")), "only documents: " + similar);
        assertTrue(archive.card(ids.get("charter")).isPresent(), "the card with its similar documents is built");
    }

    @Test
    void vocabularyInIndexConfigChangesBehaviourWithoutARebuild() throws Exception {
        assertEquals(List.of(), find("МУН"));
        Path config = Files.createDirectories(dir.resolve("index-config"));
        Files.writeString(config.resolve("abbreviations.txt"), "МУН = методическая помощь\n");
        archive.close();
        AppConfig withVocabulary = TestArchives.withoutOcr(dir).withIndexConfigDir(config);
        archive = Archive.open(withVocabulary);
        archive.reindex();
        assertEquals(List.of("plan"), find("МУН"));
    }
}
