package ru.soko.selfeval;

import java.util.List;
import java.util.Map;

/**
 * A school's self-evaluation figures across years, as {@code selfeval show --json} gives them.
 * Field names are part of the JSON contract.
 */
public record SchoolHistory(Organisation organisation, List<Integer> years, List<Integer> missingYears,
                            List<Indicator> indicators, List<Flag> flags) {

    public record Organisation(String id, String name, String inn) {
    }

    /** One indicator with its figure per year (years without a figure are absent from {@code values}). */
    public record Indicator(String code, String name, String unit, Map<String, YearValue> values) {
    }

    /** A figure of one year; {@code change} is the difference from the previous year on record. */
    public record YearValue(Double value, Double percent, long documentId, int line, boolean corrected, Double change) {
    }

    /** A figure that looks wrong. {@code kind}: share-over-100, jump, inconsistent. */
    public record Flag(int year, String code, String kind, String message) {
    }
}
