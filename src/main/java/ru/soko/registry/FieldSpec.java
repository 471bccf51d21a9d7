package ru.soko.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One column of a registry, as described in {@code index-config/registries.json}. */
public record FieldSpec(
        String name,
        String label,
        String type,
        boolean required,
        boolean search,
        boolean filter,
        List<String> values,
        List<String> aliases,
        @JsonProperty("min") Integer min,
        @JsonProperty("max") Integer max) {

    public FieldSpec {
        values = values == null ? List.of() : List.copyOf(values);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    public FieldType fieldType() {
        return FieldType.of(type);
    }
}
