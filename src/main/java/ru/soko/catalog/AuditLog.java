package ru.soko.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import ru.soko.util.Json;

/** Writes one line of the audit log, inside the caller's transaction so the change and its record go together. */
public final class AuditLog {

    private AuditLog() {
    }

    public static void write(Connection c, Clock clock, String actor, String action, String target, Map<String, ?> details)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO audit_log (at, actor, action, target, details) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, clock.instant().toString());
            ps.setString(2, actor);
            ps.setString(3, action);
            ps.setString(4, target);
            ps.setString(5, Json.write(details));
            ps.executeUpdate();
        }
    }
}
