package ru.soko.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.soko.util.Json;
import ru.soko.util.TableFiles;

/**
 * Writes a registry out as CSV (UTF-8 with BOM, «;»: opens in Excel as is), XLSX or JSON. The
 * headings are the fields' Russian labels and the values are written as a sheet would hold them,
 * so an export imports back to the same records.
 */
public final class RegistryExporter {

    public enum Format { CSV, XLSX, JSON }


    private RegistryExporter() {
    }

    public static void export(RegistrySpec spec, List<RegistryRecord> records, Format format, Path out) throws IOException {
        switch (format) {
            case CSV -> csv(spec, records, out);
            case XLSX -> xlsx(spec, records, out);
            case JSON -> json(spec, records, out);
        }
    }

    private static List<String> headings(RegistrySpec spec) {
        List<String> headings = new ArrayList<>();
        spec.fields().forEach(f -> headings.add(f.label()));
        if (!spec.hasStatusField()) {
            headings.add("Состояние записи");
        }
        return headings;
    }

    static List<String> cells(RegistrySpec spec, RegistryRecord r) {
        List<String> cells = new ArrayList<>();
        for (FieldSpec f : spec.fields()) {
            // The record's own status wins over the sheet's: a record withdrawn by a later import says so.
            Object value = f.fieldType() == FieldType.STATUS ? r.status()
                    : f.name().equals("statusDate") && r.statusDate() != null ? r.statusDate().toString()
                    : r.data().get(f.name());
            cells.add(cell(f, value));
        }
        if (!spec.hasStatusField()) {
            cells.add(r.status());
        }
        return cells;
    }

    private static String cell(FieldSpec f, Object value) {
        if (value == null) {
            return "";
        }
        return switch (f.fieldType()) {
            case DATE -> ru.soko.requisites.RussianDates.format(LocalDate.parse(value.toString()));
            default -> RegistryRecord.display(value);
        };
    }

    private static void csv(RegistrySpec spec, List<RegistryRecord> records, Path out) throws IOException {
        TableFiles.csv(headings(spec), records.stream().map(r -> cells(spec, r)).toList(), out);
    }

    private static void xlsx(RegistrySpec spec, List<RegistryRecord> records, Path out) throws IOException {
        TableFiles.xlsx(spec.name(), headings(spec), records.stream().map(r -> cells(spec, r)).toList(), out);
    }

    private static void json(RegistrySpec spec, List<RegistryRecord> records, Path out) throws IOException {
        List<Map<String, Object>> items = new ArrayList<>();
        for (RegistryRecord r : records) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", r.id());
            item.putAll(r.data());
            item.put("status", r.status());
            item.put("statusDate", r.statusDate());
            items.add(item);
        }
        Files.writeString(out, Json.writePretty(Map.of("registry", spec.name(), "records", items)), java.nio.charset.StandardCharsets.UTF_8);
    }
}
