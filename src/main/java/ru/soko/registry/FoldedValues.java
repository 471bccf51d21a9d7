package ru.soko.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ru.soko.util.Json;

/**
 * A record's values as {@link RegistryQuery} compares them and the table sorts them, stored beside
 * the record ({@code folded}) so SQLite can filter and sort without Java: text in lower case
 * (Locale.ROOT, as the in-memory matching does; «ё» is kept so the sort order is unchanged — filters
 * replace it with «е» in SQL), numbers as numbers (they match whole), a linked organisation by its
 * text, a list as an array of its items.
 */
final class FoldedValues {

    private FoldedValues() {
    }

    static String json(Map<String, Object> data) {
        Map<String, Object> folded = new LinkedHashMap<>();
        data.forEach((field, value) -> {
            Object f = fold(value);
            if (f != null) {
                folded.put(field, f);
            }
        });
        return Json.write(folded);
    }

    private static Object fold(Object value) {
        if (value == null || value instanceof Number) {
            return value;
        }
        if (value instanceof Map<?, ?> link) {
            return fold(link.get("text"));
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>();
            for (Object item : list) {
                Object f = fold(item);
                if (f instanceof List<?> nested) {
                    items.addAll(nested);
                } else if (f != null) {
                    items.add(f);
                }
            }
            return items;
        }
        return value.toString().toLowerCase(Locale.ROOT);
    }
}
