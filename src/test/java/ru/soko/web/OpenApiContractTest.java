package ru.soko.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import ru.soko.Archive;
import ru.soko.testing.SampleArchive;
import ru.soko.util.Json;

/** The OpenAPI document served at /api/openapi.json against the real answers of the sample archive. */
class OpenApiContractTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static JsonNode get(String base, String path, int status) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(status, r.statusCode(), path + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), path);
        return Json.mapper().readTree(r.body());
    }

    /** Every property the schema calls required is in the answer (checked on array items too). */
    static void conforms(JsonNode spec, String schemaName, JsonNode value, String where) {
        JsonNode schema = spec.at("/components/schemas/" + schemaName);
        for (JsonNode required : schema.path("required")) {
            assertTrue(value.has(required.asText()), where + " lacks «" + required.asText() + "» required by " + schemaName);
        }
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void everyDocumentedEndpointAnswersAsDocumented() throws Exception {
        Archive archive = SampleArchive.get().archive();
        try (WebServer server = new WebServer(archive, new Templates(Optional.empty())).start(0)) {
            String base = "http://localhost:" + server.port();
            JsonNode spec = get(base, "/api/openapi.json", 200);
            assertEquals(9, spec.get("paths").size(), "every endpoint is described");

            JsonNode search = get(base, "/api/search?q=" + q("самообследование") + "&limit=5", 200);
            conforms(spec, "SearchResult", search, "/api/search");
            search.get("hits").forEach(h -> conforms(spec, "SearchHit", h, "search hit"));
            conforms(spec, "Error", get(base, "/api/search?limit=0", 400), "bad search");

            String id = search.get("hits").get(0).get("id").asText();
            conforms(spec, "DocumentCard", get(base, "/api/documents/" + id, 200), "/api/documents/" + id);
            conforms(spec, "Error", get(base, "/api/documents/999999", 404), "missing document");

            get(base, "/api/registries", 200).forEach(r -> conforms(spec, "RegistrySummary", r, "registry summary"));
            conforms(spec, "RegistryList", get(base, "/api/registries/experts?status=" + q("действует"), 200), "registry list");
            conforms(spec, "RegistryCard", get(base, "/api/registries/experts/" + q("Э-2021-017"), 200), "registry card");
            conforms(spec, "Error", get(base, "/api/registries/experts/nobody", 404), "missing record");
            conforms(spec, "SchoolHistory", get(base, "/api/organisations/org-kem-12/selfeval", 200), "history");
            conforms(spec, "Comparison", get(base, "/api/selfeval/compare?territory=" + q("Кемеровский") + "&year=2024&indicator=1.1", 200),
                    "comparison");
        }
    }
}
