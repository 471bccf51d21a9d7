package ru.soko.registry;

import java.time.Instant;
import java.util.Map;

/** One change to a registry record: {@code changes} maps a field to its old and new value. */
public record HistoryEntry(Instant at, String actor, String action, Map<String, Object> changes) {
}
