package ru.soko.registry;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The registries of an archive: import, listing with filters, history, export. */
public final class Registries {

    private final RegistryCatalogue catalogue;
    private final RegistryStore store;
    private final RegistryImporter importer;

    public Registries(RegistryCatalogue catalogue, RegistryStore store, RegistryImporter importer) {
        this.catalogue = catalogue;
        this.store = store;
        this.importer = importer;
    }

    public RegistryCatalogue catalogue() {
        return catalogue;
    }

    public ImportReport importFile(String registry, Path file, RegistryImporter.Options options, String actor) throws IOException {
        return importer.importFile(registry, file, options, actor);
    }

    public List<RegistryRecord> list(String registry, RegistryQuery query) {
        RegistrySpec spec = catalogue.get(registry);
        return store.byKey(registry).values().stream().filter(r -> query.matches(spec, r)).toList();
    }

    public Optional<RegistryRecord> get(long id) {
        return store.get(id);
    }

    public Optional<RegistryRecord> byKey(String registry, String key) {
        catalogue.get(registry);
        return Optional.ofNullable(store.byKey(registry).get(key));
    }

    public List<HistoryEntry> history(long id) {
        return store.history(id);
    }

    public void export(String registry, RegistryQuery query, RegistryExporter.Format format, Path out) throws IOException {
        RegistryExporter.export(catalogue.get(registry), list(registry, query), format, out);
    }

    /** Every record of every registry, for the search index. */
    public void forEach(java.util.function.BiConsumer<RegistrySpec, RegistryRecord> action) {
        for (RegistrySpec spec : catalogue.all()) {
            store.byKey(spec.name()).values().forEach(r -> action.accept(spec, r));
        }
    }

    /** The organisation a document names (by its full name), as a registry record id. */
    public Optional<Long> organisationNamed(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(new OrganisationLinks(store.byKey("organisations")).find(name, 0, null));
    }
}
