package ru.soko.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.soko.Archive;
import ru.soko.ingest.FileCollector;
import ru.soko.ingest.IngestProgress;
import ru.soko.registry.RegistryImporter;
import ru.soko.testing.TestArchives;
import ru.soko.testing.TestFiles;
import ru.soko.util.Json;
import ru.soko.web.Templates;
import ru.soko.web.WebServer;

/**
 * Bad input on the public web interface: every malformed request gets a 4xx with a Russian message
 * (JSON under /api/), never a 5xx or a stack trace; then a seeded fuzz of a few thousand requests.
 */
class WebInputTest {

    static final long SEED = 8_2026L;
    static final int FUZZ_REQUESTS = 3000;

    private static final Pattern CYRILLIC = Pattern.compile("[А-Яа-яЁё]{3,}");
    private static final Pattern STACK_TRACE = Pattern.compile("Exception|\\bat [a-z]+\\.[a-z]+\\.|\\tat |Caused by|javalin|jetty", Pattern.CASE_INSENSITIVE);

    @TempDir
    static Path dir;

    private static Archive archive;
    private static WebServer server;
    private static long documentId;

    @BeforeAll
    static void start() throws Exception {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        TestFiles.text(docs, "prikaz.txt", TestFiles.RUSSIAN_TEXT, StandardCharsets.UTF_8);
        archive = Archive.open(TestArchives.withoutOcr(dir));
        documentId = archive.ingest().ingest(FileCollector.collect(List.of(docs)), "test", IngestProgress.NONE).outcomes().get(0).documentId();
        Path experts = TestFiles.text(dir, "experts.csv", "ФИО;Регистрационный номер;Дата включения;Направления экспертизы\n"
                + "Иванова Марина Сергеевна;Э-2021-017;15.03.2021;математика\n", StandardCharsets.UTF_8);
        archive.importRegistry("experts", experts, RegistryImporter.Options.DEFAULT, "test");
        server = new WebServer(archive, new Templates(Optional.empty())).start(0);
    }

    @AfterAll
    static void stop() {
        server.close();
        archive.close();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Requests that must be refused with a 4xx and a Russian message. */
    static List<String> refused() {
        String longQuery = enc("самообследование ".repeat(6_000)); // ~100 KB of text
        return List.of(
                "/api/search?q=x&limit=abc", "/api/search?q=x&limit=-5", "/api/search?q=x&limit=0", "/api/search?q=x&limit=1000000",
                "/api/search?q=x&offset=-1", "/api/search?q=x&offset=99999999999", "/api/search?q=x&offset=1e3", "/api/search?limit=2.5",
                "/?q=x&page=abc", "/?q=x&page=0", "/?q=x&page=-3", "/?q=x&page=99999999", "/?q=x&page=99999999999999999999",
                "/api/search?facet=" + enc("colour:red"), "/api/search?facet=nocolon", "/api/search?facet=" + enc("kind:"),
                "/?f=" + enc("colour:red"), "/?f=broken", "/api/search?sort=random",
                "/api/search?q=" + longQuery, "/?q=" + longQuery, "/api/search?q=" + enc("х".repeat(1001)),
                "/api/search?q=" + enc("colour:red"), "/api/search?q=" + enc("year:abc"), "/?q=" + enc("date:[вчера TO завтра]"),
                "/api/search?q=%zz", "/api/search?q=%E0%A4%A", "/api/search?q=%", "/?q=%D0%", "/?q=abc%2",
                "/api/search?facet=%ZZ%ZZ", "/registries/experts?status=%G0",
                "/api/registries/experts?validOn=notadate", "/api/registries/experts?filter=" + enc("colour:red"),
                "/api/registries/experts?filter=nocolon", "/api/registries/pets",
                "/registries/experts?page=abc", "/registries/experts?page=-3", "/registries/experts?validOn=31.02.2024x",
                "/registries/experts/export?format=exe", "/registries/pets",
                "/api/selfeval/compare?territory=x&year=abc&indicator=y", "/api/selfeval/compare", "/api/selfeval/compare?territory=x",
                "/selfeval/compare.pdf?territory=x&indicator=y", "/selfeval/compare.csv?territory=x&year=-1&indicator=y",
                "/organisations/nobody", "/organisations/nobody/selfeval.pdf", "/api/organisations/nobody/selfeval",
                "/documents/abc", "/documents/-1", "/documents/99999999999999999999", "/documents/1/original%00",
                "/api/documents/abc", "/api/documents/99999999999999999999", "/api/documents/%zz",
                "/api/registries/experts/%zz", "/registries/experts/%ff%fe", "/documents/%", "/no/such/page");
    }

    @Test
    void malformedRequestsGetA4xxWithARussianMessageAndNeverAStackTrace() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String target : refused()) {
            Http.Response r = Http.get(server.port(), target);
            String what = Http.abbreviate(target) + " → " + r.status() + " " + r.contentType() + ": " + Http.abbreviate(r.body());
            if (r.status() < 400 || r.status() >= 500) {
                failures.add("not a 4xx: " + what);
            } else if (!CYRILLIC.matcher(r.body()).find()) {
                failures.add("no Russian message: " + what);
            } else if (STACK_TRACE.matcher(r.body()).find()) {
                failures.add("internals shown: " + what);
            } else if (target.startsWith("/api/") && !jsonError(r)) {
                failures.add("not a JSON error: " + what);
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + refused().size() + ":\n" + String.join("\n", failures));
    }

