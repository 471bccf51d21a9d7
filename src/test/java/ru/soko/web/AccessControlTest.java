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
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.soko.Archive;
import ru.soko.access.Role;
import ru.soko.ingest.FileCollector;
import ru.soko.ingest.IngestProgress;
import ru.soko.ingest.IngestSummary;
import ru.soko.testing.TestArchives;
import ru.soko.testing.TestFiles;
import ru.soko.util.Json;

/**
 * Walks every route as the public, an expert, an auditor and an administrator, and checks that
 * each sees exactly what its role allows: in pages, search hits, snippets, facet counts, similar
 * documents, «cited by», downloads and the API.
 */
class AccessControlTest {

    @TempDir
    static Path dir;

    private static Archive archive;
    private static WebServer server;
    private static final Map<Role, SiteClient> CLIENTS = new EnumMap<>(Role.class);
    private static final Map<String, Long> IDS = new LinkedHashMap<>();
    private static int checks;

    private static final String COMMON = "Мониторинг качества образования в общеобразовательных организациях: "
            + "результаты оценочных процедур, анализ успеваемости, выводы и рекомендации по повышению качества "
            + "образования, мониторинг качества подготовки обучающихся, оценочные процедуры и их результаты.\n";

    @BeforeAll
    static void start() throws Exception {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        write(docs, "open.txt", "МИНИСТЕРСТВО ОБРАЗОВАНИЯ КУЗБАССА\nПРИКАЗ\n01.02.2023 № 77\nг. Кемерово\n"
                + "О проведении мониторинга качества образования\n" + COMMON + "альфамаркер\n" + COMMON);
        write(docs, "draft.txt", "ЭКСПЕРТНОЕ ЗАКЛЮЧЕНИЕ (проект)\nпо итогам мониторинга качества образования\n"
                + "В соответствии с приказом Министерства образования Кузбасса от 01.02.2023 № 77 «О проведении мониторинга "
                + "качества образования» проведена экспертиза.\nЭксперт: Иванова Марина Сергеевна.\n" + COMMON + "бетамаркер\n" + COMMON);
        write(docs, "selfeval.txt", "ОТЧЁТ О РЕЗУЛЬТАТАХ САМООБСЛЕДОВАНИЯ\nчерновик для проверки\n" + COMMON + "гаммамаркер\n" + COMMON);
        write(docs, "withdrawn.txt", "ПИСЬМО\nо мониторинге качества образования, направлено ошибочно\n" + COMMON
                + "дельтамаркер\n" + COMMON);
        archive = Archive.open(TestArchives.withoutOcr(dir));
        IngestSummary summary = archive.ingest().ingest(FileCollector.collect(List.of(docs)), "test", IngestProgress.NONE);
        summary.outcomes().forEach(o -> IDS.put(o.file().replaceAll(".*[/\\\\]", "").replace(".txt", ""), o.documentId()));
        archive.setVisibility(IDS.get("draft"), "internal", "test");
        archive.setVisibility(IDS.get("selfeval"), "internal", "test");
        archive.withdraw(IDS.get("withdrawn"), "ошибка", "test");
        Path experts = TestFiles.text(dir, "experts.csv", "ФИО;Регистрационный номер;Дата включения;Направления экспертизы\n"
                + "Иванова Марина Сергеевна;Э-2021-017;15.03.2021;математика\n", StandardCharsets.UTF_8);
        archive.importRegistry("experts", experts, ru.soko.registry.RegistryImporter.Options.DEFAULT, "test");
        archive.users().add("admin", Role.ADMIN, "admin-password", "test");
        archive.users().add("expert", Role.EXPERT, "expert-password", "test");
        archive.users().add("auditor", Role.AUDITOR, "auditor-password", "test");
        server = new WebServer(archive, new Templates(Optional.empty())).start(0);
        for (Role role : Role.values()) {
            SiteClient client = new SiteClient(server.port());
            if (role != Role.PUBLIC) {
                assertEquals(303, client.login(role.code(), role.code() + "-password").statusCode(), "login as " + role);
            }
            CLIENTS.put(role, client);
        }
    }

    @AfterAll
    static void stop() {
        System.out.println("AccessControlTest: route × role checks = " + checks);
        server.close();
        archive.close();
    }

