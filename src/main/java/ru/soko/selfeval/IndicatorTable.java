package ru.soko.selfeval;

import java.util.List;
import java.util.Optional;

/**
 * The indicator table of one self-evaluation report.
 *
 * @param list which list of the act it follows: school, kindergarten, college or additional
 * @param rows the rows in the order of the report
 */
public record IndicatorTable(String list, List<IndicatorValue> rows) {

    public IndicatorTable {
        rows = List.copyOf(rows);
    }

    /** The recognised row of an indicator, if the report has it. */
    public Optional<IndicatorValue> row(String code) {
        return rows.stream().filter(r -> r.recognised() && code.equals(r.code())).findFirst();
    }
}
