package ru.soko.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.soko.Archive;
import ru.soko.access.Role;
import ru.soko.testing.TestArchives;

class UserStoreTest {

    @TempDir
    Path dir;

    @Test
    void passwordsAreKeptAsArgon2idHashesAndCheckedAgainstThem() throws Exception {
        try (Archive archive = Archive.open(TestArchives.withoutOcr(dir))) {
            archive.users().add("Мария.Иванова", Role.EXPERT, "длинный-пароль", "test");
            assertTrue(archive.users().authenticate("Мария.Иванова", "длинный-пароль").isPresent());
            assertTrue(archive.users().authenticate("мария.иванова", "длинный-пароль").isPresent(), "names ignore case");
            assertFalse(archive.users().authenticate("Мария.Иванова", "длинный-парол").isPresent());
            assertFalse(archive.users().authenticate("никто", "длинный-пароль").isPresent());
        }
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + TestArchives.withoutOcr(dir).databaseFile());
             ResultSet rs = c.createStatement().executeQuery("SELECT password_hash FROM users")) {
            rs.next();
            String stored = rs.getString(1);
            assertTrue(stored.startsWith("$argon2id$"), stored);
            assertFalse(stored.contains("длинный"));
        }
    }

    @Test
    void disabledAccountsCannotLogInAndTheirTokensStopWorking() {
        try (Archive archive = Archive.open(TestArchives.withoutOcr(dir))) {
            archive.users().add("loader", Role.ADMIN, "loader-password", "test");
            String token = archive.users().createToken("loader", "скрипт загрузки", "test");
            assertEquals("loader", archive.users().byToken(token).orElseThrow().name());
            archive.users().setDisabled("loader", true, "test");
            assertFalse(archive.users().authenticate("loader", "loader-password").isPresent());
            assertFalse(archive.users().byToken(token).isPresent());
            assertFalse(archive.users().byToken("soko_guess").isPresent());
        }
    }

    @Test
    void refusesWeakPasswordsBadNamesDuplicatesAndAnAccountForThePublic() {
        try (Archive archive = Archive.open(TestArchives.withoutOcr(dir))) {
            assertThrows(IllegalArgumentException.class, () -> archive.users().add("a1", Role.ADMIN, "short", "test"));
            assertThrows(IllegalArgumentException.class, () -> archive.users().add("a1", Role.ADMIN, "aaaaaaaaaa", "test"));
            assertThrows(IllegalArgumentException.class, () -> archive.users().add("../x", Role.ADMIN, "good-password", "test"));
            assertThrows(IllegalArgumentException.class, () -> archive.users().add("anon", Role.PUBLIC, "good-password", "test"));
            archive.users().add("a1", Role.ADMIN, "good-password", "test");
            assertThrows(IllegalArgumentException.class, () -> archive.users().add("A1", Role.EXPERT, "good-password", "test"));
            assertEquals(1, archive.catalog().auditLog(new ru.soko.catalog.AuditQuery(null, "user-add", null, null, null, 0, 10)).size());
        }
    }

    @Test
    void throttleWaitsLongerAfterEachFailureAndForgetsAfterAQuietWindow() {
        Instant[] now = {Instant.parse("2026-01-01T00:00:00Z")};
        Clock clock = new Clock() {
            public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
            public Clock withZone(java.time.ZoneId z) { return this; }
            public Instant instant() { return now[0]; }
        };
        LoginThrottle throttle = new LoginThrottle(clock);
        for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS; i++) {
            assertTrue(throttle.waitBefore("victim", "10.0.0.1").isEmpty());
            throttle.failed("victim", "10.0.0.1");
        }
        assertEquals(LoginThrottle.FIRST_WAIT, throttle.waitBefore("victim", "10.0.0.2").orElseThrow(), "per account, from any address");
        assertTrue(throttle.waitBefore("other", "10.0.0.1").isEmpty(), "the address has more free attempts than an account");
        throttle.failed("victim", "10.0.0.1");
        assertEquals(LoginThrottle.FIRST_WAIT.multipliedBy(2), throttle.waitBefore("victim", "10.0.0.1").orElseThrow());
        now[0] = now[0].plus(LoginThrottle.WINDOW).plus(Duration.ofSeconds(1));
        assertTrue(throttle.waitBefore("victim", "10.0.0.1").isEmpty());
        for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS_PER_ADDRESS; i++) {
            throttle.failed("name" + i, "10.0.0.9");
        }
        assertTrue(throttle.waitBefore("fresh-name", "10.0.0.9").isPresent(), "many names from one address are slowed too");
    }
}
