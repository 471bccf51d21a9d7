package ru.soko.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.soko.util.Json;

/** The registries the archive keeps, read from {@code index-config/registries.json}. */
public final class RegistryCatalogue {

    private final Map<String, RegistrySpec> byName = new LinkedHashMap<>();

    private RegistryCatalogue(List<RegistrySpec> specs) {
        specs.forEach(s -> byName.put(s.name(), s));
    }

    public static RegistryCatalogue load(Optional<Path> indexConfigDir) {
        try {
            JsonNode root;
            Optional<Path> file = indexConfigDir.map(d -> d.resolve("registries.json")).filter(Files::isRegularFile);
            if (file.isPresent()) {
                root = Json.mapper().readTree(file.get().toFile());
            } else {
                try (InputStream in = RegistryCatalogue.class.getClassLoader().getResourceAsStream("index-config/registries.json")) {
                    if (in == null) {
                        throw new IllegalStateException("index-config/registries.json is missing from the build");
                    }
                    root = Json.mapper().readTree(in);
                }
            }
            return new RegistryCatalogue(Arrays.asList(Json.mapper().treeToValue(root.get("registries"), RegistrySpec[].class)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read index-config/registries.json: " + e.getMessage(), e);
        }
    }

    public RegistrySpec get(String name) {
        RegistrySpec spec = byName.get(name);
        if (spec == null) {
            throw new IllegalArgumentException("нет реестра «" + name + "»; есть: " + String.join(", ", byName.keySet()));
        }
        return spec;
    }

    public List<RegistrySpec> all() {
        return List.copyOf(byName.values());
    }
}
