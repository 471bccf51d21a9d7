package ru.soko.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import ru.soko.access.Viewer;

/**
 * Logged-in sessions, held in memory: a restart logs everyone out, which is acceptable for a staff
 * area. Ids are 256 random bits; each session carries its own CSRF token. A new id is issued at
 * every login, so an id planted before login is worth nothing after it.
 */
public final class Sessions {

    static final Duration IDLE = Duration.ofHours(2);
    static final Duration ABSOLUTE = Duration.ofHours(12);
    private static final int MAX_SESSIONS = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One login: who, the CSRF token of its forms, and when it began and was last used. */
    public record Session(String id, Viewer viewer, String csrf, Instant started, Instant lastSeen) {
    }

    private final Clock clock;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    public Sessions(Clock clock) {
        this.clock = clock;
    }

    public Session start(Viewer viewer) {
        if (sessions.size() >= MAX_SESSIONS) {
            expire();
        }
        Instant now = clock.instant();
        Session session = new Session(randomToken(), viewer, randomToken(), now, now);
        sessions.put(session.id(), session);
        return session;
    }

    /** The live session with this id, its idle clock restarted; empty when unknown or expired. */
    public Optional<Session> find(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        Session s = sessions.get(id);
        Instant now = clock.instant();
        if (s == null) {
            return Optional.empty();
        }
        if (expired(s, now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        Session touched = new Session(s.id(), s.viewer(), s.csrf(), s.started(), now);
        sessions.put(id, touched);
        return Optional.of(touched);
    }

    public void end(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** Logs a user out everywhere, e.g. when an administrator disables the account or changes its role. */
    public void endAllOf(String userName) {
        sessions.values().removeIf(s -> s.viewer().name().equalsIgnoreCase(userName));
    }

    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private void expire() {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> expired(s, now));
    }

    private static boolean expired(Session s, Instant now) {
        return s.lastSeen().plus(IDLE).isBefore(now) || s.started().plus(ABSOLUTE).isBefore(now);
    }
}
