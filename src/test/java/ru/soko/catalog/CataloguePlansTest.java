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
 * SQLite's plans for queries that run for each insert group, each new act or each visitor of a card:
 * they must go straight to the rows concerned, not walk an index or a table over the whole archive
 * (which made an insert at 400 000 documents several times dearer than at the start, and an
 * organisation's card take seconds).
 */
class CataloguePlansTest {

    @TempDir
    Path dir;

    @Test
    void changedNeighboursStartsFromTheNewDocumentsCitations() {
        try (Database db = new Database(dir.resolve("archive.db"))) {
            List<String> plan = db.read(c -> plan(c, Citations.CHANGED_NEIGHBOURS, 1000L));
            assertUses(plan, "citations_document (document_id>?)");
            assertUses(plan, "citations_target (target_id>?)");
            // No walk over a whole index, and no range over the older documents' citations.
            assertFalse(plan.stream().anyMatch(step -> step.startsWith("SCAN citations") || step.startsWith("SCAN a ")
                    || step.startsWith("SCAN r ") || step.contains("(target_id<?)") || step.contains("(document_id<?)")), plan.toString());
        }
    }

    @Test
    void citationsThatMayPointAtANewActAreLookedUpByNumberAndDate() {
        try (Database db = new Database(dir.resolve("archive.db"))) {
            List<String> plan = db.read(c -> plan(c, Citations.RESOLVE_OTHERS, "1324", "2013-12-10"));
            assertUses(plan, "citations_unresolved (act_number=? AND act_date=?)");
            assertNoScan(plan);
        }
    }

    @Test
    void citationsMadeAmbiguousAreFoundThroughTheActsOfTheNumber() {
        try (Database db = new Database(dir.resolve("archive.db"))) {
            List<String> plan = db.read(c -> plan(c, Citations.NOW_AMBIGUOUS, "1324", "2013-12-10", 5L));
            assertUses(plan, "citations_target (target_id=?)");
            assertUses(plan, "documents_act (act_number=?)");
            assertNoScan(plan);
        }
    }

    @Test
    void documentsAboutAnOrganisationAreFoundByIndexesNotByReadingEveryDocument() {
        try (Database db = new Database(dir.resolve("archive.db"))) {
            for (int ids = 0; ids <= 2; ids++) {
                Object[] parameters = new Object[1 + Math.max(1, ids)];
                java.util.Arrays.fill(parameters, "org-kem-12");
                String sql = Catalog.aboutSql(ids);
                List<String> plan = db.read(c -> plan(c, sql, parameters));
                assertUses(plan, "documents_issuer (issuer=?)");
                assertUses(plan, "documents_organisation (<expr>");
                assertNoScan(plan);
            }
        }
    }

    @Test
    void anArchiveOfTheEarlierSchemaGetsTheNewIndexesWhenOpened() {
        java.nio.file.Path file = dir.resolve("v7.db");
        try (Database db = new Database(file)) {
            db.write(c -> {
                try (var st = c.createStatement()) {
                    st.execute("DROP INDEX documents_issuer");
                    st.execute("DROP INDEX documents_organisation");
                    st.execute("DROP INDEX citations_unresolved");
                    st.execute("CREATE INDEX citations_unresolved ON citations (act_number) WHERE target_id IS NULL");
                    st.execute("PRAGMA user_version = 7");
                }
                return null;
            });
        }
        try (Database db = new Database(file)) {
            List<String> citations = db.read(c -> plan(c, Citations.RESOLVE_OTHERS, "1324", "2013-12-10"));
            assertUses(citations, "(act_number=? AND act_date=?)");
            List<String> about = db.read(c -> plan(c, Catalog.aboutSql(1), "x", "org-kem-12"));
            assertUses(about, "documents_organisation");
        }
    }

    private static void assertUses(List<String> plan, String step) {
        assertTrue(plan.stream().anyMatch(s -> s.contains(step)), plan.toString());
    }

    private static void assertNoScan(List<String> plan) {
        assertFalse(plan.stream().anyMatch(s -> s.startsWith("SCAN")), plan.toString());
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
