package ru.soko.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import ru.soko.requisites.Citation;
import ru.soko.requisites.Relation;

/**
 * The {@code citations} table: what each document cites, and which archive document that is. A
 * citation resolves to the one document with the cited number (and date, where the citation has
 * one); when two documents would fit, it stays unresolved rather than point at the wrong act.
 * Resolution runs both ways on every insert, so the order in which acts arrive does not matter.
 */
final class Citations {

    private static final String CANDIDATES = """
            SELECT CASE WHEN count(*) = 1 THEN max(d.id) END FROM documents d
            WHERE d.act_number = c.act_number AND (c.act_date IS NULL OR d.act_date = c.act_date)
              AND d.id <> c.document_id""";

    /**
     * The query of {@link #changedNeighbours}, package-private so a test can check SQLite's plan.
     * Each part starts from the new documents (ids from {@code ?1}) by the index that finds them; the
     * unary {@code +} keeps SQLite off the other column's index. A plain {@code UNION} with
     * {@code ORDER BY id} made SQLite merge the parts by walking both indexes over every older
     * citation: 0.85–1.2 s per group of inserted files at 440 000 documents, under 1 ms now
     * (docs/bench/NOTES-phrases.md). Duplicates are left to the caller's set.
     */
    static final String CHANGED_NEIGHBOURS = """
                WITH candidate(id) AS MATERIALIZED (
                    SELECT target_id FROM citations WHERE document_id >= ?1 AND +target_id < ?1
                    UNION ALL SELECT document_id FROM citations WHERE target_id >= ?1 AND +document_id < ?1
                    UNION ALL SELECT a.document_id FROM citations r JOIN citations a ON a.target_id = r.target_id
                          WHERE r.document_id >= ?1 AND r.relation = 'repeals' AND a.relation = 'approved_by'
                            AND +a.document_id < ?1)
                SELECT id FROM candidate WHERE
                    (EXISTS (SELECT 1 FROM citations r WHERE r.target_id = candidate.id AND r.relation = 'repeals')
                     OR EXISTS (SELECT 1 FROM citations a JOIN citations r ON r.target_id = a.target_id
                                WHERE a.document_id = candidate.id AND a.relation = 'approved_by' AND r.relation = 'repeals'))
                    <>
                    (EXISTS (SELECT 1 FROM citations r WHERE r.target_id = candidate.id AND r.relation = 'repeals'
                                AND r.document_id < ?1)
                     OR EXISTS (SELECT 1 FROM citations a JOIN citations r ON r.target_id = a.target_id
                                WHERE a.document_id = candidate.id AND a.relation = 'approved_by' AND r.relation = 'repeals'
                                  AND a.target_id < ?1 AND r.document_id < ?1))""";

    private Citations() {
    }

    static void insert(Connection c, long documentId, List<Citation> citations) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO citations (document_id, position, relation, kind, issuer, act_date, act_number, title)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            int position = 0;
            for (Citation citation : citations) {
                if (citation.number() == null || citation.number().isBlank()) {
                    continue;
                }
                ps.setLong(1, documentId);
                ps.setInt(2, position++);
                ps.setString(3, citation.relation().name().toLowerCase(Locale.ROOT));
                ps.setString(4, citation.kind());
                ps.setString(5, citation.issuer());
                ps.setString(6, citation.date() == null ? null : citation.date().toString());
                ps.setString(7, citation.number());
                ps.setString(8, citation.title());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static void delete(Connection c, long documentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM citations WHERE document_id = ?")) {
            ps.setLong(1, documentId);
            ps.executeUpdate();
        }
    }

    /**
     * Resolves this document's own citations and every unresolved citation that may point at it, and
     * takes the target from citations it makes ambiguous. Returns the documents whose status that
     * may change ({@link #unlinkAmbiguous}).
     */
    static Set<Long> resolveAround(Connection c, long documentId) throws SQLException {
        try (PreparedStatement own = c.prepareStatement(
                "UPDATE citations AS c SET target_id = (" + CANDIDATES + ") WHERE c.document_id = ?")) {
            own.setLong(1, documentId);
            own.executeUpdate();
        }
        ActKey key = actKey(c, documentId);
        Set<Long> unlinked = unlinkAmbiguous(c, documentId, key);
        resolveCitationsOf(c, key);
        return unlinked;
    }

    /**
     * Citations already resolved to another act with the number (and the date, or none) of act
     * {@code ?3}, which fits them as well: package-private so a test can check SQLite's plan.
     */
    static final String NOW_AMBIGUOUS = """
            SELECT c.rowid, c.document_id, c.target_id FROM citations c
            WHERE c.target_id IN (SELECT d.id FROM documents d WHERE d.act_number = ?1 AND d.id <> ?3)
              AND c.act_number = ?1 AND c.act_date IS ?2 AND c.document_id <> ?3""";

