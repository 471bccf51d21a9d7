package ru.soko.selfeval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds the indicator table of a self-evaluation report in its stored text and reads every row into
 * code, name, unit and value. Pure: no I/O, no state beyond the immutable catalogue, so one instance
 * serves any number of threads.
 */
public final class IndicatorExtractor {

    /** Fewer rows than this with a figure is a mention of the table, not the table. */
    private static final int MIN_ROWS = 3;

    private final IndicatorCatalogue catalogue;

    public IndicatorExtractor(IndicatorCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The table, or empty when the text has none (an order, a regulation, a report without the annex). */
    public Optional<IndicatorTable> extract(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        IndicatorTable best = null;
        for (TableRegion region : TableRegion.find(text)) {
            IndicatorTable table = read(region);
            long withFigures = table.rows().stream().filter(r -> r.recognised() && !r.cell().isEmpty()).count();
            if (withFigures >= MIN_ROWS && (best == null || recognised(table) > recognised(best))) {
                best = table;
            }
        }
        return Optional.ofNullable(best);
    }

    private static long recognised(IndicatorTable t) {
        return t.rows().stream().filter(IndicatorValue::recognised).count();
    }

    private IndicatorTable read(TableRegion region) {
        if (ColumnReader.isColumnar(region.pieces())) {
            IndicatorList list = titled(region).orElse(catalogue.lists().get(0));
            return new IndicatorTable(list.list(), ColumnReader.read(region.pieces(), list));
        }
        List<PrintedRow> printed = RowReader.read(region.pieces());
        IndicatorList list = titled(region).orElseGet(() -> bestFitting(printed));
        List<IndicatorValue> rows = new ArrayList<>();
        for (RowMatcher.Match m : new RowMatcher(list).match(printed)) {
            rows.add(value(m));
        }
        return new IndicatorTable(list.list(), rows);
    }

    /** The list the title names («… общеобразовательной организации …»). */
    private Optional<IndicatorList> titled(TableRegion region) {
        String head = region.title().replace('ё', 'е');
        int at = head.indexOf("деятельност");
        String title = at >= 0 ? head.substring(at) : head;
        return catalogue.lists().stream()
                .filter(l -> l.titleWords().stream().anyMatch(title::contains))
                .findFirst();
    }

    /** Without a telling title, the list whose indicators the rows match best. */
    private IndicatorList bestFitting(List<PrintedRow> printed) {
        return catalogue.lists().stream()
                .max(Comparator.comparingDouble(l -> new RowMatcher(l).match(printed).stream()
                        .mapToDouble(RowMatcher.Match::score).sum()))
                .orElseThrow();
    }

    private static IndicatorValue value(RowMatcher.Match m) {
        PrintedRow row = m.row();
        IndicatorDefinition d = m.indicator();
        String unit = d != null && d.unit() != null ? d.unit()
                : row.unit() == null ? null : Cells.canonicalUnit(row.unit());
        Cell cell = Cells.parse(row.cell(), unit);
        Double value = cell.value();
        Double percent = cell.percent();
        if ("да/нет".equals(unit)) {
            value = null;
            percent = null;
        }
        if (d == null) {
            return new IndicatorValue(row.code(), row.name(), unit, value, percent, cell.text(), false, row.line());
        }
        return new IndicatorValue(d.code(), d.name(), unit, value, percent, cell.text(), true, row.line());
    }
}