    /**
     * An address Jetty reads but refuses (bytes that are not UTF-8) gets the site's Russian page; one it
     * cannot read at all (no path, no headers known) gets the Russian JSON error, which a browser shows too.
     */
    @Test
    void jettysOwnRefusalsAreInRussian() throws Exception {
        Http.Response page = Http.get(server.port(), "/registries/experts/%ff%fe", "text/html,*/*;q=0.8");
        assertEquals(400, page.status());
        assertTrue(page.contentType().startsWith("text/html") && page.body().contains("<html lang=\"ru\">")
                && page.body().contains("%-кодировка"), Http.abbreviate(page.body()));
        for (String target : List.of("/documents/%", "/?q=" + "я".repeat(20_000))) {
            Http.Response r = Http.get(server.port(), target, "text/html,*/*;q=0.8");
            assertTrue(r.status() == 400 || r.status() == 414, r.status() + "");
            assertTrue(jsonError(r) && CYRILLIC.matcher(r.body()).find(), Http.abbreviate(r.body()));
        }
    }

    private static boolean jsonError(Http.Response r) {
        try {
            return r.contentType().startsWith("application/json") && Json.mapper().readTree(r.body()).get("error").isTextual();
        } catch (Exception e) {
            return false;
        }
    }

    /** Broken expert syntax is searched as plain text (the user keeps a result) or refused with a reason: never a 5xx. */
    @Test
    void malformedQuerySyntaxIsReadLiterallyOrRefusedPolitely() throws Exception {
        List<String> syntax = List.of("(((", "\"незакрытая кавычка", "title:", "date:[2020 TO", "a AND OR b", "\\", "~", "*", "?",
                "/regex", "самообследование^99999999999", "+-!", "[* TO *]", "{}", "&&||", "NOT", "\"\"", "year:[2020 TO abc]",
                "kind:\"\"", "number:", "title:(((", "*:*", "a~99999", "x^", "\u0000", "\uD83D\uDE00 смайлик");
        for (String q : syntax) {
            Http.Response r = Http.get(server.port(), "/api/search?q=" + enc(q));
            assertTrue(r.status() == 200 || r.status() == 400, q + " → " + r.status() + ": " + r.body());
            JsonNode json = Json.mapper().readTree(r.body());
            if (r.status() == 400) {
                assertTrue(CYRILLIC.matcher(json.get("error").asText()).find(), q + ": " + r.body());
            } else {
                assertTrue(json.get("total").isNumber(), q + ": " + r.body());
            }
            Http.Response page = Http.get(server.port(), "/?q=" + enc(q));
            assertTrue(page.status() == 200 || page.status() == 400, q + " (page) → " + page.status());
            assertFalse(STACK_TRACE.matcher(page.body()).find(), q + " (page) shows internals");
        }
    }

