package ru.soko.catalog;

import java.time.Instant;

/** One line of the audit log: who did what to which target, with details as JSON. */
public record AuditEntry(Instant at, String actor, String action, String target, String detailsJson) {
}
