package ru.soko.requisites;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates Russian acts are written with: «15.12.2022», «от 24.07.2020», «15 декабря 2022 г.»,
 * ««14» апреля 2023 г.», and the blank of an unsigned draft «"__" ________ 2022 г.», which gives the
 * year but no date.
 */
final class DateParser {

    /** A date found in text; {@code date} is null for a draft's blank, which still tells the year. */
    record DateMatch(LocalDate date, Integer year, int start, int end) {
    }

    private static final String MONTHS = "(январ[яь]|феврал[яь]|марта?|апрел[яь]|ма[яй]|июн[яь]|июл[яь]|августа?|"
            + "сентябр[яь]|октябр[яь]|ноябр[яь]|декабр[яь])";
    static final String NUMERIC = "(?<![\\d.])(\\d{1,2})\\s?\\.\\s?(\\d{1,2})\\s?\\.\\s?((?:19|20)\\d{2})(?!\\d)";
    static final String IN_WORDS = "(?<!\\d)[«\"]?(\\d{1,2})[»\"]?\\s+" + MONTHS + "\\s+((?:19|20)\\d{2})(?!\\d)";
    static final String BLANK = "[«\"]?\\s*_+\\s*[»\"]?\\s*_{2,}\\s*((?:19|20)\\d{2})(?!\\d)";
    private static final String TAIL = "(?:\\s*(?:г\\.|года|год)(?![\\p{L}]))?";

    private static final Pattern ANY = Pattern.compile(
            "(?:" + NUMERIC + ")|(?:" + IN_WORDS + ")|(?:" + BLANK + ")" , Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern TAIL_PATTERN = Pattern.compile(TAIL, Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE);

    private DateParser() {
    }

    static List<DateMatch> findAll(String text) {
        List<DateMatch> found = new ArrayList<>();
        Matcher m = ANY.matcher(text);
        while (m.find()) {
            toMatch(m, text).ifPresent(found::add);
        }
        return found;
    }

    static Optional<DateMatch> first(String text) {
        List<DateMatch> all = findAll(text);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** The first full date written in {@code text}. */
    static Optional<LocalDate> parse(String text) {
        return first(text).map(DateMatch::date);
    }

    private static Optional<DateMatch> toMatch(Matcher m, String text) {
        int end = m.end();
        Matcher tail = TAIL_PATTERN.matcher(text).region(end, text.length());
        if (tail.lookingAt()) {
            end = tail.end();
        }
        if (m.group(1) != null) {
            return of(m.group(3), Integer.parseInt(m.group(2)), m.group(1), m.start(), end);
        }
        if (m.group(4) != null) {
            return of(m.group(6), monthOf(m.group(5)), m.group(4), m.start(), end);
        }
        return Optional.of(new DateMatch(null, Integer.parseInt(m.group(7)), m.start(), end));
    }

    private static Optional<DateMatch> of(String year, int month, String day, int start, int end) {
        try {
            LocalDate d = LocalDate.of(Integer.parseInt(year), month, Integer.parseInt(day));
            return Optional.of(new DateMatch(d, d.getYear(), start, end));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static int monthOf(String word) {
        String w = word.toLowerCase(java.util.Locale.ROOT);
        String[] stems = {"янв", "фев", "мар", "апр", "ма", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"};
        for (int i = 0; i < stems.length; i++) {
            if (w.startsWith(stems[i])) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(word);
    }
}