    @Test
    void seededFuzzOfRoutesAndParametersNeverAnswers5xxOrShowsInternals() throws Exception {
        Random random = new Random(SEED);
        TreeMap<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < FUZZ_REQUESTS; i++) {
            String target = randomTarget(random);
            Http.Response r;
            try {
                r = Http.get(server.port(), target);
            } catch (Exception e) {
                failures.add(Http.abbreviate(target) + " → " + e);
                continue;
            }
            statuses.merge(r.status(), 1, Integer::sum);
            if (r.status() >= 500) {
                failures.add(Http.abbreviate(target) + " → " + r.status() + ": " + Http.abbreviate(r.body()));
            } else if (STACK_TRACE.matcher(r.body()).find() && !r.contentType().startsWith("text/css")
                    && !target.startsWith("/api/openapi.json")) {
                failures.add(Http.abbreviate(target) + " → internals in the body: " + Http.abbreviate(r.body()));
            } else if (r.status() >= 400 && !CYRILLIC.matcher(r.body()).find()) {
                failures.add(Http.abbreviate(target) + " → " + r.status() + " without a Russian message: " + Http.abbreviate(r.body()));
            }
        }
        System.out.printf("WebInputTest fuzz: %d requests (seed %d), statuses %s, failures %d%n", FUZZ_REQUESTS, SEED, statuses, failures.size());
        assertTrue(failures.isEmpty(), failures.size() + " bad answers, first ones:\n" + String.join("\n", failures.subList(0, Math.min(15, failures.size()))));
        assertTrue(statuses.getOrDefault(200, 0) > 100 && statuses.headMap(500).tailMap(400).values().stream().mapToInt(Integer::intValue).sum() > 100,
                "the fuzz reaches both answers and refusals: " + statuses);
    }

    private static final String[] ROUTES = {"/", "/documents/{id}", "/documents/{id}/original", "/api/search", "/api/documents/{id}",
        "/organisations/{id}", "/organisations/{id}/selfeval.{format}", "/api/organisations/{id}/selfeval", "/api/selfeval/compare",
        "/selfeval/compare", "/selfeval/compare.{format}", "/registries", "/registries/{name}", "/registries/{name}/export",
        "/registries/{name}/{id}", "/api/registries", "/api/registries/{name}", "/api/registries/{name}/{id}", "/static/site.css",
        "/api/openapi.json", "/{name}"};
    private static final String[] PARAMS = {"q", "page", "limit", "offset", "facet", "f", "sort", "filter", "status", "validOn",
        "territory", "year", "indicator", "format", "areas", "fullName", "key", "id", "x"};
    private static final String[] WORDS = {"самообследование", "приказ", "Иванова", "math", "kind:приказ", "format:TXT", "year:2024",
        "registry:experts", "territory:Кузбасс", "areas:математика", "fullName:Иванова", "date:[2020-01-01 TO 2024-12-31]",
        "relevance", "date", "csv", "xlsx", "json", "действует", "исключён", "2024-09-01", "01.09.2024", "experts", "organisations",
        "Э-2021-017", "1", "0", "-1", "2147483648", "99999999999999999999", "1e9", "0x10", " ", "", "NaN", "null", "true"};

    private static String randomTarget(Random random) {
        String route = ROUTES[random.nextInt(ROUTES.length)];
        StringBuilder target = new StringBuilder(route.replace("{id}", segment(random)).replace("{name}", random.nextInt(3) == 0 ? segment(random)
                : random.nextBoolean() ? "experts" : "organisations").replace("{format}", random.nextBoolean() ? "csv" : segment(random)));
        int params = random.nextInt(5);
        for (int p = 0; p < params; p++) {
            target.append(p == 0 ? '?' : '&').append(random.nextInt(10) == 0 ? raw(random) : PARAMS[random.nextInt(PARAMS.length)])
                    .append('=').append(value(random));
        }
        return target.toString();
    }

    private static String segment(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> Long.toString(random.nextLong() % 100);
            case 1 -> "99999999999999999999";
            case 2 -> enc(WORDS[random.nextInt(WORDS.length)]).replace("+", "%20");
            case 3 -> raw(random);
            case 4 -> Long.toString(documentId);
            default -> "%2e%2e";
        };
    }

    private static String value(Random random) {
        return switch (random.nextInt(7)) {
            case 0, 1 -> enc(WORDS[random.nextInt(WORDS.length)]);
            case 2 -> Integer.toString(random.nextInt());
            case 3 -> enc(unicode(random, 1 + random.nextInt(random.nextInt(10) == 0 ? 3000 : 40)));
            case 4 -> raw(random);
            case 5 -> enc(WORDS[random.nextInt(WORDS.length)] + " " + "()[]{}\"~*?:\\/^!+-&|".charAt(random.nextInt(19)) + " "
                    + WORDS[random.nextInt(WORDS.length)]);
            default -> "";
        };
    }

    /** Percent-escapes of random bytes, some of them broken, and characters that are legal but odd in a URL. */
    private static String raw(Random random) {
        StringBuilder s = new StringBuilder();
        int n = 1 + random.nextInt(8);
        for (int i = 0; i < n; i++) {
            switch (random.nextInt(5)) {
                case 0 -> s.append('%').append(String.format("%02X", random.nextInt(256)));
                case 1 -> s.append('%').append("0123456789ABCDEFGZ".charAt(random.nextInt(18)));
                case 2 -> s.append("%u0041");
                case 3 -> s.append("!$'()*,;:@~.-_".charAt(random.nextInt(14)));
                default -> s.append((char) ('a' + random.nextInt(26)));
            }
        }
        return s.toString();
    }

    private static String unicode(Random random, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            if (kind < 5) {
                s.append((char) ('а' + random.nextInt(32)));
            } else if (kind < 7) {
                s.append((char) (0x20 + random.nextInt(0x5f)));
            } else if (kind < 9) {
                s.appendCodePoint(1 + random.nextInt(0x2FFF));
            } else {
                s.append(' ');
            }
        }
        return s.toString();
    }

    @Test
    void theKnownDocumentStillAnswersAfterTheFuzz() throws Exception {
        Http.Response r = Http.get(server.port(), "/api/documents/" + documentId);
        assertEquals(200, r.status());
        assertEquals(documentId, Json.mapper().readTree(r.body()).get("id").asLong());
    }
}