    private static void write(Path dir, String name, String text) throws Exception {
        TestFiles.text(dir, name, text, StandardCharsets.UTF_8);
    }

    /** Which sample each role may see. */
    private static Set<String> visibleTo(Role role) {
        return switch (role) {
            case PUBLIC -> Set.of("open");
            case EXPERT -> Set.of("open", "draft");
            case AUDITOR -> Set.of("open", "draft", "selfeval");
            case ADMIN -> Set.of("open", "draft", "selfeval", "withdrawn");
        };
    }

    private static void expect(Role role, String path, int status) throws Exception {
        HttpResponse<String> response = CLIENTS.get(role).get(path);
        assertEquals(status, response.statusCode(), role + " GET " + path);
        assertFalse(response.body().contains("Exception") || response.body().contains("\tat "), "no stack trace: " + path);
        checks++;
    }

    @Test
    void documentPagesDownloadsAndApiCardsFollowTheRoles() throws Exception {
        for (Role role : Role.values()) {
            for (var doc : IDS.entrySet()) {
                int status = visibleTo(role).contains(doc.getKey()) ? 200 : 404;
                expect(role, "/documents/" + doc.getValue(), status);
                expect(role, "/documents/" + doc.getValue() + "/original", status);
                expect(role, "/api/documents/" + doc.getValue(), status);
            }
        }
    }

    @Test
    void hiddenDocumentsAnswerExactlyLikeMissingOnes() throws Exception {
        String hidden = CLIENTS.get(Role.PUBLIC).get("/documents/" + IDS.get("draft")).body();
        String missing = CLIENTS.get(Role.PUBLIC).get("/documents/999999").body();
        assertEquals(missing, hidden);
    }

    @Test
    void searchHitsSnippetsAndFacetCountsShowOnlyWhatTheRoleMaySee() throws Exception {
        String query = SiteClient.q("альфамаркер OR бетамаркер OR гаммамаркер OR дельтамаркер");
        for (Role role : Role.values()) {
            JsonNode result = Json.mapper().readTree(CLIENTS.get(role).get("/api/search?limit=50&q=" + query).body());
            Set<String> found = new TreeSet<>();
            result.path("hits").forEach(h -> found.add(name(h.path("id").asLong())));
            assertEquals(new TreeSet<>(visibleTo(role)), found, "hits for " + role);
            assertEquals(visibleTo(role).size(), result.path("total").asInt(), "total for " + role);
            long kindCounts = 0;
            for (JsonNode v : result.path("facets").path("format")) {
                kindCounts += v.path("count").asLong();
            }
            assertEquals(visibleTo(role).size(), kindCounts, "facet counts for " + role);
            // With a facet value chosen the counts are computed another way (ChosenValueCounts): the same rule holds.
            JsonNode chosen = Json.mapper().readTree(CLIENTS.get(role).get("/api/search?limit=50&q=" + query
                    + "&facet=" + SiteClient.q("registry:documents")).body());
            assertEquals(visibleTo(role).size(), chosen.path("total").asInt(), "total with a chosen value for " + role);
            long chosenCounts = 0;
            for (JsonNode v : chosen.path("facets").path("format")) {
                chosenCounts += v.path("count").asLong();
            }
            assertEquals(visibleTo(role).size(), chosenCounts, "facet counts with a chosen value for " + role);
            String page = CLIENTS.get(role).get("/?q=" + query).body();
            for (String doc : IDS.keySet()) {
                String marker = switch (doc) {
                    case "open" -> "альфамаркер";
                    case "draft" -> "бетамаркер";
                    case "selfeval" -> "гаммамаркер";
                    default -> "дельтамаркер";
                };
                assertEquals(visibleTo(role).contains(doc), page.contains(marker + "</mark>"), role + " snippet of " + doc);
            }
            String start = CLIENTS.get(role).get("/").body();
            assertTrue(start.contains("В архиве документов: " + visibleTo(role).size()), role + " document count on the start page");
            checks += 3;
        }
    }

