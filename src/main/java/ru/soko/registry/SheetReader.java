package ru.soko.registry;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import ru.soko.extract.RussianEncodingDetector;

/**
 * Reads a registry sheet: CSV in UTF-8 (with or without BOM) or Windows-1251, «;» or «,»
 * separated; XLSX or XLS (the first sheet). Dates in Excel cells come out as «dd.MM.yyyy».
 */
public final class SheetReader {


    private SheetReader() {
    }

    public static Sheet read(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
            return readWorkbook(file);
        }
        if (name.endsWith(".csv") || name.endsWith(".txt")) {
            return readCsv(Files.readAllBytes(file));
        }
        throw new IllegalArgumentException("файл " + file.getFileName() + ": ожидается CSV, XLSX или XLS");
    }

    static Sheet readCsv(byte[] bytes) throws IOException {
        Charset charset = RussianEncodingDetector.guess(Arrays.copyOf(bytes, Math.min(bytes.length, 65536)));
        String text = new String(bytes, charset);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        char separator = separatorOf(text);
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator);
        List<Sheet.Row> rows = new ArrayList<>();
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class).with(schema).readValues(text)) {
            int number = 1;
            while (it.hasNext()) {
                rows.add(new Sheet.Row(number++, Arrays.stream(it.next()).map(SheetReader::clean).toList()));
            }
        }
        return new Sheet(rows);
    }

    /** The separator is the one of «;» and «,» that the first non-empty line uses more. */
    private static char separatorOf(String text) {
        String first = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        long semicolons = first.chars().filter(c -> c == ';').count();
        long commas = first.chars().filter(c -> c == ',').count();
        return semicolons >= commas ? ';' : ',';
    }

    private static Sheet readWorkbook(Path file) throws IOException {
        DataFormatter formatter = new DataFormatter(new Locale("ru"));
        try (Workbook workbook = WorkbookFactory.create(file.toFile(), null, true)) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheetAt(0);
            List<Sheet.Row> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    cells.add(clean(text(row.getCell(c), formatter)));
                }
                rows.add(new Sheet.Row(row.getRowNum() + 1, cells));
            }
            return new Sheet(rows);
        }
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return ru.soko.requisites.RussianDates.format(cell.getLocalDateTimeCellValue().toLocalDate());
        }
        if (type == CellType.NUMERIC) {
            double v = cell.getNumericCellValue();
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v).replace('.', ',');
        }
        return formatter.formatCellValue(cell);
    }

    private static String clean(String value) {
        return value == null ? "" : value.replace('\u00A0', ' ').strip();
    }
}
