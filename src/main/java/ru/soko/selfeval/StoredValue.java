package ru.soko.selfeval;

/** One stored figure of one school, year and indicator, with where it came from and any correction. */
public record StoredValue(String organisation, int year, String code, String name, String unit, String base, Double value,
                          Double percent, String cell, long documentId, int line, boolean corrected) {
}
