package ru.soko.registry;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
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
        List<Sheet.Row> rows = new ArrayList<>();
        try (Rows it = open(file)) {
            it.forEachRemaining(rows::add);
        }
        return new Sheet(rows);
    }

    /**
     * The rows of a sheet one at a time. A CSV file is read as it goes, so a sheet of a million
     * rows never sits in memory whole; a workbook is read whole (POI has no lighter way for XLS,
     * and an XLSX sheet stops at 1 048 576 rows anyway).
     */
    public interface Rows extends Iterator<Sheet.Row>, Closeable {
    }

    public static Rows open(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
            Iterator<Sheet.Row> rows = readWorkbook(file).rows().iterator();
            return new Rows() {
                public boolean hasNext() {
                    return rows.hasNext();
                }

                public Sheet.Row next() {
                    return rows.next();
                }

                public void close() {
                }
            };
        }
        if (name.endsWith(".csv") || name.endsWith(".txt")) {
            return csvRows(file);
        }
        throw new IllegalArgumentException("файл " + file.getFileName() + ": ожидается CSV, XLSX или XLS");
    }

    static Sheet readCsv(byte[] bytes) throws IOException {
        Charset charset = RussianEncodingDetector.guess(Arrays.copyOf(bytes, Math.min(bytes.length, 65536)));
        String text = new String(bytes, charset);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Sheet.Row> rows = new ArrayList<>();
        try (Rows it = csvRows(new StringReader(text), separatorOf(new BufferedReader(new StringReader(text))))) {
            it.forEachRemaining(rows::add);
        }
        return new Sheet(rows);
    }

    /** Same reading as {@link #readCsv}: encoding guessed from the first 64 KB, BOM dropped, separator from the first line. */
    private static Rows csvRows(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(65536);
        }
        Charset charset = RussianEncodingDetector.guess(head);
        char separator;
        try (BufferedReader lines = reader(file, charset)) {
            separator = separatorOf(lines);
        }
        return csvRows(reader(file, charset), separator);
    }

    private static BufferedReader reader(Path file, Charset charset) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), charset), 1 << 16);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    private static Rows csvRows(Reader text, char separator) throws IOException {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator);
        MappingIterator<String[]> it = mapper.readerFor(String[].class).with(schema).readValues(text);
        return new Rows() {
            private int number = 1;

            public boolean hasNext() {
                return it.hasNext();
            }

            public Sheet.Row next() {
                return new Sheet.Row(number++, Arrays.stream(it.next()).map(SheetReader::clean).toList());
            }

            public void close() throws IOException {
                it.close();
                text.close();
            }
        };
    }

    /** The separator is the one of «;» and «,» that the first non-empty line uses more. */
    private static char separatorOf(BufferedReader lines) throws IOException {
        String first = "";
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (!line.isBlank()) {
                first = line;
                break;
            }
        }
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
