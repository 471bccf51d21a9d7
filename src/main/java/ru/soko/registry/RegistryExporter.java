package ru.soko.registry;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import ru.soko.util.Json;

/**
 * Writes a registry out as CSV (UTF-8 with BOM, «;»: opens in Excel as is), XLSX or JSON. The
 * headings are the fields' Russian labels and the values are written as a sheet would hold them,
 * so an export imports back to the same records.
 */
public final class RegistryExporter {

    public enum Format { CSV, XLSX, JSON }


    private RegistryExporter() {
    }

    /** The records to write, handed over one at a time (a registry is read in batches, never whole). */
    public interface Records {
        void forEach(Consumer<RegistryRecord> action);
    }

    public static void export(RegistrySpec spec, List<RegistryRecord> records, Format format, Path out) throws IOException {
        export(spec, records::forEach, format, out);
    }

    public static void export(RegistrySpec spec, Records records, Format format, Path out) throws IOException {
        try {
            switch (format) {
                case CSV -> csv(spec, records, out);
                case XLSX -> xlsx(spec, records, out);
                case JSON -> json(spec, records, out);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
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

    private static void csv(RegistrySpec spec, Records records, Path out) throws IOException {
        CsvSchema schema = CsvSchema.builder().setColumnSeparator(';').setUseHeader(false).build();
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out))) {
            os.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            try (SequenceWriter writer = new CsvMapper().writer(schema).writeValues(new OutputStreamWriter(os, StandardCharsets.UTF_8))) {
                writer.write(headings(spec));
                records.forEach(r -> unchecked(() -> writer.write(cells(spec, r))));
            }
        }
    }

    private static void xlsx(RegistrySpec spec, Records records, Path out) throws IOException {
        // SXSSF keeps a window of rows in memory and spills the rest to a temporary file.
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        try (OutputStream os = Files.newOutputStream(out)) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.createSheet(spec.name());
            write(sheet.createRow(0), headings(spec));
            int[] n = {1};
            records.forEach(r -> write(sheet.createRow(n[0]++), cells(spec, r)));
            workbook.write(os);
        } finally {
            workbook.close();
        }
    }

    private static void write(Row row, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            row.createCell(i).setCellValue(values.get(i));
        }
    }

    private static void json(RegistrySpec spec, Records records, Path out) throws IOException {
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out));
             JsonGenerator g = Json.mapper().getFactory().createGenerator(os)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("registry", spec.name());
            g.writeArrayFieldStart("records");
            records.forEach(r -> unchecked(() -> {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("id", r.id());
                item.putAll(r.data());
                item.put("status", r.status());
                item.put("statusDate", r.statusDate());
                Json.mapper().writeValue(g, item);
            }));
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void unchecked(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
