package ru.soko.registry;

import java.util.List;
import java.util.Optional;

/**
 * One registry: its name in URLs, JSON and the command line, its Russian title, the {@code kind}
 * its records carry in search, the field that identifies a record, and its fields.
 */
public record RegistrySpec(String name, String title, String kind, String key, String titleField,
                           List<String> personal, List<FieldSpec> fields) {

    public RegistrySpec {
        personal = personal == null ? List.of() : List.copyOf(personal);
        fields = List.copyOf(fields);
    }

    public Optional<FieldSpec> field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }

    public boolean hasStatusField() {
        return fields.stream().anyMatch(f -> f.fieldType() == FieldType.STATUS);
    }
}
