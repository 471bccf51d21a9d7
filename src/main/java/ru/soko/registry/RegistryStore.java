package ru.soko.registry;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import ru.soko.catalog.Database;
import ru.soko.util.Json;

/** The registry tables of {@code archive.db}. All of one import is written in one transaction. */
public final class RegistryStore {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    /** A field's distinct values are read from its index up to this many; a field with more is filtered by reading records. */
    static final int DISTINCT_LIMIT = 256;

    private final Database db;
    private final Clock clock;
    private final RegistryIndexes indexes;

    /** With the registries of the built-in description. */
    public RegistryStore(Database db, Clock clock) {
        this(db, clock, RegistryCatalogue.load(java.util.Optional.empty()));
    }

    /** Opens the registry tables: fills folded values written before V6 and builds the field indexes the description asks for. */
    public RegistryStore(Database db, Clock clock, RegistryCatalogue catalogue) {
        this.db = db;
        this.clock = clock;
        fillFolded();
        this.indexes = db.write(c -> RegistryIndexes.create(c, catalogue));
    }

    /** Records written before folded values were kept (schema V6) get them once, at open. */
    private void fillFolded() {
        db.write(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT id, data_json FROM registry_records WHERE folded IS NULL");
                 PreparedStatement update = c.prepareStatement("UPDATE registry_records SET folded = jsonb(?) WHERE id = ?");
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    update.setString(1, FoldedValues.json(Json.mapper().readValue(rs.getString(2), MAP)));
                    update.setLong(2, rs.getLong(1));
                    update.executeUpdate();
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
    }

    /**
     * The records matching a query, sorted by a field's shown value in lower case (then by id, the
     * order of import; without a sort field, in the order of import), from offset, at most limit of
     * them, with the count of all matching records.
     */
    public RegistryPage page(RegistrySpec spec, RegistryQuery query, String sortField, long offset, int limit) {
        return page(spec, query, sortField, offset, limit, Walk.CHOOSE);
    }

    /** How a page's records are found when the sort field has an index. */
    enum Walk {
        /** By the estimate below. */
        CHOOSE,
        /** Along the sort field's index, checking each record against the filters, until the page is full. */
        SORT_INDEX,
        /** All matching records (by whatever index SQLite picks), then sorted. */
        MATCHES
    }

    RegistryPage page(RegistrySpec spec, RegistryQuery query, String sortField, long offset, int limit, Walk walk) {
        String path = sortField == null ? null : RegistrySql.path(spec, sortField);
        return db.read(c -> {
            RegistrySql sql = RegistrySql.of(spec, query, indexes,
                    field -> indexes.distinctKeys(c, spec, field, DISTINCT_LIMIT));
            long total = sql.statusOnly() ? kept(c, spec.name(), sql.status()) : count(c, sql);
            if (limit <= 0 || offset >= total) {
                return new RegistryPage(List.of(), total);
            }
            Optional<String> index = path == null ? Optional.empty() : indexes.index(spec, sortField);
            String from = "registry_records";
            String order = "id";
            List<Object> params = new ArrayList<>(sql.params());
            if (index.isPresent()) {
                order = RegistryIndexes.key(sortField) + ", id";
                // Walking the sort index visits about (offset + limit) × records / matches rows;
                // taking the matches visits all of them and sorts them. The cheaper one wins:
                // SQLite cannot know how many records a filter of several values leaves.
                double viaIndex = (offset + limit) * (double) kept(c, spec.name(), null) / total;
                if (walk == Walk.SORT_INDEX || walk == Walk.CHOOSE && viaIndex <= total) {
                    from += " INDEXED BY \"" + index.get() + "\"";
                }
            } else if (path != null) {
                order = RegistrySql.SORT_KEY + ", id";
                params.addAll(List.of(path, path, path));
            }
            // Only ids go through the sorter, never whole records; the page's records are read by id afterwards.
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM " + from + " WHERE " + sql.where()
                    + " ORDER BY " + order + " LIMIT ? OFFSET ?")) {
                int i = bind(ps, params, 1);
                ps.setInt(i++, limit);
                ps.setLong(i, offset);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            return new RegistryPage(byIds(c, ids), total);
        });
    }

