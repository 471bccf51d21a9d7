package ru.soko.registry;

import java.time.LocalDate;
import java.util.Map;

/** One stored record of a registry, with its typed values and its current status. */
public record RegistryRecord(long id, String registry, String key, Map<String, Object> data, String status,
                             LocalDate statusDate) {

    public static final String ACTIVE = "действует";
    public static final String WITHDRAWN = "исключён";

    public String text(String field) {
        Object v = data.get(field);
        return v == null ? null : v.toString();
    }
}
