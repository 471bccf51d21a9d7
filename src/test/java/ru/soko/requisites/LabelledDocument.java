package ru.soko.requisites;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ru.soko.util.Json;

/** One hand-labelled sample document, as written in {@code labels/*.json}; fields absent there are null. */
record LabelledDocument(Map<String, Object> fields) {

    static List<LabelledDocument> loadAll(String... resources) {
        List<LabelledDocument> all = new ArrayList<>();
        for (String r : resources) {
            try (InputStream in = LabelledDocument.class.getResourceAsStream(r)) {
                if (in == null) {
                    throw new IllegalStateException("no label file " + r);
                }
                List<Map<String, Object>> rows = Json.mapper().readValue(in, new TypeReference<List<Map<String, Object>>>() { });
                rows.forEach(row -> all.add(new LabelledDocument(row)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all;
    }

    /** The path under {@code sample-docs/}, as {@code SampleArchive.byPath()} keys it. */
    String path() {
        return file().replaceFirst("^sample-docs/", "");
    }

    String file() {
        return (String) fields.get("file");
    }

    String text(String field) {
        Object v = fields.get(field);
        return v == null ? null : v.toString();
    }

    boolean has(String field) {
        return fields.containsKey(field);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> references() {
        Object v = fields.get("references");
        return v == null ? List.of() : (List<Map<String, Object>>) v;
    }

    @SuppressWarnings("unchecked")
    List<String> targets(String field) {
        Object v = fields.get(field);
        if (v == null) {
            return List.of();
        }
        return v instanceof List<?> l ? (List<String>) l : List.of(v.toString());
    }
}