    /**
     * A citation that two acts fit stays unresolved; had this act been in the archive when the
     * citation was read, it would have been. So the citations resolved to another act that this one
     * fits as well lose their target, whatever the order of arrival. Returns the documents whose
     * status may change with that: the citing ones, the acts they pointed at, and those acts' annexes.
     */
    private static Set<Long> unlinkAmbiguous(Connection c, long documentId, ActKey key) throws SQLException {
        Set<Long> touched = new TreeSet<>();
        if (key.number() == null) {
            return touched;
        }
        List<Long> rows = new ArrayList<>();
        Set<Long> formerTargets = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement(NOW_AMBIGUOUS)) {
            for (String date : datesFitting(key)) {
                ps.setString(1, key.number());
                ps.setString(2, date);
                ps.setLong(3, documentId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(rs.getLong(1));
                        touched.add(rs.getLong(2));
                        formerTargets.add(rs.getLong(3));
                    }
                }
            }
        }
        if (rows.isEmpty()) {
            return touched;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE citations SET target_id = NULL WHERE rowid = ?")) {
            for (long row : rows) {
                ps.setLong(1, row);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        touched.addAll(formerTargets);
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT document_id FROM citations WHERE target_id = ? AND relation = 'approved_by'")) {
            for (long target : formerTargets) {
                ps.setLong(1, target);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        touched.add(rs.getLong(1));
                    }
                }
            }
        }
        return touched;
    }

    /** The dates of citations an act with this key fits: its own and none; only none when it has no date. */
    private static String[] datesFitting(ActKey key) {
        return key.date() == null ? new String[] {null} : new String[] {key.date(), null};
    }

    /** A document's number and date as the citations see them, taken before a change of either. */
    record ActKey(String number, String date) {
    }

    static ActKey actKey(Connection c, long documentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT act_number, act_date FROM documents WHERE id = ?")) {
            ps.setLong(1, documentId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new ActKey(rs.getString(1), rs.getString(2)) : new ActKey(null, null);
            }
        }
    }

    /**
     * Re-resolves what a change of a document's number or date ({@code before}: the old ones) can
     * change: the citations that pointed at it, and the unresolved ones of its old number and date,
     * which another act may now fit alone. The new number and date are {@link #resolveAround}'s part.
     * Returns the documents that cited it, whose links may now be gone.
     * Trying every unresolved citation instead took 16 s at 455 000 documents, for each correction
     * and for each document of {@code reindex --requisites}.
     */
    static List<Long> afterActKeyChange(Connection c, long documentId, ActKey before) throws SQLException {
        List<Long> citing = citing(c, documentId, null);
        try (PreparedStatement ps = c.prepareStatement("UPDATE citations SET target_id = NULL WHERE target_id = ?")) {
            ps.setLong(1, documentId);
            ps.executeUpdate();
        }
        resolveCitationsOf(c, before);
        return citing;
    }

    /**
     * Resolves the unresolved citations of one number ({@code ?1}) and one date ({@code ?2}, NULL for
     * citations without a date); package-private so a test can check SQLite's plan.
     */
    static final String RESOLVE_OTHERS = """
            UPDATE citations AS c SET target_id = (%1$s)
            WHERE c.target_id IS NULL AND c.act_number = ?1 AND c.act_date IS ?2
              AND (%1$s) IS NOT NULL""".formatted(CANDIDATES);

    /**
     * Only citations of this number with this date, or with no date, can be resolved by an act with
     * this number and date: each date is an index lookup, not a walk over every unresolved citation
     * of a number cited everywhere («1324»: 0.2–0.9 s at 455 000 documents). Only rows that gain a
     * target are written (docs/bench/NOTES-phrases.md).
     */
    private static void resolveCitationsOf(Connection c, ActKey key) throws SQLException {
        if (key.number() == null) {
            return;
        }
        try (PreparedStatement others = c.prepareStatement(RESOLVE_OTHERS)) {
            for (String date : datesFitting(key)) {
                others.setString(1, key.number());
                others.setString(2, date);
                others.executeUpdate();
            }
        }
    }

    static List<ResolvedCitation> of(Connection c, long documentId) throws SQLException {
        List<ResolvedCitation> result = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT relation, kind, issuer, act_date, act_number, title, target_id FROM citations
                WHERE document_id = ? ORDER BY position""")) {
            ps.setLong(1, documentId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long target = rs.getLong(7);
                    Long targetId = rs.wasNull() ? null : target;
                    result.add(new ResolvedCitation(Relation.valueOf(rs.getString(1).toUpperCase(Locale.ROOT)),
                            rs.getString(2), rs.getString(3),
                            rs.getString(4) == null ? null : java.time.LocalDate.parse(rs.getString(4)),
                            rs.getString(5), rs.getString(6), targetId));
                }
            }
        }
        return result;
    }

    /** Ids of documents citing {@code documentId} with the given relation (null: any relation). */
    static List<Long> citing(Connection c, long documentId, Relation relation) throws SQLException {
        String sql = "SELECT DISTINCT document_id FROM citations WHERE target_id = ?"
                + (relation == null ? "" : " AND relation = ?") + " ORDER BY document_id";
        Set<Long> ids = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, documentId);
            if (relation != null) {
                ps.setString(2, relation.name().toLowerCase(Locale.ROOT));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return new ArrayList<>(ids);
    }

    /**
     * Older documents (ids below {@code first}) whose status the documents {@code first} and up have
     * just changed — all of them inserted in the open transaction. Before the group, no citation
     * came from a new document or pointed at one (insertion only resolves citations that had no
     * target), so the status before is {@link Status#SQL} over the citations among older documents
     * alone. Candidates are the neighbours of {@link #neighbours}; most of them keep their status,
     * and their index entries need no rewrite.
     */
    static Set<Long> changedNeighbours(Connection c, long first) throws SQLException {
        Set<Long> ids = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement(CHANGED_NEIGHBOURS)) {
            ps.setLong(1, first);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /** Documents whose status or links change when {@code documentId} arrives or changes. */
    static Set<Long> neighbours(Connection c, long documentId) throws SQLException {
        Set<Long> ids = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT target_id FROM citations WHERE document_id = ? AND target_id IS NOT NULL
                UNION SELECT document_id FROM citations WHERE target_id = ?
                UNION SELECT a.document_id FROM citations a JOIN citations r ON r.target_id = a.target_id
                      WHERE r.document_id = ? AND r.relation = 'repeals' AND a.relation = 'approved_by'""")) {
            ps.setLong(1, documentId);
            ps.setLong(2, documentId);
            ps.setLong(3, documentId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        ids.remove(documentId);
        return ids;
    }
}
