package ru.soko.selfeval;

/**
 * One row of a report's indicator table as read.
 *
 * @param code       the act's code of the indicator; for an unrecognised row the code as printed, or null
 * @param name       the act's name when recognised, otherwise the name as printed
 * @param unit       the act's unit when recognised, otherwise the unit as printed (may be null)
 * @param value      the number (people, score, units …); null for «—», an empty cell, «нет данных» and «да/нет»
 * @param percent    the share of a «человек/%» cell, else null
 * @param cell       the value cell as printed, so «да»/«нет» and odd forms are not lost
 * @param recognised false when the row matched no indicator of the list: kept for the auditor, not dropped
 * @param line       1-based line of the text the row was read on, to check the figure against the original
 */
public record IndicatorValue(String code, String name, String unit, Double value, Double percent, String cell,
                             boolean recognised, int line) {
}
