package ru.soko.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link RegistryQuery} and a sort field as SQL over {@code registry_records}, matching exactly as
 * {@link RegistryQuery#matches} and the table's sort do. The SQL text is fixed; field names travel as
 * JSON paths in parameters, and only names the registry describes are accepted.
 *
 * @param where  a condition (without {@code WHERE}) over the columns of {@code registry_records}
 * @param params its parameters, in order
 */
record RegistrySql(String where, List<Object> params) {

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

    static RegistrySql of(RegistrySpec spec, RegistryQuery query) {
        StringBuilder where = new StringBuilder("registry = ?");
        List<Object> params = new ArrayList<>(List.of(spec.name()));
        if (query.status() != null) {
            // Statuses are two fixed words; comparing in Java keeps equalsIgnoreCase for Cyrillic.
            String status = List.of(RegistryRecord.ACTIVE, RegistryRecord.WITHDRAWN).stream()
                    .filter(s -> s.equalsIgnoreCase(query.status())).findFirst().orElse(null);
            if (status == null) {
                where.append(" AND 0");
            } else {
                where.append(" AND status = ?");
                params.add(status);
            }
        }
        for (Map.Entry<String, String> f : query.fields().entrySet()) {
            String path = path(spec, f.getKey());
            String wanted = f.getValue().toLowerCase(Locale.ROOT).replace('ё', 'е');
            where.append(" AND ").append(FIELD);
            params.addAll(List.of(path, path, wanted, wanted, path, wanted, path, wanted));
        }
        if (query.validOn() != null) {
            String date = query.validOn().toString();
            where.append(" AND ").append(VALID_ON);
            params.addAll(List.of(date, date, date));
        }
        return new RegistrySql(where.toString(), List.copyOf(params));
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
