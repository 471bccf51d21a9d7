package ru.soko.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Imports a registry sheet: headings matched through aliases, every cell typed and checked, links
 * to the organisations registry resolved. All or nothing by default: one bad row and nothing is
 * written; with {@code skipInvalid} the good rows are. Re-importing an updated sheet updates records
 * by their key; records missing from it are withdrawn (kept, marked «исключён» with the date).
 */
public final class RegistryImporter {

    /** How to import. */
    public record Options(boolean dryRun, boolean skipInvalid, boolean withdrawMissing) {
        public static final Options DEFAULT = new Options(false, false, true);
    }

    /** Rows compared with the stored records and written per batch: bounds memory however long the sheet. */
    static final int BATCH = 2_000;

    private final RegistryCatalogue catalogue;
    private final RegistryStore store;
    private final Clock clock;
    private final int batchSize;

    public RegistryImporter(RegistryCatalogue catalogue, RegistryStore store, Clock clock) {
        this(catalogue, store, clock, BATCH);
    }

    RegistryImporter(RegistryCatalogue catalogue, RegistryStore store, Clock clock, int batchSize) {
        this.catalogue = catalogue;
        this.store = store;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /**
     * Reads the sheet twice instead of holding it: the first pass checks every row and key (only
     * the keys stay in memory, for duplicates and withdrawals), the second, run only when the
     * sheet may be written, compares and writes in batches — all in one transaction, so a sheet is
     * still written whole or not at all.
     */
    public ImportReport importFile(String registry, Path file, Options options, String actor) throws IOException {
        RegistrySpec spec = catalogue.get(registry);
        String fileName = String.valueOf(file.getFileName());
        List<Sheet.Row> head = new ArrayList<>();
        try (SheetReader.Rows it = SheetReader.open(file)) {
            while (it.hasNext() && head.size() < Headings.LOOK_AHEAD) {
                head.add(it.next());
            }
        }
        Optional<Headings.Layout> found = Headings.find(new Sheet(head), spec);
        if (found.isEmpty()) {
            return refused(registry, fileName, new ImportReport.RowError(1, null,
                    "не найдена строка заголовков: ожидаются столбцы " + labels(spec)));
        }
        Headings.Layout layout = found.get();
        List<ImportReport.RowError> errors = new ArrayList<>(missingColumns(spec, layout));
        List<String> warnings = new ArrayList<>();
        layout.ignored().forEach(h -> warnings.add("столбец «" + h + "» не относится к реестру и пропущен"));
        if (!errors.isEmpty()) {
            return new ImportReport(registry, fileName, 0, 0, 0, 0, 0, 0, errors, warnings, false);
        }
        List<RegistryRecord> organisations = new ArrayList<>(store.byKey("organisations").values());
        organisations.addAll(store.byKey("providers").values());
        organisations.addAll(store.byKey("assessment-orgs").values());
        OrganisationLinks links = new OrganisationLinks(organisations);
        // The row each key is taken from: its first good row; later rows with the key are errors.
        Map<String, Integer> rowOfKey = new HashMap<>();
        int rows = 0;
        try (SheetReader.Rows it = SheetReader.open(file)) {
            while (it.hasNext()) {
                Sheet.Row row = it.next();
                if (row.number() <= layout.header().number() || row.isBlank()) {
                    continue;
                }
                rows++;
                RowValues values = readRow(spec, layout, row, links, errors, warnings);
                if (values == null) {
                    continue;
                }
                Integer first = rowOfKey.putIfAbsent(values.key(), row.number());
                if (first != null) {
                    errors.add(new ImportReport.RowError(row.number(), labelOf(spec, spec.key()),
                            "запись с ключом «" + values.key() + "» уже есть в строке " + first));
                }
            }
        }
        if (!errors.isEmpty() && !options.skipInvalid()) {
            return new ImportReport(registry, fileName, rows, 0, 0, 0, 0, 0, errors, warnings, false);
        }
        Counts counts;
        try {
            counts = store.session(!options.dryRun(), c -> applyChanges(c, spec, file, layout, links, rowOfKey, options, actor));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        int changed = counts.added + counts.updated + counts.withdrawn + counts.restored;
        if (!options.dryRun() && changed > 0 && (changed >= 1_000 || changed * 10L >= store.count(spec.name()))) {
            store.analyse(); // the registry changed enough to change how many records a value has
        }
        return new ImportReport(spec.name(), fileName, rows, counts.added, counts.updated, counts.unchanged, counts.withdrawn,
                counts.restored, errors, warnings, !options.dryRun());
    }

    private static final class Counts {
        int added;
        int updated;
        int unchanged;
        int withdrawn;
        int restored;
    }

    /** The second pass: the sheet's accepted rows against the stored records, batch by batch, then withdrawals. */
    private Counts applyChanges(Connection c, RegistrySpec spec, Path file, Headings.Layout layout, OrganisationLinks links,
                                Map<String, Integer> rowOfKey, Options options, String actor) throws SQLException {
        Counts counts = new Counts();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<RowValues> batch = new ArrayList<>();
        List<ImportReport.RowError> seenErrors = new ArrayList<>();
        List<String> seenWarnings = new ArrayList<>();
        try (SheetReader.Rows it = SheetReader.open(file)) {
            while (it.hasNext()) {
                Sheet.Row row = it.next();
                if (row.number() <= layout.header().number() || row.isBlank()) {
                    continue;
                }
                // Errors and warnings were reported by the first pass; the same row gives the same ones.
                RowValues values = readRow(spec, layout, row, links, seenErrors, seenWarnings);
                seenErrors.clear();
                seenWarnings.clear();
                if (values == null || !Integer.valueOf(row.number()).equals(rowOfKey.get(values.key()))) {
                    continue;
                }
                batch.add(values);
                if (batch.size() == batchSize) {
                    applyBatch(c, spec, batch, today, options, actor, counts);
                    batch.clear();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        applyBatch(c, spec, batch, today, options, actor, counts);
        if (options.withdrawMissing()) {
            long after = 0;
            for (List<RegistryRecord> stored = store.after(c, spec.name(), after, batchSize); !stored.isEmpty();
                 stored = store.after(c, spec.name(), after, batchSize)) {
                List<RegistryStore.Change> changes = new ArrayList<>();
                for (RegistryRecord old : stored) {
                    if (!rowOfKey.containsKey(old.key()) && RegistryRecord.ACTIVE.equals(old.status())) {
                        changes.add(new RegistryStore.Change(old.key(), old.data(), RegistryRecord.WITHDRAWN, today, "withdrawn",
                                new LinkedHashMap<>(Map.of("status", List.of(RegistryRecord.ACTIVE, RegistryRecord.WITHDRAWN)))));
                        counts.withdrawn++;
                    }
                }
                if (!options.dryRun()) {
                    store.apply(c, spec.name(), changes, actor);
                }
                after = stored.get(stored.size() - 1).id();
            }
        }
        return counts;
    }

    private void applyBatch(Connection c, RegistrySpec spec, List<RowValues> batch, LocalDate today, Options options,
                            String actor, Counts counts) throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        Map<String, RegistryRecord> existing = store.byKeys(c, spec.name(), batch.stream().map(RowValues::key).toList());
        List<RegistryStore.Change> changes = new ArrayList<>();
        for (RowValues v : batch) {
            RegistryRecord old = existing.get(v.key());
            String status = v.status() == null ? RegistryRecord.ACTIVE : v.status();
            LocalDate statusDate = v.statusDate();
            if (old == null) {
                changes.add(new RegistryStore.Change(v.key(), v.data(), status, statusDate, "added", diff(Map.of(), v.data())));
                counts.added++;
                continue;
            }
            Map<String, Object> diff = diff(old.data(), v.data());
            boolean statusChanged = !old.status().equals(status);
            if (diff.isEmpty() && !statusChanged) {
                counts.unchanged++;
                continue;
            }
            if (statusChanged) {
                diff.put("status", List.of(old.status(), status));
            }
            boolean back = statusChanged && RegistryRecord.ACTIVE.equals(status);
            changes.add(new RegistryStore.Change(v.key(), v.data(), status,
                    statusChanged && statusDate == null ? today : statusDate, back ? "restored" : "updated", diff));
            if (back) {
                counts.restored++;
            } else {
                counts.updated++;
            }
        }
        if (!options.dryRun()) {
            store.apply(c, spec.name(), changes, actor);
        }
    }

    private record RowValues(int row, String key, Map<String, Object> data, String status, LocalDate statusDate) {
    }

    private RowValues readRow(RegistrySpec spec, Headings.Layout layout, Sheet.Row row, OrganisationLinks links,
                              List<ImportReport.RowError> errors, List<String> warnings) {
        Map<String, Object> data = new LinkedHashMap<>();
        boolean ok = true;
        for (Map.Entry<Integer, FieldSpec> column : layout.columns().entrySet()) {
            FieldSpec field = column.getValue();
            FieldParser.Parsed parsed = FieldParser.parse(field, row.cell(column.getKey()));
            if (parsed.error() != null) {
                errors.add(new ImportReport.RowError(row.number(), layout.header().cell(column.getKey()), parsed.error()));
                ok = false;
                continue;
            }
            Object value = parsed.value();
            if (value != null && field.fieldType() == FieldType.ORGANISATION) {
                value = links.link(value.toString(), row.number(), warnings);
            }
            if (value != null) {
                data.put(field.name(), value);
            }
        }
        if (!ok) {
            return null;
        }
        spec.fields().stream().filter(f -> f.fieldType() == FieldType.STATUS && !data.containsKey(f.name()))
                .forEach(f -> data.put(f.name(), RegistryRecord.ACTIVE));
        Object key = data.get(spec.key());
        String status = spec.fields().stream().filter(f -> f.fieldType() == FieldType.STATUS)
                .map(f -> (String) data.get(f.name())).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        LocalDate statusDate = data.get("statusDate") == null ? null : LocalDate.parse(data.get("statusDate").toString());
        return new RowValues(row.number(), key instanceof Map<?, ?> m ? String.valueOf(m.get("text")) : String.valueOf(key),
                data, status, statusDate);
    }

    private static List<ImportReport.RowError> missingColumns(RegistrySpec spec, Headings.Layout layout) {
        List<ImportReport.RowError> errors = new ArrayList<>();
        for (FieldSpec f : spec.fields()) {
            if (f.required() && !layout.columns().containsValue(f)) {
                errors.add(new ImportReport.RowError(layout.header().number(), f.label(), "нет обязательного столбца"));
            }
        }
        return errors;
    }

    private static Map<String, Object> diff(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> diff = new LinkedHashMap<>();
        Set<String> fields = new java.util.LinkedHashSet<>(before.keySet());
        fields.addAll(after.keySet());
        for (String f : fields) {
            if (!RegistryStore.same(before.get(f), after.get(f))) {
                java.util.List<Object> pair = new ArrayList<>();
                pair.add(before.get(f));
                pair.add(after.get(f));
                diff.put(f, pair);
            }
        }
        return diff;
    }

    private static ImportReport refused(String registry, String file, ImportReport.RowError error) {
        return new ImportReport(registry, file, 0, 0, 0, 0, 0, 0, List.of(error), List.of(), false);
    }

    private static String labels(RegistrySpec spec) {
        return String.join(", ", spec.fields().stream().filter(FieldSpec::required).map(f -> "«" + f.label() + "»").toList());
    }

    private static String labelOf(RegistrySpec spec, String field) {
        return spec.field(field).map(FieldSpec::label).orElse(field);
    }
}
