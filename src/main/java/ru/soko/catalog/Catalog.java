package ru.soko.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import ru.soko.requisites.ExtractedRequisites;
import ru.soko.requisites.Relation;
import ru.soko.requisites.RequisiteOverrides;
import ru.soko.requisites.Requisites;
import ru.soko.util.Json;

/** The documents table and its audit trail. Every statement is parameterised. */
public final class Catalog {

    private static final String COLUMNS = "id, sha256, source_name, source_path, media_type, format, size_bytes, "
            + "title, text, text_truncated, text_source, needs_ocr, metadata_json, warnings_json, visibility, ingested_at, "
            + "requisites_json, withdrawn_at, withdrawn_reason, " + Status.SQL + " AS status";

    private final Database db;
    private final Clock clock;

    public Catalog(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Adds a document and its audit entry in one transaction.
     *
     * @return the new id, or empty when a document with the same SHA-256 is already there
     */
    public Optional<Long> insert(NewDocument doc, String actor) {
        return insert(doc, actor, "public");
    }

    /** As {@link #insert(NewDocument, String)}, with the visibility the document starts with. */
    public Optional<Long> insert(NewDocument doc, String actor, String visibility) {
        Insertion only = insertAll(List.of(doc), actor, visibility).insertions().get(0);
        return only.added() ? Optional.of(only.id()) : Optional.empty();
    }

    /**
     * What became of one document of {@link #insertAll}: added under {@code id} ({@code record} is then
     * the row as {@link #get} would read it), or a duplicate of the document {@code id}.
     */
    public record Insertion(long id, DocumentRecord record) {
        public boolean added() {
            return record != null;
        }
    }

    /**
     * The documents of a group, and the older documents whose index entries the group changed (their
     * status: an act the group repeals, an annex of it, a document citing a new act that is repealed),
     * or may have changed (a citation the group made ambiguous: the citing document, its former
     * target and that target's annexes).
     */
    public record GroupInsert(List<Insertion> insertions, Set<Long> changedNeighbours) {
    }

    /**
     * Adds documents, each with its citations and audit entry, in one transaction: one fsync for the
     * group instead of one per document. Each document is inserted and its citations resolved in turn,
     * exactly as one insert after another would, so the links do not depend on the grouping. A
     * document whose SHA-256 is already there (or earlier in the group) is not added.
     */
    public GroupInsert insertAll(List<NewDocument> docs, String actor, String visibility) {
        requireVisibility(visibility);
        return db.write(c -> {
            List<Insertion> insertions = new ArrayList<>(docs.size());
            // Parallel to insertions: the row written, or null for a duplicate.
            List<NewRow> rows = new ArrayList<>(docs.size());
            java.util.TreeSet<Long> unlinked = new java.util.TreeSet<>();
            long first = 0;
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO documents (sha256, source_name, source_path, media_type, format, size_bytes,
                        title, text, text_truncated, text_source, needs_ocr, metadata_json, warnings_json, ingested_at,
                        requisites_json, visibility, kind, issuer, act_date, act_number)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
                for (NewDocument doc : docs) {
                    Optional<Long> existing = findIdBySha(c, doc.sha256());
                    if (existing.isPresent()) {
                        insertions.add(new Insertion(existing.get(), null));
                        rows.add(null);
                        continue;
                    }
                    NewRow row = new NewRow(doc, clock.instant().toString(), Json.write(doc.metadata()),
                            Json.write(doc.warnings()), Json.write(doc.requisites().requisites()));
                    // A new row has no corrections yet, so its effective columns are the extracted requisites.
                    Requisites r = doc.requisites().requisites();
                    ps.setString(1, doc.sha256());
                    ps.setString(2, doc.sourceName());
                    ps.setString(3, doc.sourcePath());
                    ps.setString(4, doc.mediaType());
                    ps.setString(5, doc.format());
                    ps.setLong(6, doc.sizeBytes());
                    ps.setString(7, doc.title());
                    ps.setString(8, doc.text());
                    ps.setInt(9, doc.textTruncated() ? 1 : 0);
                    ps.setString(10, doc.textSource().dbValue());
                    ps.setInt(11, doc.needsOcr() ? 1 : 0);
                    ps.setString(12, row.metadataJson());
                    ps.setString(13, row.warningsJson());
                    ps.setString(14, row.ingestedAt());
                    ps.setString(15, row.requisitesJson());
                    ps.setString(16, visibility);
                    ps.setString(17, r.kind());
                    ps.setString(18, r.issuer());
                    ps.setString(19, r.date() == null ? null : r.date().toString());
                    ps.setString(20, r.number());
                    ps.executeUpdate();
                    long id;
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                    Citations.insert(c, id, doc.requisites().citations());
                    unlinked.addAll(Citations.resolveAround(c, id));
                    audit(c, actor, "ingest", "document:" + id,
                            Map.of("sourceName", doc.sourceName(), "sha256", doc.sha256(), "format", doc.format(), "visibility", visibility));
                    rows.add(row);
                    insertions.add(new Insertion(id, null));
                    first = first == 0 ? id : first;
                }
            }
            if (first == 0) {
                return new GroupInsert(insertions, Set.of());
            }
            Set<Long> changed = new java.util.TreeSet<>(Citations.changedNeighbours(c, first));
            // The comparison of changedNeighbours cannot see a link the group took away; those documents may have changed too.
            changed.addAll(unlinked.headSet(first));
            return new GroupInsert(withRecords(c, insertions, rows, first, visibility), changed);
        });
    }

