package ru.soko.selfeval;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Counts correct rows per report and overall, and keeps every mismatch for the printout. */
final class AccuracyTally {

    private record Report(String file, boolean scanned, int rows, int correct) {
    }

    private final List<Report> reports = new ArrayList<>();
    private final List<String> mismatches = new ArrayList<>();

    void add(SelfEvalLabels label, Optional<IndicatorTable> table) {
        int correct = 0;
        for (SelfEvalLabels.Row row : label.indicators()) {
            Optional<IndicatorValue> got = table.flatMap(t -> t.row(row.code()));
            Double value = got.map(IndicatorValue::value).orElse(null);
            Double percent = got.map(IndicatorValue::percent).orElse(null);
            if (same(row.value(), value) && same(row.percent(), percent)) {
                correct++;
            } else {
                mismatches.add(String.format("  %s %s: ожидалось %s/%s («%s»), прочитано %s/%s («%s», строка %s)",
                        label.samplePath(), row.code(), row.value(), row.percent(), row.text(), value, percent,
                        got.map(IndicatorValue::cell).orElse("—нет строки—"),
                        got.map(v -> String.valueOf(v.line())).orElse("-")));
            }
        }
        reports.add(new Report(label.samplePath(), label.scanned(), label.indicators().size(), correct));
    }

    static boolean same(Double expected, Double actual) {
        if (expected == null || actual == null) {
            return Objects.equals(expected, actual);
        }
        return Math.abs(expected - actual) <= 0.001;
    }

    double share(boolean scanned) {
        int rows = 0;
        int correct = 0;
        for (Report r : reports) {
            if (r.scanned() == scanned) {
                rows += r.rows();
                correct += r.correct();
            }
        }
        return rows == 0 ? 1.0 : (double) correct / rows;
    }

    String table() {
        StringBuilder b = new StringBuilder();
        b.append(String.format("%-70s %5s %5s %7s%n", "отчёт", "строк", "верно", "доля"));
        int rows = 0;
        int correct = 0;
        for (Report r : reports) {
            b.append(String.format("%-70s %5d %5d %6.1f%%%n", r.file() + (r.scanned() ? " (скан)" : ""), r.rows(),
                    r.correct(), 100.0 * r.correct() / r.rows()));
            rows += r.rows();
            correct += r.correct();
        }
        b.append(String.format("%-70s %5d %5d %6.1f%%%n", "всего", rows, correct, 100.0 * correct / rows));
        b.append(String.format("с текстовым слоем: %.1f%%; сканы: %.1f%%%n", 100 * share(false), 100 * share(true)));
        return b.toString();
    }

    List<String> mismatches() {
        return mismatches;
    }
}
