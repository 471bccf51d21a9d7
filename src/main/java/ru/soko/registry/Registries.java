package ru.soko.registry;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * One page of a registry's table, filtered, sorted and counted in SQLite, so a request reads
     * only the page's records however large the registry is. Same records in the same order as
     * sorting {@link #list} by the sort field's shown value in lower case, ties by import order.
     */
    public RegistryPage page(String registry, RegistryQuery query, String sortField, long offset, int limit) {
        return store.page(catalogue.get(registry), query, sortField, offset, limit);
    }

    /** Number of records (withdrawn ones included), counted in the database. */
    public long count(String registry) {
        catalogue.get(registry);
        return store.count(registry);
    }

    public Optional<RegistryRecord> get(long id) {
        return store.get(id);
    }

    /** One record by its key, looked up by the (registry, key) index: a registry card must not read the registry. */
    public Optional<RegistryRecord> byKey(String registry, String key) {
        catalogue.get(registry);
        return store.find(registry, key);
    }

    public List<HistoryEntry> history(long id) {
        return store.history(id);
    }

    /**
     * Every record matching a query, in import order, read from the database in batches: for
     * exports and indexing, which must not hold a registry of a million records at once.
     */
    public void forEach(String registry, RegistryQuery query, java.util.function.Consumer<RegistryRecord> action) {
        store.forEach(catalogue.get(registry), query, BATCH, action);
    }

    private static final int BATCH = 2_000;

    /** Writes the records matching a query to a file; returns how many were written. */
    public long export(String registry, RegistryQuery query, RegistryExporter.Format format, Path out) throws IOException {
        long[] n = {0};
        RegistryExporter.export(catalogue.get(registry), action -> forEach(registry, query, r -> {
            n[0]++;
            action.accept(r);
        }), format, out);
        return n[0];
    }

    /**
     * Corrects fields of one record by hand; values are checked as an import checks them, and the
     * change goes into the record's history. A «status» of «исключён» withdraws the record.
     */
    public RegistryRecord edit(String registry, String key, Map<String, String> changes, String actor) {
        RegistrySpec spec = catalogue.get(registry);
        RegistryRecord record = byKey(registry, key)
                .orElseThrow(() -> new IllegalArgumentException("в реестре " + registry + " нет записи «" + key + "»"));
        Map<String, Object> data = new LinkedHashMap<>(record.data());
        Map<String, Object> diff = new LinkedHashMap<>();
        String status = record.status();
        for (Map.Entry<String, String> change : changes.entrySet()) {
            FieldSpec field = spec.field(change.getKey()).orElseThrow(() -> new IllegalArgumentException(
                    "в реестре " + registry + " нет поля «" + change.getKey() + "»"));
            if (field.name().equals(spec.key())) {
                throw new IllegalArgumentException("ключ записи («" + field.label() + "») не исправляется: загрузите запись заново");
            }
            FieldParser.Parsed parsed = FieldParser.parse(field, change.getValue());
            if (parsed.error() != null) {
                throw new IllegalArgumentException(field.label() + ": " + parsed.error());
            }
            diff.put(field.name(), java.util.Arrays.asList(data.get(field.name()), parsed.value()));
            if (parsed.value() == null) {
                data.remove(field.name());
            } else {
                data.put(field.name(), parsed.value());
            }
            if (field.fieldType() == FieldType.STATUS && parsed.value() != null) {
                status = parsed.value().toString();
            }
        }
        java.time.LocalDate statusDate = status.equals(record.status()) ? record.statusDate() : java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        store.apply(registry, List.of(new RegistryStore.Change(key, data, status, statusDate, "edited", diff)), actor);
        return byKey(registry, key).orElseThrow();
    }

    /**
     * Puts a school's report for a year into the self-evaluation results registry (organisation ×
     * year → document), the same way an import would, with history.
     */
    public RegistryRecord recordSelfEvaluation(String organisationName, int year, long documentId, String actor) {
        String key = organisationName + " / " + year;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("recordKey", key);
        Map<String, Object> organisation = new LinkedHashMap<>();
        organisation.put("text", organisationName);
        Long orgId = new OrganisationLinks(store.byKey("organisations")).find(organisationName, 0, null);
        if (orgId != null) {
            organisation.put("recordId", orgId);
        }
        data.put("organisation", organisation);
        data.put("year", year);
        data.put("documentId", documentId);
        Optional<RegistryRecord> old = byKey("selfeval", key);
        if (old.isEmpty() || !RegistryStore.same(old.get().data().get("documentId"), documentId)) {
            Map<String, Object> diff = new LinkedHashMap<>();
            diff.put("documentId", java.util.Arrays.asList(old.map(r -> r.data().get("documentId")).orElse(null), documentId));
            store.apply("selfeval", List.of(new RegistryStore.Change(key, data, RegistryRecord.ACTIVE, null,
                    old.isEmpty() ? "added" : "updated", diff)), actor);
        }
        return byKey("selfeval", key).orElseThrow();
    }

    /** Every record of every registry, for the search index. */
    public void forEach(java.util.function.BiConsumer<RegistrySpec, RegistryRecord> action) {
        for (RegistrySpec spec : catalogue.all()) {
            store.forEach(spec, RegistryQuery.ALL, BATCH, r -> action.accept(spec, r));
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
