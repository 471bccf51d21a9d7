package ru.soko.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.queryparser.classic.ParseException;

/**
 * Act numbers and dates named in a query («приказ 1291 от 24.07.2020», «№ 273-ФЗ», «590/219»).
 * A four-digit year such as «2023» alone counts as a year, not a number, unless it follows «№».
 */
record RequisiteQuery(List<String> numbers, List<String> dates) {

    private static final Pattern NUMBER = Pattern.compile(
            "(№\\s*)?(?<![\\p{L}\\d./-])(\\d{1,5}(?:/\\d{1,5})?(?:-[А-ЯЁA-Zа-яё]{1,4})?)(?![\\p{L}\\d./])");
    /** «СОШ № 12», «Лицей № 76», «детский сад № 58»: a school's number, not an act's. */
    private static final Pattern SCHOOL_BEFORE = Pattern.compile(
            "(?iu)(сош|оош|нош|школ\\p{L}*|гимнази\\p{L}*|лице\\p{L}*|сад\\p{L}*|доу|мбоу|маоу|мкоу|мдоу|мбдоу)[\\s«\"]*$");
    private static final Pattern DATE = Pattern.compile("(?<!\\d)(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?!\\d)");

    static RequisiteQuery of(String query) {
        List<String> dates = new ArrayList<>();
        Matcher d = DATE.matcher(query);
        while (d.find()) {
            try {
                dates.add(LocalDate.of(Integer.parseInt(d.group(3)), Integer.parseInt(d.group(2)),
                        Integer.parseInt(d.group(1))).toString());
            } catch (java.time.DateTimeException ignored) {
                // not a real date: left to the text search
            }
        }
        String withoutDates = DATE.matcher(query).replaceAll(" ");
        List<String> numbers = new ArrayList<>();
        Matcher n = NUMBER.matcher(withoutDates);
        while (n.find()) {
            String number = n.group(2);
            boolean marked = n.group(1) != null;
            boolean school = SCHOOL_BEFORE.matcher(withoutDates.substring(0, n.start())).find();
            if (!school && (marked || !looksLikeYear(number))) {
                numbers.add(normaliseNumber(number));
            }
        }
        return new RequisiteQuery(List.copyOf(numbers), List.copyOf(dates));
    }

    boolean isEmpty() {
        return numbers.isEmpty() && dates.isEmpty();
    }

    private static boolean looksLikeYear(String number) {
        if (!number.matches("\\d{4}")) {
            return number.matches("\\d{1,2}");
        }
        int value = Integer.parseInt(number);
        return value >= 1990 && value <= 2099;
    }

    static String normaliseNumber(String number) {
        return number.strip().toLowerCase(Locale.ROOT).replace('ё', 'е').replace(" ", "");
    }

    static String isoDate(String text) throws ParseException {
        String t = text.strip();
        try {
            Matcher m = DATE.matcher(t);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))).toString();
            }
            if (t.matches("\\d{4}")) {
                return t + "-01-01";
            }
            return LocalDate.parse(t).toString();
        } catch (java.time.DateTimeException e) {
            throw new ParseException("дата «" + text + "» не распознана: пишите 24.07.2020 или 2020-07-24");
        }
    }
}
