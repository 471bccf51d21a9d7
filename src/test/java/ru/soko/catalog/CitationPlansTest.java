package ru.soko.catalog;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite's plans for the queries every insert group runs: they must read around the new documents,
 * not walk an index over the whole archive (which made an insert at 400 000 documents several
 * times dearer than at the start).
 */
class CitationPlansTest {

    @TempDir
    Path dir;

    @Test
    void changedNeighboursStartsFromTheNewDocumentsCitations() {
        try (Database db = new Database(dir.resolve("archive.db"))) {
            List<String> plan = db.read(c -> plan(c, Citations.CHANGED_NEIGHBOURS, 1000L));
            assertTrue(plan.stream().anyMatch(step -> step.contains("citations_document (document_id>?)")), plan.toString());
            assertTrue(plan.stream().anyMatch(step -> step.contains("citations_target (target_id>?)")), plan.toString());
            // No walk over a whole index, and no range over the older documents' citations.
            assertFalse(plan.stream().anyMatch(step -> step.startsWith("SCAN citations") || step.startsWith("SCAN a ")
                    || step.startsWith("SCAN r ") || step.contains("(target_id<?)") || step.contains("(document_id<?)")), plan.toString());
        }
    }

    @Test
    void citationsThatMayPointAtANewActAreLookedUpByNumberAndDate() {
        try (Database db = new Database(dir.resolve("archive.db"))) {
            List<String> plan = db.read(c -> plan(c, Citations.RESOLVE_OTHERS, "1324", "2013-12-10"));
            assertTrue(plan.stream().anyMatch(step -> step.contains("citations_unresolved (act_number=? AND act_date=?)")),
                    plan.toString());
            assertFalse(plan.stream().anyMatch(step -> step.startsWith("SCAN")), plan.toString());
        }
    }

    private static List<String> plan(java.sql.Connection c, String sql, Object... parameters) throws java.sql.SQLException {
        List<String> steps = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    steps.add(rs.getString(4));
                }
            }
        }
        return steps;
    }
}
