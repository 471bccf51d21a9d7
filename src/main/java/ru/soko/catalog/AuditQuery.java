package ru.soko.catalog;

import java.time.LocalDate;

/**
 * A filter over the audit log: each part may be null; {@code target} matches a prefix
 * ({@code document:} for every document, {@code document:14} for one), dates are inclusive.
 */
public record AuditQuery(String actor, String action, String target, LocalDate from, LocalDate to, int offset, int limit) {

    public static final int MAX_LIMIT = 500;

    public AuditQuery {
        actor = blankToNull(actor);
        action = blankToNull(action);
        target = blankToNull(target);
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("неверная страница журнала");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
