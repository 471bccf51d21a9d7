package ru.soko.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpCookie;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.soko.Archive;
import ru.soko.access.Role;
import ru.soko.ingest.FileCollector;
import ru.soko.ingest.IngestProgress;
import ru.soko.testing.TestArchives;
import ru.soko.testing.TestFiles;

/** Sessions, CSRF, login throttling and the upload limit, tried the way an attacker would. */
class SessionSecurityTest {

    @TempDir
    static Path dir;

    private static Archive archive;
    private static WebServer server;
    private static long documentId;
    private static final MovableClock CLOCK = new MovableClock();

    /** A clock the test moves forward, to let a login penalty pass without waiting. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-01-01T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        Path doc = TestFiles.text(dir, "prikaz.txt", TestFiles.RUSSIAN_TEXT, StandardCharsets.UTF_8);
        archive = Archive.open(TestArchives.withLimits(dir, 1024 * 1024, 1_000_000, Duration.ofSeconds(60)).withOcrEnabled(false));
        documentId = archive.ingest().ingest(FileCollector.collect(List.of(doc)), "test", IngestProgress.NONE).outcomes().get(0).documentId();
        archive.users().add("admin", Role.ADMIN, "admin-password", "test");
        archive.users().add("victim", Role.EXPERT, "victim-password", "test");
        server = new WebServer(archive, new Templates(Optional.empty()), CLOCK).start(0);
    }

    @AfterAll
    static void stop() {
        server.close();
        archive.close();
    }

    private static HttpCookie cookie(SiteClient client, String name) {
        return client.cookies().getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst().orElse(null);
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSite() throws Exception {
        SiteClient client = new SiteClient(server.port());
        client.get("/login");
        HttpResponse<String> login = client.login("admin", "admin-password");
        String header = login.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith("soko_session="))
                .findFirst().orElseThrow();
        assertTrue(header.contains("HttpOnly"), header);
        assertTrue(header.contains("SameSite=Lax"), header);
        assertFalse(header.contains("Secure"), "plain HTTP on loopback without secure-cookies: " + header);
    }

    @Test
    void loginIssuesAFreshSessionIdSoAPlantedOneIsWorthless() throws Exception {
        SiteClient client = new SiteClient(server.port());
        HttpCookie planted = new HttpCookie(Security.SESSION_COOKIE, "planted-by-attacker");
        planted.setPath("/");
        client.cookies().getCookieStore().add(client.uri("/"), planted);
        HttpResponse<String> login = client.login("admin", "admin-password");
        assertEquals(303, login.statusCode());
        String issued = login.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith(Security.SESSION_COOKIE + "="))
                .findFirst().orElseThrow();
        assertFalse(issued.contains("planted-by-attacker"), issued);
        SiteClient attacker = new SiteClient(server.port());
        attacker.cookies().getCookieStore().add(attacker.uri("/"), planted);
        assertEquals(303, attacker.get("/admin").statusCode(), "the planted id does not log the attacker in");
    }

    @Test
    void formWithoutOrWithAWrongCsrfTokenChangesNothing() throws Exception {
        SiteClient admin = new SiteClient(server.port());
        admin.login("admin", "admin-password");
        String path = "/admin/documents/" + documentId + "/withdraw";
        assertEquals(403, admin.post(path, Map.of("reason", "подделка")).statusCode());
        assertEquals(403, admin.post(path, Map.of("reason", "подделка", "_csrf", "guess")).statusCode());
        assertFalse(archive.catalog().get(documentId).orElseThrow().withdrawn());
        assertEquals(303, admin.submit("/admin/documents/" + documentId, path, Map.of("reason", "проверка")).statusCode());
        assertTrue(archive.catalog().get(documentId).orElseThrow().withdrawn(), "the same form with its token works");
        archive.restore(documentId, "test");
    }

    @Test
    void apiCallWithTheSessionCookieNeedsTheCsrfHeader() throws Exception {
        SiteClient admin = new SiteClient(server.port());
        admin.login("admin", "admin-password");
        var patch = java.net.http.HttpRequest.newBuilder(admin.uri("/api/documents/" + documentId))
                .header("Content-Type", "application/json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"visibility\":\"internal\"}"));
        assertEquals(403, admin.send(patch).statusCode());
        assertEquals("public", archive.catalog().get(documentId).orElseThrow().visibility());
        patch.header(Security.CSRF_HEADER, admin.csrf("/admin/upload"));
        assertEquals(200, admin.send(patch).statusCode());
        assertEquals("internal", archive.catalog().get(documentId).orElseThrow().visibility());
        archive.setVisibility(documentId, "public", "test");
    }

    @Test
    void loginFormNeedsItsOwnToken() throws Exception {
        SiteClient client = new SiteClient(server.port());
        assertEquals(403, client.post("/login", Map.of("name", "admin", "password", "admin-password")).statusCode());
        assertEquals(null, cookie(client, Security.SESSION_COOKIE));
    }

    @Test
    void repeatedFailedLoginsAreSlowedDownPerAccountEvenWithTheRightPassword() throws Exception {
        SiteClient attacker = new SiteClient(server.port());
        for (int i = 0; i < ru.soko.users.LoginThrottle.FREE_ATTEMPTS; i++) {
            assertEquals(401, attacker.login("victim", "wrong-" + i).statusCode());
        }
        HttpResponse<String> blocked = attacker.login("victim", "victim-password");
        assertEquals(429, blocked.statusCode());
        assertTrue(blocked.body().contains("Слишком много неудачных попыток"));
        assertTrue(blocked.headers().firstValue("Retry-After").isPresent());
        CLOCK.advance(Duration.ofMinutes(1));
        assertEquals(303, new SiteClient(server.port()).login("victim", "victim-password").statusCode(),
                "after the wait the right password works again");
    }

    @Test
    void unknownNameAndWrongPasswordGetTheSameAnswer() throws Exception {
        HttpResponse<String> unknown = new SiteClient(server.port()).login("nobody", "whatever-1");
        HttpResponse<String> wrong = new SiteClient(server.port()).login("admin", "whatever-1");
        assertEquals(unknown.statusCode(), wrong.statusCode());
        String token = "name=\"_csrf\" value=\"[^\"]+\"";
        assertEquals(unknown.body().replaceAll(token, "").replace("nobody", "X"), wrong.body().replaceAll(token, "").replace("admin", "X"));
    }

    @Test
    void oversizedUploadIsRefusedFromItsDeclaredLengthBeforeTheBodyIsSent() throws Exception {
        try (Socket socket = new Socket("localhost", server.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/documents HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: 50000000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 413", status);
        }
    }

    @Test
    void redirectAfterLoginStaysOnThisSite() throws Exception {
        SiteClient client = new SiteClient(server.port());
        HttpResponse<String> login = client.submit("/login", "/login",
                Map.of("name", "admin", "password", "admin-password", "next", "//evil.example/x"));
        assertEquals("/admin", login.headers().firstValue("Location").orElseThrow());
    }
}