    /** One inserted row's values as written, so its record is built without reading the row back. */
    private record NewRow(NewDocument doc, String ingestedAt, String metadataJson, String warningsJson, String requisitesJson) {
    }

    /**
     * The records of the rows just inserted (ids {@code first} and up, the group holding the write lock):
     * the values as written, read back from their JSON as {@link #toRecord} does, with the status that
     * the links now give. A test compares these with {@link #get}.
     */
    private static List<Insertion> withRecords(Connection c, List<Insertion> insertions, List<NewRow> rows, long first,
                                               String visibility) throws SQLException {
        Map<Long, String> statuses = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, " + Status.SQL + " FROM documents WHERE id >= ?")) {
            ps.setLong(1, first);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    statuses.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        List<Insertion> result = new ArrayList<>(insertions.size());
        for (int i = 0; i < insertions.size(); i++) {
            Insertion insertion = insertions.get(i);
            NewRow row = rows.get(i);
            if (row == null) {
                result.add(insertion);
                continue;
            }
            NewDocument doc = row.doc();
            Requisites requisites = Json.read(row.requisitesJson(), Requisites.class);
            java.util.LinkedHashSet<String> cited = new java.util.LinkedHashSet<>();
            for (ru.soko.requisites.Citation citation : doc.requisites().citations()) {
                if (citation.number() != null && !citation.number().isBlank()) {
                    cited.add(citation.number());
                }
            }
            result.add(new Insertion(insertion.id(), new DocumentRecord(insertion.id(), doc.sha256(), doc.sourceName(),
                    doc.sourcePath(), doc.mediaType(), doc.format(), doc.sizeBytes(), doc.title(), doc.text(),
                    doc.textTruncated(), doc.textSource(), doc.needsOcr(), Json.readStringMap(row.metadataJson()),
                    Json.readStringList(row.warningsJson()), visibility, Instant.parse(row.ingestedAt()), requisites,
                    Status.shown(requisites.kind(), statuses.get(insertion.id())), List.copyOf(cited), null, null)));
        }
        return result;
    }

