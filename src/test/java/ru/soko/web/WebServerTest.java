package ru.soko.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.soko.Archive;
import ru.soko.ingest.FileCollector;
import ru.soko.ingest.IngestProgress;
import ru.soko.testing.TestArchives;
import ru.soko.testing.TestFiles;
import ru.soko.util.Json;

class WebServerTest {

    @TempDir
    static Path dir;

    private static Archive archive;
    private static WebServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        TestFiles.text(docs, "prikaz.txt", TestFiles.RUSSIAN_TEXT, StandardCharsets.UTF_8);
        TestFiles.text(docs, "xss.html", "<html><head><title>Приказ &lt;script&gt;alert(1)&lt;/script&gt;</title></head>"
                + "<body><p>Мониторинг &lt;script&gt;alert(2)&lt;/script&gt; качества</p></body></html>", StandardCharsets.UTF_8);
        archive = Archive.open(TestArchives.withoutOcr(dir));
        archive.ingest().ingest(FileCollector.collect(List.of(docs)), "test", IngestProgress.NONE);
        Path experts = TestFiles.text(dir, "experts.csv", "ФИО;Регистрационный номер;Дата включения;Направления экспертизы\n"
                + "Иванова Марина Сергеевна;Э-2021-017;15.03.2021;математика\n"
                + "Петров Алексей Николаевич;Э-2021-023;01.06.2021;физика\n", StandardCharsets.UTF_8);
        archive.importRegistry("experts", experts, ru.soko.registry.RegistryImporter.Options.DEFAULT, "test");
        server = new WebServer(archive, new Templates(Optional.empty())).start(0);
    }

    @AfterAll
    static void stop() {
        server.close();
        archive.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String q(String query) {
        return URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    @Test
    void startPageHasASearchBoxAndTheNewestDocuments() throws Exception {
        HttpResponse<String> page = get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<html lang=\"ru\">"));
        assertTrue(page.body().contains("<input id=\"q\" name=\"q\" type=\"search\""));
        assertTrue(page.body().contains("В архиве документов: 2"), page.body());
        assertTrue(page.body().contains("prikaz.txt"));
    }

    @Test
    void searchPageShowsHighlightedHitsAndKeepsTheQueryInTheUrl() throws Exception {
        HttpResponse<String> page = get("/?q=" + q("самообследования"));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Найдено: 1"), page.body());
        assertTrue(page.body().contains("<mark>самообследования</mark>"), page.body());
        assertTrue(page.body().contains("value=\"самообследования\""));
    }

    @Test
    void apiSearchReturnsTheJsonContract() throws Exception {
        HttpResponse<String> response = get("/api/search?q=" + q("мониторинг") + "&limit=5");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode json = Json.mapper().readTree(response.body());
        assertEquals(1, json.get("total").asInt());
        assertEquals("xss.html", json.get("hits").get(0).get("sourceName").asText());
    }

    @Test
    void apiSearchTakesFacetsAndSortAndRefusesUnknownOnes() throws Exception {
        JsonNode all = Json.mapper().readTree(get("/api/search?facet=" + q("format:TXT")).body());
        assertEquals(1, all.get("total").asInt());
        assertTrue(all.get("facets").get("format").toString().contains("HTML"), "drill-sideways keeps other formats");
        assertEquals(400, get("/api/search?facet=" + q("colour:red")).statusCode());
        assertEquals(400, get("/api/search?sort=random").statusCode());
    }

    @Test
    void registriesApiListsFiltersAndShowsRecords() throws Exception {
        JsonNode all = Json.mapper().readTree(get("/api/registries").body());
        assertEquals(11, all.size());
        JsonNode physics = Json.mapper().readTree(get("/api/registries/experts?filter=" + q("areas:физика")).body());
        assertEquals(1, physics.get("total").asInt());
        assertEquals("Э-2021-023", physics.get("records").get(0).get("key").asText());
        JsonNode card = Json.mapper().readTree(get("/api/registries/experts/" + q("Э-2021-017")).body());
        assertEquals("Иванова Марина Сергеевна", card.get("title").asText());
        assertEquals("added", card.get("history").get(0).get("action").asText());
        assertEquals(404, get("/api/registries/experts/nobody").statusCode());
        assertEquals(400, get("/api/registries/pets").statusCode());
        assertEquals(400, get("/api/registries/experts?filter=" + q("colour:red")).statusCode());
    }

    @Test
    void registriesApiAnswersAPageAndCountsEveryMatchingRecord() throws Exception {
        JsonNode first = Json.mapper().readTree(get("/api/registries/experts?limit=1&sort=fullName").body());
        JsonNode second = Json.mapper().readTree(get("/api/registries/experts?limit=1&offset=1&sort=fullName").body());
        assertEquals(1, first.get("records").size());
        assertEquals(1, first.get("limit").asInt());
        assertEquals(1, second.get("offset").asInt());
        assertEquals(2, first.get("total").asInt(), "total counts all records, not the page");
        assertEquals(2, second.get("total").asInt());
        String lastOfFirst = first.get("records").get(0).get("data").get("fullName").asText();
        String firstOfSecond = second.get("records").get(0).get("data").get("fullName").asText();
        assertTrue(lastOfFirst.compareToIgnoreCase(firstOfSecond) <= 0, lastOfFirst + " before " + firstOfSecond);
        JsonNode whole = Json.mapper().readTree(get("/api/registries/experts").body());
        assertEquals(Math.min(100, whole.get("total").asInt()), whole.get("records").size(), "default limit 100");
        assertEquals(400, get("/api/registries/experts?limit=1001").statusCode());
        assertEquals(400, get("/api/registries/experts?limit=0").statusCode());
        assertEquals(400, get("/api/registries/experts?offset=-1").statusCode());
        assertEquals(400, get("/api/registries/experts?sort=" + q("x') OR 1=1 --")).statusCode());
    }

    @Test
    void searchPageOffersFacetsAndKeepsChosenOnesInTheUrl() throws Exception {
        String page = get("/?q=&f=" + q("format:TXT")).body();
        assertTrue(page.contains("name=\"f\" value=\"format:TXT\" checked"), page);
        assertTrue(page.contains("value=\"format:HTML\""), "other values stay on offer");
        assertTrue(page.contains("Найдено записей: 1"), page);
        assertTrue(page.contains("<legend>Формат</legend>"));
    }

    @Test
    void registryPagesListFilterAndShowARecordWithItsHistory() throws Exception {
        assertTrue(get("/registries").body().contains("/registries/experts"));
        String table = get("/registries/experts?areas=" + q("физика")).body();
        assertTrue(table.contains("Петров Алексей Николаевич") && !table.contains("Иванова Марина"), table);
        String recordLink = table.replaceAll("(?s).*href=\"(/registries/experts/\\d+)\".*", "$1");
        String record = get(recordLink).body();
        assertTrue(record.contains("История изменений") && record.contains("добавлена"), record);
        HttpResponse<String> csv = get("/registries/experts/export?format=csv");
        assertEquals("attachment; filename=\"experts.csv\"", csv.headers().firstValue("Content-Disposition").orElse(""));
        assertTrue(csv.body().contains("Иванова Марина Сергеевна"));
        assertEquals(404, get("/registries/pets").statusCode());
        assertEquals(404, get("/registries/experts/999999").statusCode());
    }

    @Test
    void registryHitsLinkToTheirRecordPage() throws Exception {
        String page = get("/?q=" + q("Петров")).body();
        assertTrue(page.contains("href=\"/registries/experts/"), page);
    }

    @Test
    void scriptInTitleAndTextIsEscapedOnEveryPage() throws Exception {
        String id = Json.mapper().readTree(get("/api/search?q=" + q("мониторинг")).body()).get("hits").get(0).get("id").asText();
        for (String path : List.of("/", "/?q=" + q("мониторинг"), "/documents/" + id, "/documents/" + id + "?q=" + q("мониторинг"))) {
            String body = get(path).body();
            assertFalse(body.contains("<script>"), path + " has a raw script tag");
            assertTrue(body.contains("&lt;script&gt;"), path + " should show the escaped text");
        }
    }

    @Test
    void tabsNarrowResultsToDocumentsOrRegistryRecordsWithTheirCounts() throws Exception {
        String all = get("/").body();
        java.util.regex.Matcher docs = java.util.regex.Pattern.compile("<a href=\"([^\"]+)\">Документы <span class=\"count\">(\\d+)</span>").matcher(all);
        java.util.regex.Matcher regs = java.util.regex.Pattern.compile("<a href=\"([^\"]+)\">Записи реестров <span class=\"count\">(\\d+)</span>").matcher(all);
        assertTrue(docs.find() && regs.find(), all);
        assertEquals("2", docs.group(2));
        assertEquals("2", regs.group(2), "two experts");
        String onlyDocs = get(docs.group(1).replace("&amp;", "&").replace("&#61;", "=")).body();
        assertTrue(onlyDocs.contains("aria-current=\"page\" class=\"current\">Документы"));
        assertFalse(onlyDocs.contains("class=\"hit-title\" href=\"/registries/"), "no registry records under «Документы»");
        String onlyRecords = get(regs.group(1).replace("&amp;", "&").replace("&#61;", "=")).body();
        assertFalse(onlyRecords.contains("class=\"hit-title\" href=\"/documents/"), "no documents under «Записи реестров»");
    }

    @Test
    void cardOpenedFromAResultMarksTheSearchedWordsInEveryFormInTheText() throws Exception {
        String results = get("/?q=" + q("самообследованию")).body();
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("href=\"(/documents/\\d+\\?q&#61;[^\"]+)\"").matcher(results);
        assertTrue(link.find(), "result links carry the query: " + results);
        String card = get(link.group(1).replace("&#61;", "=").replace("&amp;", "&")).body();
        assertTrue(card.contains("<mark>самообследования</mark>"), card);
        String plain = get(link.group(1).replaceAll("\\?.*", "")).body();
        assertFalse(plain.contains("<mark>"), "without a query the text is plain");
    }

    @Test
    void originalDownloadsAsAttachmentWithItsNameAndType() throws Exception {
        String id = Json.mapper().readTree(get("/api/search?q=" + q("самообследования")).body()).get("hits").get(0).get("id").asText();
        HttpResponse<String> response = get("/documents/" + id + "/original");
        assertEquals(200, response.statusCode());
        assertEquals("attachment; filename*=UTF-8''prikaz.txt", response.headers().firstValue("Content-Disposition").orElseThrow());
        assertEquals(TestFiles.RUSSIAN_TEXT, response.body());
        assertTrue(response.headers().firstValue("Content-Security-Policy").orElseThrow().startsWith("sandbox"));
    }

    @Test
    void unknownPagesAndDocumentsGetARussian404() throws Exception {
        for (String path : List.of("/no-such-page", "/documents/999", "/documents/abc")) {
            HttpResponse<String> response = get(path);
            assertEquals(404, response.statusCode(), path);
            assertTrue(response.body().contains("не найден"), path + ": " + response.body());
        }
    }

    @Test
    void badParametersGetA400WithAMessageNotAStackTrace() throws Exception {
        HttpResponse<String> api = get("/api/search?q=x&limit=-1");
        assertEquals(400, api.statusCode());
        assertTrue(Json.mapper().readTree(api.body()).get("error").asText().contains("от 1 до"));
        HttpResponse<String> page = get("/?q=x&page=abc");
        assertEquals(400, page.statusCode());
        assertFalse(page.body().contains("Exception"));
    }

    @Test
    void pagesCarrySecurityHeaders() throws Exception {
        HttpResponse<String> page = get("/");
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
    }
}
