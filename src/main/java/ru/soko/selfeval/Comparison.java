package ru.soko.selfeval;

import java.util.List;

/** All schools of a territory side by side on one indicator and year, with the median. */
public record Comparison(String territory, int year, String code, String name, String unit, List<Row> rows,
                         Double median) {

    public record Row(String organisationId, String organisation, String municipality, Double value, Double percent,
                      long documentId) {
    }
}
