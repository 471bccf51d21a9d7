package ru.soko.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One expression index per registry field that holds a single value (every type but lists), over
 * the field's sort key — the folded value as text, no value as an empty text — and only the
 * registry's own rows (a partial index). Sorting by such a field walks its index instead of
 * computing the key for every record, and a filter that comes down to a few exact values (a whole
 * number, the values of an enumeration or of a text column with few distinct values) is answered
 * from it. Built from the registry description when the archive opens, so a field added to
 * {@code registries.json} gets its index on the next start.
 *
 * <p>The JSON path and the registry name are literals in the SQL text (SQLite matches an index
 * expression and a partial index's condition only against literals), so only names of letters,
 * digits, «-» and «_» are indexed; any other name keeps the slower, unindexed path.
 */
final class RegistryIndexes {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-]+");
    private static final String PREFIX = "registry_field_";

    /** registry → field → index name, for the indexes that exist. */
    private final Map<String, Map<String, String>> names = new HashMap<>();
    private boolean built;

    private RegistryIndexes() {
    }

    /** Creates the missing indexes for every registry described, drops those no longer described. */
    static RegistryIndexes create(Connection c, RegistryCatalogue catalogue) throws SQLException {
        RegistryIndexes indexes = new RegistryIndexes();
        Map<String, String> wanted = new LinkedHashMap<>();
        for (RegistrySpec spec : catalogue.all()) {
            for (FieldSpec f : spec.fields()) {
                if (indexable(spec, f)) {
                    String sql = "ON registry_records (" + key(f.name()) + ") WHERE " + registryIs(spec.name());
                    String name = PREFIX + spec.name().replace('-', '_') + "_" + f.name() + "_" + Integer.toHexString(sql.hashCode());
                    wanted.put(name, sql);
                    indexes.names.computeIfAbsent(spec.name(), k -> new HashMap<>()).put(f.name(), name);
                }
            }
        }
        List<String> existing = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'registry_records' AND name LIKE 'registry\\_field\\_%' ESCAPE '\\'");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                existing.add(rs.getString(1));
            }
        }
        try (Statement st = c.createStatement()) {
            for (String name : existing) {
                if (!wanted.containsKey(name)) {
                    st.execute("DROP INDEX \"" + name + "\"");
                }
            }
            for (Map.Entry<String, String> index : wanted.entrySet()) {
                if (!existing.contains(index.getKey())) {
                    st.execute("CREATE INDEX \"" + index.getKey() + "\" " + index.getValue());
                    indexes.built = true;
                }
            }
        }
        if (indexes.built || !analysed(c)) {
            analyse(c);
        }
        return indexes;
    }

    /**
     * Statistics of the registry table's indexes (sqlite_stat1), so SQLite counts a filter along its
     * field's index rather than along the registry-and-status index, which without statistics looks
     * as good and at a million records is not. Read whole (3.7 s at 1M records on the busy test
     * machine): sampled statistics ({@code analysis_limit}) said every index had ~1 000 rows per value.
     */
    static void analyse(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("ANALYZE registry_records");
        }
    }

    private static boolean analysed(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_stat1'")) {
            if (rs.getLong(1) == 0) {
                return false;
            }
        }
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'registry_records'")) {
            return rs.getLong(1) > 0;
        }
    }

    static boolean indexable(RegistrySpec spec, FieldSpec field) {
        return field.fieldType() != FieldType.LIST && SAFE.matcher(spec.name()).matches() && SAFE.matcher(field.name()).matches();
    }

    /** Whether the registry's fields are indexed (then its queries name it literally). */
    boolean covers(RegistrySpec spec) {
        return names.containsKey(spec.name());
    }

    /** The index over a field, if it has one. */
    Optional<String> index(RegistrySpec spec, String field) {
        return Optional.ofNullable(names.getOrDefault(spec.name(), Map.of()).get(field));
    }

    /**
     * A single-valued field's sort key, as the index holds it: the folded value as text (a number
     * as its digits), no value as an empty text. Only for names {@link #indexable} accepts.
     */
    static String key(String field) {
        return "coalesce(CAST(json_extract(folded, '$.\"" + field + "\"') AS TEXT), '')";
    }

    /** The partial indexes' condition; a query must repeat it literally for SQLite to use them. */
    static String registryIs(String registry) {
        return "registry = '" + registry + "'";
    }

    /**
     * The distinct sort keys of a field (the empty text among them when some record has no value),
     * in order, or nothing when there are more than {@code limit}. One index seek per value (a
     * loose index scan), so a field of a few dozen values answers in well under a millisecond
     * however many records the registry has.
     */
    Optional<List<String>> distinctKeys(Connection c, RegistrySpec spec, String field, int limit) throws SQLException {
        Optional<String> index = index(spec, field);
        if (index.isEmpty()) {
            return Optional.empty();
        }
        String key = key(field);
        // Named, because SQLite's sampled statistics make the registry-and-status index look as
        // good, and a sort over all records for each step is what this query exists to avoid.
        String from = " FROM registry_records INDEXED BY \"" + index.get() + "\" WHERE " + registryIs(spec.name());
        String sql = "WITH RECURSIVE d(v) AS (SELECT (SELECT " + key + from + " ORDER BY " + key + " LIMIT 1)"
                + " UNION ALL SELECT (SELECT " + key + from + " AND " + key + " > d.v ORDER BY " + key + " LIMIT 1)"
                + " FROM d WHERE d.v IS NOT NULL) SELECT v FROM d WHERE v IS NOT NULL LIMIT ?";
        List<String> keys = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, limit + 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
        }
        return keys.size() > limit ? Optional.empty() : Optional.of(keys);
    }
}
