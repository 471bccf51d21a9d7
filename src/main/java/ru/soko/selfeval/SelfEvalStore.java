package ru.soko.selfeval;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.soko.catalog.AuditLog;
import ru.soko.catalog.Database;

/**
 * The indicator values of self-evaluation reports. A newer report for the same organisation and
 * year makes the older report's values history (kept, no longer current); corrections are stored
 * apart and laid over the values read from the report.
 */
public final class SelfEvalStore {

    private final Database db;
    private final Clock clock;

    public SelfEvalStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Stores a report's table; the report with the highest document id is the current one for its year. */
    public void storeReport(long documentId, String organisation, int year, IndicatorTable table, Map<String, String> bases) {
        db.write(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM selfeval_values WHERE document_id = ?")) {
                del.setLong(1, documentId);
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO selfeval_values (document_id, organisation, year, code, name, unit, value, percent, cell,
                        line, recognised, current, base) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)""")) {
                for (IndicatorValue v : table.rows()) {
                    ps.setLong(1, documentId);
                    ps.setString(2, organisation);
                    ps.setInt(3, year);
                    ps.setString(4, v.code());
                    ps.setString(5, v.name());
                    ps.setString(6, v.unit());
                    setDouble(ps, 7, v.value());
                    setDouble(ps, 8, v.percent());
                    ps.setString(9, v.cell());
                    ps.setInt(10, v.line());
                    ps.setInt(11, v.recognised() ? 1 : 0);
                    ps.setString(12, v.code() == null ? null : bases.get(v.code()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE selfeval_values SET current = (document_id = (SELECT max(document_id) FROM selfeval_values
                        WHERE organisation = ? AND year = ?)) WHERE organisation = ? AND year = ?""")) {
                ps.setString(1, organisation);
                ps.setInt(2, year);
                ps.setString(3, organisation);
                ps.setInt(4, year);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The current, recognised figures of organisations, corrections applied. */
    public List<StoredValue> current(List<String> organisations) {
        if (organisations.isEmpty()) {
            return List.of();
        }
        return db.read(c -> {
            Map<String, double[]> corrections = corrections(c);
            String in = String.join(",", java.util.Collections.nCopies(organisations.size(), "?"));
            List<StoredValue> values = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT organisation, year, code, name, unit, value, percent, cell, "
                    + "document_id, line, base FROM selfeval_values WHERE current = 1 AND recognised = 1 AND organisation IN (" + in
                    + ") ORDER BY organisation, year, id")) {
                for (int i = 0; i < organisations.size(); i++) {
                    ps.setString(i + 1, organisations.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String key = rs.getString(1) + "|" + rs.getInt(2) + "|" + rs.getString(3);
                        double[] fix = corrections.get(key);
                        values.add(new StoredValue(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(11), fix != null ? nan(fix[0]) : number(rs, 6), fix != null ? nan(fix[1]) : number(rs, 7),
                                rs.getString(8), rs.getLong(9), rs.getInt(10), fix != null));
                    }
                }
            }
            return values;
        });
    }

    /** Every report stored for a school and year, newest first: the current one and those it replaced. */
    public List<ReportVersion> versions(String organisation, int year) {
        return db.read(c -> {
            List<ReportVersion> versions = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT document_id, max(current), count(*) FROM selfeval_values "
                    + "WHERE organisation = ? AND year = ? GROUP BY document_id ORDER BY document_id DESC")) {
                ps.setString(1, organisation);
                ps.setInt(2, year);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        versions.add(new ReportVersion(rs.getLong(1), rs.getInt(2) == 1, rs.getInt(3)));
                    }
                }
            }
            return versions;
        });
    }

    /** Stores a correction of one figure (null clears a number) and writes it to the audit log. */
    public void correct(String organisation, int year, String code, Double value, Double percent, String actor) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO selfeval_corrections (organisation, year, code, value, percent, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (organisation, year, code) DO UPDATE SET value = excluded.value, percent = excluded.percent,
                        actor = excluded.actor, at = excluded.at""")) {
                ps.setString(1, organisation);
                ps.setInt(2, year);
                ps.setString(3, code);
                setDouble(ps, 4, value);
                setDouble(ps, 5, percent);
                ps.setString(6, actor);
                ps.setString(7, clock.instant().toString());
                ps.executeUpdate();
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("value", value);
            details.put("percent", percent);
            AuditLog.write(c, clock, actor, "selfeval-correct", "selfeval:" + organisation + ":" + year + ":" + code, details);
            return null;
        });
    }

    private static Map<String, double[]> corrections(Connection c) throws SQLException {
        Map<String, double[]> result = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT organisation, year, code, value, percent FROM selfeval_corrections");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                double value = rs.getDouble(4);
                double v = rs.wasNull() ? Double.NaN : value;
                double percent = rs.getDouble(5);
                double p = rs.wasNull() ? Double.NaN : percent;
                result.put(rs.getString(1) + "|" + rs.getInt(2) + "|" + rs.getString(3), new double[] {v, p});
            }
        }
        return result;
    }

    private static Double nan(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static Double number(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static void setDouble(PreparedStatement ps, int index, Double v) throws SQLException {
        if (v == null) {
            ps.setNull(index, Types.REAL);
        } else {
            ps.setDouble(index, v);
        }
    }
}
