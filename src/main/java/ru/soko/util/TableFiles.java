package ru.soko.util;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Writes a table of texts as CSV (UTF-8 with BOM and «;», which Excel opens as is) or XLSX. */
public final class TableFiles {

    private TableFiles() {
    }

    public static void csv(List<String> headings, List<List<String>> rows, Path out) throws IOException {
        List<List<String>> all = new ArrayList<>();
        all.add(headings);
        all.addAll(rows);
        CsvSchema schema = CsvSchema.builder().setColumnSeparator(';').setUseHeader(false).build();
        try (OutputStream os = Files.newOutputStream(out)) {
            os.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            os.write(new CsvMapper().writer(schema).writeValueAsString(all).getBytes(StandardCharsets.UTF_8));
        }
    }

    public static void xlsx(String sheetName, List<String> headings, List<List<String>> rows, Path out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream os = Files.newOutputStream(out)) {
            Sheet sheet = workbook.createSheet(sheetName);
            write(sheet.createRow(0), headings);
            int n = 1;
            for (List<String> row : rows) {
                write(sheet.createRow(n++), row);
            }
            workbook.write(os);
        }
    }

    private static void write(Row row, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            row.createCell(i).setCellValue(values.get(i));
        }
    }
}
