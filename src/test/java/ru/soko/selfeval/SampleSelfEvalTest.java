package ru.soko.selfeval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import ru.soko.Archive;
import ru.soko.registry.RegistryQuery;
import ru.soko.testing.SampleArchive;
import ru.soko.util.Json;
import ru.soko.web.Templates;
import ru.soko.web.WebServer;

/** The sample reports as an auditor sees them: a school's years, the planted errors flagged, the pages. */
class SampleSelfEvalTest {

    private final Archive archive = SampleArchive.get().archive();

    private SchoolHistory history(String org) {
        return archive.selfEval().history(archive.selfEval().organisation(org, Map.of()), null);
    }

    @Test
    void schoolHistoryCoversEveryReportedYearInTheDocumentedJsonShape() throws Exception {
        SchoolHistory h = history("org-kem-12");
        assertEquals(List.of(2022, 2023, 2024), h.years());
        JsonNode json = Json.mapper().readTree(Json.write(h));
        for (String field : List.of("organisation", "years", "indicators", "flags")) {
            assertTrue(json.has(field), field);
        }
        JsonNode share = null;
        for (JsonNode i : json.get("indicators")) {
            if (i.get("code").asText().equals("1.5")) {
                share = i;
            }
        }
        assertTrue(share != null, "indicator 1.5 is read");
        JsonNode year = share.get("values").get("2023");
        for (String field : List.of("value", "percent", "documentId", "corrected")) {
            assertTrue(year.has(field), field);
        }
        assertTrue(year.get("percent").isNumber());
    }

    @Test
    void plantedErrorsAreFlagged() {
        assertTrue(history("org-kem-12").flags().stream().anyMatch(f -> f.kind().equals("share-over-100") && f.year() == 2023),
                history("org-kem-12").flags().toString());
        assertTrue(history("org-nvk-l76").flags().stream().anyMatch(f -> f.kind().equals("jump")),
                history("org-nvk-l76").flags().toString());
        assertEquals(List.of(), history("org-kem-12").flags().stream().filter(f -> f.year() == 2022).toList(),
                "a clean report raises no flag");
    }

    @Test
    void reportsFillTheSelfEvaluationRegistry() {
        assertTrue(archive.registries().list("selfeval", RegistryQuery.ALL).size() >= 8);
    }

    @Test
    void territoryComparisonHasTheMedian() {
        Comparison c = archive.selfEval().compare("Кемеровский", 2024, "1.1");
        assertTrue(c.rows().stream().anyMatch(r -> r.organisationId().equals("org-kem-12")), c.toString());
        assertTrue(c.median() != null);
    }

    @Test
    void organisationPageDrawsTheChartAndOffersDownloads() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (WebServer server = new WebServer(archive, new Templates(Optional.empty())).start(0)) {
            String base = "http://localhost:" + server.port();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/organisations/org-kem-12?indicator=1.1")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<svg") && page.body().contains("<circle"), "chart drawn");
            assertTrue(page.body().contains("Показатели самообследования по годам"));
            HttpResponse<byte[]> xlsx = http.send(HttpRequest.newBuilder(URI.create(base + "/organisations/org-kem-12/selfeval.xlsx")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, xlsx.statusCode());
            assertEquals('P', (char) xlsx.body()[0], "an XLSX is a ZIP");
            String territory = URLEncoder.encode("Кемеровский", StandardCharsets.UTF_8);
            HttpResponse<String> compare = http.send(HttpRequest.newBuilder(URI.create(base
                    + "/selfeval/compare?territory=" + territory + "&year=2024&indicator=1.1")).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(compare.body().contains("Медиана"), compare.body());
            assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(base + "/organisations/no-such-school")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
        }
    }
}
