package ru.soko.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.soko.Archive;
import ru.soko.access.Role;
import ru.soko.testing.TestArchives;
import ru.soko.testing.TestFiles;
import ru.soko.util.Json;

/** The administrator's work through the site and the API, checked from the public side too. */
class AdminAreaTest {

    @TempDir
    static Path dir;

    private static Archive archive;
    private static WebServer server;
    private static SiteClient admin;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        archive = Archive.open(TestArchives.withoutOcr(dir));
        archive.users().add("admin", Role.ADMIN, "admin-password", "test");
        token = archive.users().createToken("admin", "test", "test");
        server = new WebServer(archive, new Templates(Optional.empty())).start(0);
        admin = new SiteClient(server.port());
        assertEquals(303, admin.login("admin", "admin-password").statusCode());
    }

    @AfterAll
    static void stop() {
        server.close();
        archive.close();
    }

    private static Path file(String name, String text) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("in-" + System.nanoTime()));
        return TestFiles.text(folder, name, text, StandardCharsets.UTF_8);
    }

    private static int publicHits(String query) throws Exception {
        JsonNode r = Json.mapper().readTree(new SiteClient(server.port()).get("/api/search?q=" + SiteClient.q(query)).body());
        return r.path("total").asInt();
    }

    private static long uploadedId(HttpResponse<String> page) {
        Matcher m = Pattern.compile("href=\"/admin/documents/(\\d+)\"").matcher(page.body());
        assertTrue(m.find(), page.body());
        return Long.parseLong(m.group(1));
    }

    @Test
    void uploadReviewPublishWithdrawAndRestoreThroughTheForms() throws Exception {
        Path order = file("prikaz-15.txt", "УПРАВЛЕНИЕ ОБРАЗОВАНИЯ\nПРИКАЗ\n10.03.2025 № 15\n"
                + "О проведении мониторинга функциональной грамотности\nэпсилонмаркер: провести мониторинг.");
        HttpResponse<String> result = admin.upload("/admin/upload", "files", order,
                Map.of("_csrf", admin.csrf("/admin/upload"), "visibility", "internal"));
        assertEquals(200, result.statusCode(), result.body());
        long id = uploadedId(result);
        assertEquals(0, publicHits("эпсилонмаркер"), "an upload for review is not public");

        String review = admin.get("/admin/documents/" + id).body();
        assertTrue(review.contains("value=\"15\""), "the number read from the text is shown for review");
        assertEquals(303, admin.submit("/admin/documents/" + id, "/admin/documents/" + id,
                Map.of("number", "15-о", "title", "О мониторинге функциональной грамотности")).statusCode());
        assertEquals("15-о", archive.catalog().get(id).orElseThrow().requisites().number());

        admin.submit("/admin/documents/" + id, "/admin/documents/" + id + "/visibility", Map.of("visibility", "public"));
        assertEquals(1, publicHits("эпсилонмаркер"), "published");
        assertEquals(1, publicHits("number:15-о"), "the corrected number is searchable");

        admin.submit("/admin/documents/" + id, "/admin/documents/" + id + "/withdraw", Map.of("reason", "ошибочная загрузка"));
        assertEquals(0, publicHits("эпсилонмаркер"), "withdrawn documents leave public search");
        assertEquals(404, new SiteClient(server.port()).get("/documents/" + id).statusCode());
        assertEquals(200, admin.get("/documents/" + id).statusCode(), "but are never deleted");
        assertTrue(admin.get("/admin/documents/" + id).body().contains("ошибочная загрузка"));

        admin.submit("/admin/documents/" + id, "/admin/documents/" + id + "/restore", Map.of());
        assertEquals(1, publicHits("эпсилонмаркер"));

        String audit = admin.get("/admin/audit?actor=admin&target=" + SiteClient.q("document:" + id)).body();
        for (String action : List.of("ingest", "edit", "visibility", "withdraw", "restore")) {
            assertTrue(audit.contains("(" + action + ")</span></td>"), "audit shows " + action);
        }
        String onlyWithdrawals = admin.get("/admin/audit?action=withdraw").body();
        assertTrue(onlyWithdrawals.contains("отзыв <span class=\"muted\">(withdraw)</span>"), onlyWithdrawals);
        assertFalse(onlyWithdrawals.contains("(restore)</span></td>"), "the action filter filters");
    }

    @Test
    void tokenApiUploadsPublishesAndPatches() throws Exception {
        SiteClient script = new SiteClient(server.port());
        Path report = file("zaklyuchenie.txt", "ЭКСПЕРТНОЕ ЗАКЛЮЧЕНИЕ\nпо программе развития\nдзетамаркер");
        HttpResponse<String> created = script.upload("/api/documents", report, Map.of("visibility", "public"),
                "Authorization", "Bearer " + token);
        assertEquals(201, created.statusCode(), created.body());
        JsonNode result = Json.mapper().readTree(created.body()).path("results").get(0);
        long id = result.path("documentId").asLong();
        assertEquals("экспертное заключение", result.path("card").path("kind").asText());
        assertEquals(1, publicHits("дзетамаркер"));

        var patch = java.net.http.HttpRequest.newBuilder(script.uri("/api/documents/" + id))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"requisites\": {\"date\": \"05.05.2025\"}, \"visibility\": \"internal\"}"));
        HttpResponse<String> patched = script.send(patch);
        assertEquals(200, patched.statusCode(), patched.body());
        assertEquals("2025-05-05", Json.mapper().readTree(patched.body()).path("date").asText());
        assertEquals(0, publicHits("дзетамаркер"));

        var bad = java.net.http.HttpRequest.newBuilder(script.uri("/api/documents/" + id))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"requisites\": {\"date\": "));
        HttpResponse<String> refused = script.send(bad);
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("неверный JSON"), refused.body());
        var wrongToken = java.net.http.HttpRequest.newBuilder(script.uri("/api/documents/" + id))
                .header("Authorization", "Bearer soko_not-a-token").method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{}"));
        assertEquals(401, script.send(wrongToken).statusCode());
    }

    @Test
    void simultaneousUploadsOfTheSameFileGiveOneDocument() throws Exception {
        Path same = file("odin.txt", "ПИСЬМО\nо сроках мониторинга\nэтамаркер");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sent.add(pool.submit(() -> new SiteClient(server.port()).upload("/api/documents", same,
                        Map.of("visibility", "public"), "Authorization", "Bearer " + token)));
            }
            int added = 0;
            for (Future<HttpResponse<String>> f : sent) {
                HttpResponse<String> r = f.get();
                assertTrue(r.statusCode() == 201 || r.statusCode() == 200, r.body());
                added += r.statusCode() == 201 ? 1 : 0;
            }
            assertEquals(1, added);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, publicHits("этамаркер"));
    }

    @Test
    void hostileFileNameIsStoredSafely() throws Exception {
        Path plain = file("plain.txt", "СПРАВКА\nо результатах\nтетамаркер");
        // Control characters in the header itself are refused by Jetty (400); Uploads.safeName is tested on them directly.
        String hostile = "../../etc/" + "я".repeat(300) + ".txt";
        String boundary = "b" + System.nanoTime();
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + hostile
                + "\"\r\n\r\n" + Files.readString(plain) + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = new SiteClient(server.port()).send(java.net.http.HttpRequest.newBuilder(admin.uri("/api/documents"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)));
        assertEquals(201, r.statusCode(), r.body());
        long id = Json.mapper().readTree(r.body()).path("results").get(0).path("documentId").asLong();
        String stored = archive.catalog().get(id).orElseThrow().sourceName();
        assertFalse(stored.contains("/") || stored.contains("..") || stored.chars().anyMatch(Character::isISOControl), stored);
        assertTrue(Uploads.utf8Length(stored) <= Uploads.MAX_NAME_BYTES && stored.endsWith(".txt"), stored);
        assertFalse(Files.exists(dir.resolve("etc")));
    }

    @Test
    void writeEndpointsAnswerAsTheOpenApiDocumentSays() throws Exception {
        SiteClient script = new SiteClient(server.port());
        JsonNode spec = Json.mapper().readTree(script.get("/api/openapi.json").body());
        HttpResponse<String> upload = script.upload("/api/documents", file("spravka.txt", "СПРАВКА\nо мониторинге\nйотамаркер"),
                Map.of(), "Authorization", "Bearer " + token);
        JsonNode result = Json.mapper().readTree(upload.body());
        OpenApiContractTest.conforms(spec, "UploadResult", result, "upload");
        OpenApiContractTest.conforms(spec, "UploadOutcome", result.path("results").get(0), "upload outcome");
        OpenApiContractTest.conforms(spec, "DocumentCard", result.path("results").get(0).path("card"), "uploaded card");
        var patch = java.net.http.HttpRequest.newBuilder(script.uri("/api/documents/" + result.path("results").get(0).path("documentId").asLong()))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"withdrawn\": true, \"reason\": \"дубль\"}"));
        JsonNode card = Json.mapper().readTree(script.send(patch).body());
        OpenApiContractTest.conforms(spec, "DocumentCard", card, "patched card");
        assertEquals("дубль", card.path("withdrawnReason").asText());
        HttpResponse<String> audit = script.send(java.net.http.HttpRequest.newBuilder(script.uri("/api/audit?action=withdraw&limit=5"))
                .header("Authorization", "Bearer " + token));
        assertEquals(200, audit.statusCode());
        JsonNode entries = Json.mapper().readTree(audit.body());
        assertTrue(entries.size() >= 1);
        entries.forEach(e -> OpenApiContractTest.conforms(spec, "AuditEntry", e, "audit entry"));
        entries.forEach(e -> assertEquals("withdraw", e.path("action").asText()));
    }

    @Test
    void safeNameDropsFoldersControlCharactersAndLength() {
        assertEquals("passwd", Uploads.safeName("../../etc/passwd"));
        assertEquals("a_b.txt", Uploads.safeName("C:\\x\\a\u0007b.txt"));
        assertEquals("файл", Uploads.safeName("..."));
        String longName = Uploads.safeName("ы".repeat(400) + ".docx");
        assertTrue(Uploads.utf8Length(longName) <= Uploads.MAX_NAME_BYTES && longName.length() > 90, longName);
        assertTrue(longName.endsWith(".docx"));
    }

    @Test
    void brokenMultipartIsABadRequestNotAServerError() throws Exception {
        HttpResponse<String> r = new SiteClient(server.port()).send(java.net.http.HttpRequest.newBuilder(admin.uri("/api/documents"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=zz")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("--zz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\u0007.txt\"\r\n\r\nтекст")));
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().startsWith("{\"error\""), r.body());
    }

    @Test
    void registryImportShowsTheValidationTableBeforeWritingAndRecordsCanBeEdited() throws Exception {
        Path bad = file("experts.csv", "ФИО;Регистрационный номер;Дата включения;Направления экспертизы\n"
                + "Иванова Марина Сергеевна;Э-2021-017;15.03.2021;математика\n"
                + "Петров Алексей Николаевич;Э-2021-023;32.13.2021;физика\n");
        HttpResponse<String> checked = admin.upload("/admin/registries/import", "sheet", bad,
                Map.of("_csrf", admin.csrf("/admin/registries/import"), "registry", "experts"));
        assertEquals(422, checked.statusCode());
        assertTrue(checked.body().contains("<td>3</td>"), "the bad row is named in the table: " + checked.body());
        assertFalse(checked.body().contains("Записать в реестр"));
        assertTrue(archive.registries().byKey("experts", "Э-2021-017").isEmpty(), "nothing written");

        Path good = file("experts.csv", "ФИО;Регистрационный номер;Дата включения;Направления экспертизы\n"
                + "Иванова Марина Сергеевна;Э-2021-017;15.03.2021;математика\n");
        HttpResponse<String> ok = admin.upload("/admin/registries/import", "sheet", good,
                Map.of("_csrf", admin.csrf("/admin/registries/import"), "registry", "experts"));
        assertEquals(200, ok.statusCode());
        Matcher t = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(ok.body());
        assertTrue(t.find(), ok.body());
        assertTrue(archive.registries().byKey("experts", "Э-2021-017").isEmpty(), "checked, not yet written");
        assertEquals(200, admin.submit("/admin/registries/import", "/admin/registries/import/confirm", Map.of("token", t.group(1))).statusCode());
        assertTrue(archive.registries().byKey("experts", "Э-2021-017").isPresent());
        assertEquals(400, admin.submit("/admin/registries/import", "/admin/registries/import/confirm", Map.of("token", t.group(1))).statusCode(),
                "a check is confirmed once");

        String form = "/admin/registries/experts/" + SiteClient.q("Э-2021-017");
        assertEquals(200, admin.get(form).statusCode());
        assertEquals(303, admin.submit(form, form, Map.of("areas", "математика; информатика")).statusCode());
        String page = new SiteClient(server.port()).get("/registries/experts/" + SiteClient.q("Э-2021-017")).body();
        assertTrue(page.contains("информатика"), page);
    }

    @Test
    void scriptInAnUploadedTitleAndTextIsEscapedOnEveryPageItAppearsOn() throws Exception {
        Path html = file("xss.html", "<html><head><title>Приказ &lt;script&gt;alert(1)&lt;/script&gt; каппамаркер</title></head>"
                + "<body><p>каппамаркер &lt;script&gt;alert(2)&lt;/script&gt; &lt;img src=x onerror=alert(3)&gt;</p></body></html>");
        HttpResponse<String> r = admin.upload("/api/documents", html, Map.of("visibility", "public"), "Authorization", "Bearer " + token);
        long id = Json.mapper().readTree(r.body()).path("results").get(0).path("documentId").asLong();
        for (String path : List.of("/?q=" + SiteClient.q("каппамаркер"), "/documents/" + id, "/admin/documents/" + id, "/admin",
                "/admin/audit")) {
            String body = admin.get(path).body();
            assertFalse(body.contains("<script>alert"), path);
            assertFalse(body.contains("<img src=x"), path);
        }
    }
}