    /** Several documents read in one go, in the order given; ids not in the catalogue are left out. */
    public List<DocumentRecord> getAll(Collection<Long> ids) {
        return db.read(c -> {
            List<DocumentRecord> records = new ArrayList<>(ids.size());
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM documents WHERE id = ?")) {
                for (long id : ids) {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            records.add(toRecord(c, rs));
                        }
                    }
                }
            }
            return records;
        });
    }

    /**
     * Runs {@code work} so that the catalogue writes it makes (through any store over this database)
     * commit together: one transaction, one fsync, all or nothing.
     */
    public void inOneTransaction(Runnable work) {
        db.write(c -> {
            work.run();
            return null;
        });
    }

    public Optional<Long> findIdBySha(String sha256) {
        return db.read(c -> findIdBySha(c, sha256));
    }

    public Optional<DocumentRecord> get(long id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM documents WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(toRecord(c, rs)) : Optional.empty();
                }
            }
        });
    }

    /** Streams every document in id order without holding them all in memory. */
    public void forEach(Consumer<DocumentRecord> action) {
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM documents ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    action.accept(toRecord(c, rs));
                }
            }
            return null;
        });
    }

    public List<Long> unindexedIds() {
        return db.read(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM documents WHERE indexed = 0 ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
    }

    public void markIndexed(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE documents SET indexed = 1 WHERE id = ?")) {
                for (long id : ids) {
                    ps.setLong(1, id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    public long count() {
        return db.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM documents")) {
                return rs.getLong(1);
            }
        });
    }

    /** Document counts grouped by one catalogue column, largest first. */
    public Map<String, Long> countBy(StatColumn column) {
        return db.read(c -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            String sql = "SELECT coalesce(" + column.sql() + ", '') AS v, count(*) FROM documents GROUP BY v ORDER BY 2 DESC, 1";
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
            return counts;
        });
    }

    /** Columns that statistics may group by; a closed list, so no user text reaches the SQL. */
    public enum StatColumn {
        KIND("kind"), FORMAT("format"), TEXT_SOURCE("text_source"), VISIBILITY("visibility");

        private final String sql;

        StatColumn(String sql) {
            this.sql = sql;
        }

        String sql() {
            return sql;
        }
    }

    /** The document's citations and the archive documents linked to it, both ways. */
    public DocumentLinks links(long id) {
        return db.read(c -> new DocumentLinks(
                Citations.of(c, id),
                Citations.citing(c, id, Relation.APPROVED_BY),
                targets(c, id, Relation.APPROVED_BY),
                targets(c, id, Relation.AMENDS),
                Citations.citing(c, id, Relation.AMENDS),
                targets(c, id, Relation.REPEALS),
                Citations.citing(c, id, Relation.REPEALS),
                Citations.citing(c, id, null)));
    }

    /** Documents whose status or links may have changed with this one: they need re-indexing too. */
    public Set<Long> neighbours(long id) {
        return db.read(c -> Citations.neighbours(c, id));
    }

    /** The corrections stored for one document, field by field. */
    public Map<String, String> overrides(long id) {
        return db.read(c -> overrides(c, id));
    }

    /**
     * Stores an administrator's correction of one requisite (an empty value clears the field), with
     * an audit entry holding the old and new value; links are re-resolved when number or date change.
     * Returns the other documents that lost a link by it, whose status may have changed; the ones
     * linked now are {@link #neighbours}.
     */
    public Set<Long> setOverride(long id, String field, String value, String actor) {
        String checked = RequisiteOverrides.validate(field, value);
        return db.write(c -> {
            requireDocument(c, id);
            String before = overrides(c, id).get(field);
            Citations.ActKey citedAs = Citations.actKey(c, id);
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO overrides (document_id, field, value, actor, at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (document_id, field) DO UPDATE SET value = excluded.value,
                        actor = excluded.actor, at = excluded.at""")) {
                ps.setLong(1, id);
                ps.setString(2, field);
                ps.setString(3, checked);
                ps.setString(4, actor);
                ps.setString(5, clock.instant().toString());
                ps.executeUpdate();
            }
            updateEffectiveColumns(c, id);
            Set<Long> unlinked = new java.util.TreeSet<>(Citations.afterActKeyChange(c, id, citedAs));
            unlinked.addAll(Citations.resolveAround(c, id));
            unlinked.remove(id);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("field", field);
            details.put("from", before);
            details.put("to", checked);
            audit(c, actor, "edit", "document:" + id, details);
            return unlinked;
        });
    }

    /** The visibility values the documents table accepts; anything else is refused with a Russian message. */
    public static String requireVisibility(String visibility) {
        if (!"public".equals(visibility) && !"internal".equals(visibility)) {
            throw new IllegalArgumentException("видимость может быть public или internal");
        }
        return visibility;
    }

    /** Makes a document public or internal; the change is audited. */
    public void setVisibility(long id, String visibility, String actor) {
        requireVisibility(visibility);
        db.write(c -> {
            String before = column(c, id, "visibility");
            if (!visibility.equals(before)) {
                update(c, id, "UPDATE documents SET visibility = ? WHERE id = ?", visibility);
                audit(c, actor, "visibility", "document:" + id, Map.of("from", before, "to", visibility));
            }
            return null;
        });
    }

    /** Takes a document out of every view but administrators'; nothing is deleted. */
    public void withdraw(long id, String reason, String actor) {
        db.write(c -> {
            if (column(c, id, "withdrawn_at") == null) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE documents SET withdrawn_at = ?, withdrawn_reason = ? WHERE id = ?")) {
                    ps.setString(1, clock.instant().toString());
                    ps.setString(2, reason == null || reason.isBlank() ? null : reason.strip());
                    ps.setLong(3, id);
                    ps.executeUpdate();
                }
                audit(c, actor, "withdraw", "document:" + id, Map.of("reason", reason == null ? "" : reason.strip()));
            }
            return null;
        });
    }

    /** Brings a withdrawn document back with the visibility it had. */
    public void restore(long id, String actor) {
        db.write(c -> {
            if (column(c, id, "withdrawn_at") != null) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE documents SET withdrawn_at = NULL, withdrawn_reason = NULL WHERE id = ?")) {
                    ps.setLong(1, id);
                    ps.executeUpdate();
                }
                audit(c, actor, "restore", "document:" + id, Map.of());
            }
            return null;
        });
    }

    /** The newest documents first, a page at a time, for the administrators' list. */
    public List<Long> newestIds(int offset, int limit) {
        return db.read(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM documents ORDER BY id DESC LIMIT ? OFFSET ?")) {
                ps.setInt(1, limit);
                ps.setInt(2, offset);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            return ids;
        });
    }

    // Only the fixed column names of the two methods above reach this string.
    private static String column(Connection c, long id, String column) throws SQLException {
        requireDocument(c, id);
        try (PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM documents WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static void update(Connection c, long id, String sql, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    /**
     * Replaces what the extractor read (after an extractor update), for several documents in one
     * transaction; corrections stay as they are.
     */
    public void replaceRequisites(Map<Long, ExtractedRequisites> byId) {
        db.write(c -> {
            for (Map.Entry<Long, ExtractedRequisites> entry : byId.entrySet()) {
                replaceRequisites(c, entry.getKey(), entry.getValue());
            }
            return null;
        });
    }

    private static void replaceRequisites(Connection c, long id, ExtractedRequisites extracted) throws SQLException {
        Citations.ActKey citedAs = Citations.actKey(c, id);
        try (PreparedStatement ps = c.prepareStatement("UPDATE documents SET requisites_json = ? WHERE id = ?")) {
            ps.setString(1, Json.write(extracted.requisites()));
            ps.setLong(2, id);
            ps.executeUpdate();
        }
        updateEffectiveColumns(c, id);
        Citations.delete(c, id);
        Citations.insert(c, id, extracted.citations());
        Citations.afterActKeyChange(c, id, citedAs);
        Citations.resolveAround(c, id);
    }

    /** Documents about an organisation: reports and conclusions naming it, acts it issued. */
    public List<Long> idsAbout(java.util.Collection<String> organisationIds, String issuerName) {
        return db.read(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(aboutSql(organisationIds.size()))) {
                ps.setString(1, issuerName);
                int i = 2;
                if (organisationIds.isEmpty()) {
                    ps.setString(i, "");
                }
                for (String orgId : organisationIds) {
                    ps.setString(i++, orgId);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            return ids;
        });
    }

    /**
     * The query of {@link #idsAbout} for this many organisation ids; package-private so a test can
     * check that SQLite answers it from the indexes of migration V9, whose expression it must match.
     */
    static String aboutSql(int organisationIds) {
        String in = String.join(",", java.util.Collections.nCopies(Math.max(1, organisationIds), "?"));
        return "SELECT id FROM documents WHERE issuer = ? "
                + "OR json_extract(requisites_json, '$.organisation') IN (" + in + ") ORDER BY act_date, id";
    }

    /** Ids of every document, for whole-archive passes such as re-extraction. */
    public List<Long> allIds() {
        return db.read(c -> {
            List<Long> ids = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id FROM documents ORDER BY id")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
    }

    private static List<Long> targets(Connection c, long id, Relation relation) throws SQLException {
        List<Long> ids = new ArrayList<>();
        for (ResolvedCitation citation : Citations.of(c, id)) {
            if (citation.relation() == relation && citation.targetId() != null && !ids.contains(citation.targetId())) {
                ids.add(citation.targetId());
            }
        }
        return ids;
    }

    private static void requireDocument(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM documents WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("документа № " + id + " нет в архиве");
                }
            }
        }
    }

    /** Copies the effective kind, issuer, date and number into their columns, which lookups join on. */
    private static void updateEffectiveColumns(Connection c, long id) throws SQLException {
        String json;
        try (PreparedStatement ps = c.prepareStatement("SELECT requisites_json FROM documents WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                json = rs.getString(1);
            }
        }
        Requisites r = RequisiteOverrides.apply(Json.read(json, Requisites.class), overrides(c, id));
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE documents SET kind = ?, issuer = ?, act_date = ?, act_number = ? WHERE id = ?")) {
            ps.setString(1, r.kind());
            ps.setString(2, r.issuer());
            ps.setString(3, r.date() == null ? null : r.date().toString());
            ps.setString(4, r.number());
            ps.setLong(5, id);
            ps.executeUpdate();
        }
    }

    private static List<String> citedNumbers(Connection c, long id) throws SQLException {
        List<String> numbers = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT act_number FROM citations WHERE document_id = ? GROUP BY act_number ORDER BY min(position)")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    numbers.add(rs.getString(1));
                }
            }
        }
        return numbers;
    }

    private static Map<String, String> overrides(Connection c, long id) throws SQLException {
        Map<String, String> result = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT field, value FROM overrides WHERE document_id = ? ORDER BY field")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return result;
    }

    /** The audit entries of one target, oldest first. */
    public List<AuditEntry> auditTrail(String target) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT at, actor, action, target, details FROM audit_log WHERE target = ? ORDER BY id")) {
                ps.setString(1, target);
                return auditEntries(ps);
            }
        });
    }

    private static List<AuditEntry> auditEntries(PreparedStatement ps) throws SQLException {
        List<AuditEntry> entries = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                entries.add(new AuditEntry(Instant.parse(rs.getString(1)), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5)));
            }
        }
        return entries;
    }

    /** Audit entries matching {@code q}, newest first. */
    public List<AuditEntry> auditLog(AuditQuery q) {
        return db.read(c -> {
            StringBuilder sql = new StringBuilder("SELECT at, actor, action, target, details FROM audit_log WHERE 1 = 1");
            List<String> args = new ArrayList<>();
            if (q.actor() != null) {
                sql.append(" AND actor = ?");
                args.add(q.actor());
            }
            if (q.action() != null) {
                sql.append(" AND action = ?");
                args.add(q.action());
            }
            if (q.target() != null) {
                sql.append(" AND (target = ? OR target LIKE ? ESCAPE '\\')");
                args.add(q.target());
                args.add(q.target().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + (q.target().endsWith(":") ? "%" : ":%"));
            }
            if (q.from() != null) {
                sql.append(" AND at >= ?");
                args.add(q.from().toString());
            }
            if (q.to() != null) {
                sql.append(" AND at < ?");
                args.add(q.to().plusDays(1).toString());
            }
            sql.append(" ORDER BY id DESC LIMIT ").append(q.limit()).append(" OFFSET ").append(q.offset());
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setString(i + 1, args.get(i));
                }
                return auditEntries(ps);
            }
        });
    }

    /** The distinct actions in the audit log, for the filter's list. */
    public List<String> auditActions() {
        return db.read(c -> {
            List<String> actions = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT DISTINCT action FROM audit_log ORDER BY action")) {
                while (rs.next()) {
                    actions.add(rs.getString(1));
                }
            }
            return actions;
        });
    }

    private void audit(Connection c, String actor, String action, String target, Map<String, ?> details)
            throws SQLException {
        AuditLog.write(c, clock, actor, action, target, details);
    }

    private static Optional<Long> findIdBySha(Connection c, String sha256) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM documents WHERE sha256 = ?")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private static DocumentRecord toRecord(Connection c, ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        Requisites extracted = Json.read(rs.getString("requisites_json"), Requisites.class);
        Requisites effective = RequisiteOverrides.apply(extracted, overrides(c, id));
        return new DocumentRecord(
                rs.getLong("id"),
                rs.getString("sha256"),
                rs.getString("source_name"),
                rs.getString("source_path"),
                rs.getString("media_type"),
                rs.getString("format"),
                rs.getLong("size_bytes"),
                rs.getString("title"),
                rs.getString("text"),
                rs.getInt("text_truncated") == 1,
                TextSource.fromDb(rs.getString("text_source")),
                rs.getInt("needs_ocr") == 1,
                Json.readStringMap(rs.getString("metadata_json")),
                Json.readStringList(rs.getString("warnings_json")),
                rs.getString("visibility"),
                Instant.parse(rs.getString("ingested_at")),
                effective,
                Status.shown(effective.kind(), rs.getString("status")),
                citedNumbers(c, id),
                rs.getString("withdrawn_at") == null ? null : Instant.parse(rs.getString("withdrawn_at")),
                rs.getString("withdrawn_reason"));
    }
}
