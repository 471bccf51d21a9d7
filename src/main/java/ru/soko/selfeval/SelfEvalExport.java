package ru.soko.selfeval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import ru.soko.util.TableFiles;

/** A school's history and a territory comparison as XLSX or CSV tables. */
public final class SelfEvalExport {

    private SelfEvalExport() {
    }

    public static void history(SchoolHistory h, String format, Path out) throws IOException {
        List<String> headings = new ArrayList<>(List.of("№", "Показатель", "Единица измерения"));
        h.years().forEach(y -> {
            headings.add(y + ": значение");
            headings.add(y + ": %");
        });
        List<List<String>> rows = new ArrayList<>();
        for (SchoolHistory.Indicator i : h.indicators()) {
            List<String> row = new ArrayList<>(List.of(i.code(), nz(i.name()), nz(i.unit())));
            for (int y : h.years()) {
                SchoolHistory.YearValue v = i.values().get(Integer.toString(y));
                row.add(v == null ? (h.missingYears().contains(y) ? "нет отчёта" : "") : number(v.value()));
                row.add(v == null ? "" : number(v.percent()));
            }
            rows.add(row);
        }
        write(format, "История", headings, rows, out);
    }

    public static void comparison(Comparison c, String format, Path out) throws IOException {
        List<String> headings = List.of("Организация", "Муниципальное образование", c.code() + " " + nz(c.name()), "%");
        List<List<String>> rows = new ArrayList<>();
        c.rows().forEach(r -> rows.add(List.of(r.organisation(), nz(r.municipality()), number(r.value()), number(r.percent()))));
        rows.add(List.of("Медиана", "", number(c.median()), ""));
        write(format, "Сравнение", headings, rows, out);
    }

    private static void write(String format, String sheet, List<String> headings, List<List<String>> rows, Path out) throws IOException {
        switch (format.toLowerCase(Locale.ROOT)) {
            case "csv" -> TableFiles.csv(headings, rows, out);
            case "xlsx" -> TableFiles.xlsx(sheet, headings, rows, out);
            default -> throw new IllegalArgumentException("формат «" + format + "»: можно xlsx или csv");
        }
    }

    /** A number as a Russian reader writes it: no «.0», a decimal comma; empty for none. */
    public static String number(Double v) {
        if (v == null) {
            return "";
        }
        return v == Math.rint(v) ? Long.toString(v.longValue()) : Double.toString(v).replace('.', ',');
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