    /** The kept number of a registry's records (V7), of one status or all. */
    private static long kept(Connection c, String registry, String status) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(sum(n), 0) FROM registry_counts WHERE registry = ?"
                + (status == null ? "" : " AND status = ?"))) {
            ps.setString(1, registry);
            if (status != null) {
                ps.setString(2, status);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.getLong(1);
            }
        }
    }

    private static long count(Connection c, RegistrySql sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.countSql())) {
            bind(ps, sql.countParams(), 1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.getLong(1);
            }
        }
    }

    /** Records by id, in the order of the ids given. */
    private static List<RegistryRecord> byIds(Connection c, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, RegistryRecord> found = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, registry, record_key, data_json, status, status_date FROM registry_records WHERE id IN ("
                + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ")")) {
            bind(ps, new ArrayList<>(ids), 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    RegistryRecord r = toRecord(rs);
                    found.put(r.id(), r);
                }
            }
        }
        return ids.stream().map(found::get).toList();
    }

    private static int bind(PreparedStatement ps, List<Object> params, int from) throws SQLException {
        int i = from;
        for (Object p : params) {
            ps.setObject(i++, p);
        }
        return i;
    }

    /** A change to apply in one import: the new values of a record, or its withdrawal. */
    public record Change(String key, Map<String, Object> data, String status, LocalDate statusDate, String action,
                         Map<String, Object> diff) {
    }

    public void apply(String registry, List<Change> changes, String actor) {
        db.write(c -> {
            apply(c, registry, changes, actor);
            return null;
        });
    }

    /**
     * Refreshes the statistics SQLite plans registry queries with; after an import, whose size may
     * have changed how many records each value of a field has.
     */
    void analyse() {
        db.write(c -> {
            RegistryIndexes.analyse(c);
            return null;
        });
    }

    /** Applies changes inside a transaction the caller holds (see {@link #session}). */
    void apply(Connection c, String registry, List<Change> changes, String actor) throws SQLException {
        for (Change ch : changes) {
            Optional<RegistryRecord> existing = find(c, registry, ch.key());
            long id;
            if (existing.isEmpty()) {
                id = insert(c, registry, ch);
            } else {
                id = existing.get().id();
                update(c, id, ch);
            }
            history(c, id, actor, ch.action(), ch.diff());
        }
    }

    /**
     * Runs work in one write transaction (all of it is committed or none), or, when nothing is to
     * be written, on a reading connection, so a dry run does not hold up writers.
     */
    <T> T session(boolean write, Database.Work<T> work) {
        return write ? db.write(work) : db.read(work);
    }

    /** The stored records of the given keys, by key. */
    Map<String, RegistryRecord> byKeys(Connection c, String registry, List<String> keys) throws SQLException {
        Map<String, RegistryRecord> records = new java.util.HashMap<>();
        if (keys.isEmpty()) {
            return records;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id, registry, record_key, data_json, status, status_date"
                + " FROM registry_records WHERE registry = ? AND record_key IN ("
                + String.join(", ", java.util.Collections.nCopies(keys.size(), "?")) + ")")) {
            ps.setString(1, registry);
            bind(ps, new ArrayList<>(keys), 2);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    RegistryRecord r = toRecord(rs);
                    records.put(r.key(), r);
                }
            }
        }
        return records;
    }

    /** At most {@code limit} records of a registry with ids above {@code afterId}, in id order: a registry read in batches. */
    List<RegistryRecord> after(Connection c, String registry, long afterId, int limit) throws SQLException {
        List<RegistryRecord> records = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, registry, record_key, data_json, status, status_date"
                + " FROM registry_records WHERE registry = ? AND id > ? ORDER BY id LIMIT ?")) {
            ps.setString(1, registry);
            ps.setLong(2, afterId);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    records.add(toRecord(rs));
                }
            }
        }
        return records;
    }

    /**
     * Every record of a registry matching a query, in import order, read in batches of
     * {@code batchSize} so memory stays bounded however large the registry (export, indexing).
     */
    public void forEach(RegistrySpec spec, RegistryQuery query, int batchSize, java.util.function.Consumer<RegistryRecord> action) {
        long after = 0;
        while (true) {
            long from = after;
            List<RegistryRecord> batch = db.read(c -> after(c, spec.name(), from, batchSize));
            if (batch.isEmpty()) {
                return;
            }
            batch.stream().filter(r -> query.matches(spec, r)).forEach(action);
            after = batch.get(batch.size() - 1).id();
        }
    }

    public Map<String, RegistryRecord> byKey(String registry) {
        return db.read(c -> {
            Map<String, RegistryRecord> records = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, registry, record_key, data_json, status, status_date FROM registry_records WHERE registry = ? ORDER BY id")) {
                ps.setString(1, registry);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        RegistryRecord r = toRecord(rs);
                        records.put(r.key(), r);
                    }
                }
            }
            return records;
        });
    }

    public Optional<RegistryRecord> get(long id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, registry, record_key, data_json, status, status_date FROM registry_records WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(toRecord(rs)) : Optional.empty();
                }
            }
        });
    }

    public List<HistoryEntry> history(long recordId) {
        return db.read(c -> {
            List<HistoryEntry> entries = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT at, actor, action, changes_json FROM registry_history WHERE record_id = ? ORDER BY id")) {
                ps.setLong(1, recordId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new HistoryEntry(Instant.parse(rs.getString(1)), rs.getString(2), rs.getString(3),
                                Json.mapper().readValue(rs.getString(4), MAP)));
                    }
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return entries;
        });
    }

    /** The number of a registry's records, withdrawn ones included: the kept count, not a scan. */
    public long count(String registry) {
        return db.read(c -> kept(c, registry, null));
    }

    public Optional<RegistryRecord> find(String registry, String key) {
        return db.read(c -> find(c, registry, key));
    }

    private Optional<RegistryRecord> find(Connection c, String registry, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, registry, record_key, data_json, status, status_date FROM registry_records WHERE registry = ? AND record_key = ?")) {
            ps.setString(1, registry);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(toRecord(rs)) : Optional.empty();
            }
        }
    }

    private long insert(Connection c, String registry, Change ch) throws SQLException {
        String now = clock.instant().toString();
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO registry_records (registry, record_key, data_json, status, status_date, created_at, updated_at, folded)
                VALUES (?, ?, ?, ?, ?, ?, ?, jsonb(?))""", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, registry);
            ps.setString(2, ch.key());
            ps.setString(3, Json.write(ch.data()));
            ps.setString(4, ch.status());
            ps.setString(5, ch.statusDate() == null ? null : ch.statusDate().toString());
            ps.setString(6, now);
            ps.setString(7, now);
            ps.setString(8, FoldedValues.json(ch.data()));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private void update(Connection c, long id, Change ch) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE registry_records SET data_json = ?, status = ?, status_date = ?, updated_at = ?, folded = jsonb(?) WHERE id = ?")) {
            ps.setString(1, Json.write(ch.data()));
            ps.setString(2, ch.status());
            ps.setString(3, ch.statusDate() == null ? null : ch.statusDate().toString());
            ps.setString(4, clock.instant().toString());
            ps.setString(5, FoldedValues.json(ch.data()));
            ps.setLong(6, id);
            ps.executeUpdate();
        }
    }

    private void history(Connection c, long id, String actor, String action, Map<String, Object> diff) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO registry_history (record_id, at, actor, action, changes_json) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, clock.instant().toString());
            ps.setString(3, actor);
            ps.setString(4, action);
            ps.setString(5, Json.write(diff));
            ps.executeUpdate();
        }
    }

    private static RegistryRecord toRecord(ResultSet rs) throws SQLException {
        try {
            String statusDate = rs.getString(6);
            return new RegistryRecord(rs.getLong(1), rs.getString(2), rs.getString(3),
                    Json.mapper().readValue(rs.getString(4), MAP), rs.getString(5),
                    statusDate == null ? null : LocalDate.parse(statusDate));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean same(Object a, Object b) {
        return Objects.equals(a == null ? null : a.toString(), b == null ? null : b.toString());
    }
}
