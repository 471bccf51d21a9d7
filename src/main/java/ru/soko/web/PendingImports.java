package ru.soko.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registry sheets checked but not yet written: the administrator sees the validation report first
 * and confirms. Each waits in a temporary file for an hour, for the person who uploaded it only.
 */
final class PendingImports {

    private static final Duration KEEP = Duration.ofHours(1);

    record Pending(String token, String registry, Path file, String originalName, String owner, Instant created) {
    }

    private final Clock clock;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    PendingImports(Clock clock) {
        this.clock = clock;
    }

    Pending add(String registry, Path file, String originalName, String owner) {
        forgetOld();
        Pending p = new Pending(Sessions.randomToken(), registry, file, originalName, owner, clock.instant());
        pending.put(p.token(), p);
        return p;
    }

    /** Takes the pending import out: it is confirmed once at most. */
    Optional<Pending> take(String token, String owner) {
        Pending p = pending.get(token == null ? "" : token);
        if (p == null || !p.owner().equals(owner)) {
            return Optional.empty();
        }
        pending.remove(p.token());
        return Optional.of(p);
    }

    static void discard(Pending p) {
        try {
            Files.deleteIfExists(p.file());
            Files.deleteIfExists(p.file().getParent());
        } catch (IOException ignored) {
            // The temporary folder is cleaned by the system in the end.
        }
    }

    private void forgetOld() {
        Instant limit = clock.instant().minus(KEEP);
        pending.values().removeIf(p -> {
            boolean old = p.created().isBefore(limit);
            if (old) {
                discard(p);
            }
            return old;
        });
    }
}
