package ru.soko.registry;

import java.time.LocalDate;
import java.util.Map;

/** One stored record of a registry, with its typed values and its current status. */
public record RegistryRecord(long id, String registry, String key, Map<String, Object> data, String status,
                             LocalDate statusDate) {

    public static final String ACTIVE = "действует";
    public static final String WITHDRAWN = "исключён";

    /** A value as a person reads it: a linked organisation by its name, a list joined by «; ». */
    public static String display(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Map<?, ?> link) {
            return String.valueOf(link.get("text"));
        }
        if (value instanceof java.util.List<?> list) {
            return String.join("; ", list.stream().map(Object::toString).toList());
        }
        return value.toString();
    }

    public String text(String field) {
        Object v = data.get(field);
        return v == null ? null : v.toString();
    }
}
