package ru.soko.registry;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link RegistryQuery} and a sort field as SQL over {@code registry_records}, matching exactly as
 * {@link RegistryQuery#matches} and the table's sort do. Field names reach the SQL text only as
 * {@link RegistryIndexes} literals (names of letters and digits) or as JSON paths in parameters, and
 * only names the registry describes are accepted.
 *
 * <p>Where a field has an index, a filter is turned into exact values the index answers: a whole
 * number is one value; for text, the field's distinct values are read from the index (when there are
 * few) and the filter becomes the list of those containing the wanted text — the same records as
 * «contains», without reading any record. A filter every record passes is left out.
 *
 * @param where      a condition (without {@code WHERE}) over the columns of {@code registry_records}
 * @param params     its parameters, in order
 * @param statusOnly true when the condition is the registry and at most a status: the kept counts answer it
 * @param status     the status wanted, or null
 */
record RegistrySql(String where, List<Object> params, boolean statusOnly, String status) {

    /** The distinct sort keys of an indexed field, or nothing when it has no index or too many values. */
    interface DistinctKeys {
        Optional<List<String>> of(String field) throws SQLException;
    }

    /**
     * A field's filter: any list item, or the value itself, contains the wanted text (lower case,
     * «ё» as «е»); a number must equal it. Parameters: path, path, wanted, wanted, path, wanted, path, wanted.
     */
    private static final String FIELD = """
            (CASE json_type(folded, ?)
               WHEN 'array' THEN EXISTS (SELECT 1 FROM json_each(folded, ?) j WHERE
                   CASE j.type WHEN 'text' THEN instr(replace(j.value, 'ё', 'е'), ?) > 0
                               WHEN 'integer' THEN CAST(j.value AS TEXT) = ? ELSE 0 END)
               WHEN 'text' THEN instr(replace(json_extract(folded, ?), 'ё', 'е'), ?) > 0
               WHEN 'integer' THEN CAST(json_extract(folded, ?) AS TEXT) = ?
               ELSE 0 END)""";

    /** A record is valid on a date (three parameters: the date) — see RegistryQuery.validOn. */
    private static final String VALID_ON = """
            NOT (status = 'исключён' AND status_date IS NOT NULL AND ? >= status_date)
            AND coalesce(? >= coalesce(json_extract(data_json, '$.certifiedOn'), json_extract(data_json, '$.periodFrom'),
                                      json_extract(data_json, '$.dateFrom'), json_extract(data_json, '$.includedOn')), 1)
            AND coalesce(? <= coalesce(json_extract(data_json, '$.validUntil'), json_extract(data_json, '$.periodTo'),
                                      json_extract(data_json, '$.dateTo')), 1)""";

    /**
     * The table's sort key: the value as shown (a list joined by «; »), in lower case; no value
     * sorts first as an empty text. Parameters: path, path, path.
     */
    static final String SORT_KEY = """
            CASE json_type(folded, ?)
              WHEN 'array' THEN coalesce((SELECT group_concat(j.value, '; ' ORDER BY j.key) FROM json_each(folded, ?) j), '')
              ELSE coalesce(CAST(json_extract(folded, ?) AS TEXT), '') END""";

    /** Without indexes: every filter as the general condition (the path the indexed one must agree with). */
    static RegistrySql of(RegistrySpec spec, RegistryQuery query) {
        try {
            return of(spec, query, null, field -> Optional.empty());
        } catch (SQLException e) {
            throw new IllegalStateException(e); // no database is consulted
        }
    }

    static RegistrySql of(RegistrySpec spec, RegistryQuery query, RegistryIndexes indexes, DistinctKeys distinct) throws SQLException {
        boolean literal = indexes != null && indexes.covers(spec);
        StringBuilder where = new StringBuilder(literal ? RegistryIndexes.registryIs(spec.name()) : "registry = ?");
        List<Object> params = new ArrayList<>(literal ? List.of() : List.of(spec.name()));
        boolean statusOnly = true;
        String status = null;
        if (query.status() != null) {
            // Statuses are two fixed words; comparing in Java keeps equalsIgnoreCase for Cyrillic.
            status = List.of(RegistryRecord.ACTIVE, RegistryRecord.WITHDRAWN).stream()
                    .filter(s -> s.equalsIgnoreCase(query.status())).findFirst().orElse(null);
            if (status == null) {
                where.append(" AND 0");
                statusOnly = false;
            } else {
                where.append(" AND status = ?");
                params.add(status);
            }
        }
        for (Map.Entry<String, String> f : query.fields().entrySet()) {
            String path = path(spec, f.getKey());
            String wanted = f.getValue().toLowerCase(Locale.ROOT).replace('ё', 'е');
            FieldSpec field = spec.field(f.getKey()).orElseThrow();
            boolean indexed = indexes != null && indexes.index(spec, field.name()).isPresent();
            // An empty filter matches an empty text but not a missing value, which the index cannot tell apart.
            if (indexed && !wanted.isEmpty()) {
                String key = RegistryIndexes.key(field.name());
                if (field.fieldType() == FieldType.INT) {
                    // A number matches whole, and an int field holds only numbers.
                    where.append(" AND ").append(key).append(" = ?");
                    params.add(wanted);
                    statusOnly = false;
                    continue;
                }
                Optional<List<String>> keys = distinct.of(field.name());
                if (keys.isPresent()) {
                    List<String> matching = keys.get().stream().filter(k -> k.replace('ё', 'е').contains(wanted)).toList();
                    if (matching.size() < keys.get().size()) { // else every record has a value and every value matches
                        where.append(" AND ").append(matching.isEmpty() ? "0" : key + " IN ("
                                + String.join(", ", java.util.Collections.nCopies(matching.size(), "?")) + ")");
                        params.addAll(matching);
                        statusOnly = false;
                    }
                    continue;
                }
            }
            where.append(" AND ").append(FIELD);
            params.addAll(List.of(path, path, wanted, wanted, path, wanted, path, wanted));
            statusOnly = false;
        }
        if (query.validOn() != null) {
            String date = query.validOn().toString();
            where.append(" AND ").append(VALID_ON);
            params.addAll(List.of(date, date, date));
            statusOnly = false;
        }
        return new RegistrySql(where.toString(), List.copyOf(params), statusOnly, status);
    }

    /** The JSON path of a field the registry describes; anything else is refused. */
    static String path(RegistrySpec spec, String field) {
        if (spec.field(field).isEmpty()) {
            throw new IllegalArgumentException("в реестре " + spec.name() + " нет поля «" + field + "»");
        }
        if (field.contains("\"")) {
            throw new IllegalArgumentException("имя поля «" + field + "» не годится для запроса");
        }
        // Quoted, so a name with a dot or a bracket is one key, never a path into the value.
        return "$.\"" + field + "\"";
    }

}
