package ru.soko.requisites;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** A cell or field that holds one date in a usual Russian form: «01.09.2025», «1 сентября 2025 г.», «2025-09-01». */
public final class RussianDates {

    private RussianDates() {
    }

    private static final java.time.format.DateTimeFormatter RUSSIAN = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /** «12.03.2024»; empty for no date. */
    public static String format(LocalDate date) {
        return date == null ? "" : date.format(RUSSIAN);
    }

    public static Optional<LocalDate> parseWhole(String value) {
        String v = value.strip();
        if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
            try {
                return Optional.of(LocalDate.parse(v));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return DateParser.first(v)
                .filter(m -> m.start() == 0 && m.end() == v.length() && m.date() != null)
                .map(DateParser.DateMatch::date);
    }
}