    @Test
    void similarDocumentsAndCitedByNeverNameHiddenDocuments() throws Exception {
        JsonNode admin = Json.mapper().readTree(CLIENTS.get(Role.ADMIN).get("/api/documents/" + IDS.get("open")).body());
        List<Long> citedByForAdmin = new ArrayList<>();
        admin.path("citedBy").forEach(n -> citedByForAdmin.add(n.asLong()));
        assertTrue(citedByForAdmin.contains(IDS.get("draft")), "precondition: the draft cites order № 77 " + admin);
        for (Role role : Role.values()) {
            JsonNode card = Json.mapper().readTree(CLIENTS.get(role).get("/api/documents/" + IDS.get("open")).body());
            Set<String> named = new TreeSet<>();
            card.path("citedBy").forEach(n -> named.add(name(n.asLong())));
            card.path("similar").forEach(n -> named.add(name(n.path("id").asLong())));
            assertTrue(visibleTo(role).containsAll(named), role + " sees only allowed links: " + named);
            assertFalse(card.path("similar").isEmpty() && role == Role.ADMIN, "similar documents exist for the admin");
            String page = CLIENTS.get(role).get("/documents/" + IDS.get("open")).body();
            for (String doc : IDS.keySet()) {
                if (!visibleTo(role).contains(doc)) {
                    assertFalse(page.contains("/documents/" + IDS.get(doc) + "\""), role + " page links to hidden " + doc);
                }
            }
            checks += 2;
        }
    }

    @Test
    void registryRecordsListOnlyTheLinkedDocumentsTheRoleMaySee() throws Exception {
        String record = "/registries/experts/" + SiteClient.q("Э-2021-017");
        String draftLink = "href=\"/documents/" + IDS.get("draft") + "\"";
        for (Role role : Role.values()) {
            String page = CLIENTS.get(role).get(record).body();
            assertEquals(visibleTo(role).contains("draft"), page.contains(draftLink), role + " on the expert's record");
            JsonNode api = Json.mapper().readTree(CLIENTS.get(role).get("/api/registries/experts/" + SiteClient.q("Э-2021-017")).body());
            Set<String> linked = new TreeSet<>();
            api.path("documents").forEach(d -> linked.add(name(d.path("id").asLong())));
            assertTrue(visibleTo(role).containsAll(linked), role + " API record links " + linked);
            checks += 2;
        }
    }

    @Test
    void staffPagesAskTheRightRole() throws Exception {
        Map<String, Role> pages = new LinkedHashMap<>();
        pages.put("/admin", Role.ADMIN);
        pages.put("/admin/upload", Role.ADMIN);
        pages.put("/admin/documents/" + IDS.get("open"), Role.ADMIN);
        pages.put("/admin/registries/import", Role.ADMIN);
        pages.put("/admin/users", Role.ADMIN);
        pages.put("/admin/audit", Role.AUDITOR);
        for (var page : pages.entrySet()) {
            for (Role role : Role.values()) {
                int status = role.atLeast(page.getValue()) ? 200 : role == Role.PUBLIC ? 303 : 403;
                expect(role, page.getKey(), status);
            }
        }
        for (Role role : Role.values()) {
            expect(role, "/api/audit", role.atLeast(Role.AUDITOR) ? 200 : role == Role.PUBLIC ? 401 : 403);
            for (String open : List.of("/", "/registries", "/api/search?q=x", "/api/openapi.json", "/api/registries", "/login")) {
                expect(role, open, 200);
            }
        }
    }

    @Test
    void anonymousWritesAreRefusedAndChangeNothing() throws Exception {
        SiteClient anonymous = CLIENTS.get(Role.PUBLIC);
        long id = IDS.get("open");
        assertEquals(401, anonymous.post("/admin/documents/" + id + "/withdraw", Map.of("reason", "x")).statusCode());
        assertEquals(401, anonymous.send(java.net.http.HttpRequest.newBuilder(anonymous.uri("/api/documents/" + id))
                .header("Content-Type", "application/json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"withdrawn\":true}"))).statusCode());
        assertEquals(403, CLIENTS.get(Role.EXPERT).submit("/", "/admin/documents/" + id + "/withdraw", Map.of()).statusCode());
        assertFalse(archive.catalog().get(id).orElseThrow().withdrawn());
        checks += 3;
    }

    private static String name(long id) {
        return IDS.entrySet().stream().filter(e -> e.getValue() == id).map(Map.Entry::getKey).findFirst().orElse("?" + id);
    }
}
