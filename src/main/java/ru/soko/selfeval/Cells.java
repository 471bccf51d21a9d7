package ru.soko.selfeval;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading value cells and units. Reports print the same figure in many ways — «312/54,3%»,
 * «312 / 54,3 %», «312 чел./54,3 %», «4.5» from a spreadsheet, «—» for «not applicable» — and OCR adds
 * letters that look like digits (О for 0, З for 3, l for 1) and spaces inside numbers. Pure functions.
 */
final class Cells {

    /** A digit or a letter OCR confuses with one; a number must still hold at least one real digit. */
    private static final String D = "[0-9ОOоoЗlI|]";
    private static final String NUM = "(?:" + D + "*[0-9]" + D + "*(?: [0-9]{3})*(?:[.,] ?" + D + "+)?)";
    private static final String DASH = "[—–−‐-]+";
    private static final String PAIR = NUM + " ?(?:чел\\.?|человек)? ?/ ?" + NUM + " ?%?";
    private static final Pattern VALUE_AT_START = Pattern.compile(
            "^(нет данных|да|нет|" + DASH + "|" + PAIR + "|" + NUM + " ?%?)(?![\\p{L}0-9])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern PAIR_PARTS = Pattern.compile("^(" + NUM + ") ?(?:чел\\.?|человек)? ?/ ?(" + NUM + ") ?(%?)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern SINGLE = Pattern.compile("^(" + NUM + ") ?(%?)$");

    /**
     * Units as reports print them, longest forms first so «человек/%» is not read as «человек».
     * The letters around must not continue a word («балл» in «баллов» is the unit «балл», but not in
     * «баллистика»).
     */
    static final Pattern UNIT = Pattern.compile("(?<![\\p{L}])(человек ?/ ?человек|чел(?:овек|\\.)? ?/ ?%|человек"
            + "|балл(?:ов|а)?|единиц[аы]?|ед\\.|кв\\. ?м\\.?|кв ?м|да ?/ ?нет|дн(?:ей|я)|день"
            + "|тыс\\. ?руб(?:лей|\\.)?|руб(?:лей|\\.)?)(?![\\p{L}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private Cells() {
    }

    /** Text with every run of spaces, tabs and line breaks as one space: how the patterns see it. */
    static String squeeze(String s) {
        return s.replaceAll("[\\s\\u00a0]+", " ").trim();
    }

    /** The value cell at the start of {@code text}, if the text starts with one. */
    static Optional<String> valueAtStart(String text) {
        Matcher m = VALUE_AT_START.matcher(squeeze(text));
        return m.find() ? Optional.of(m.group(1).trim()) : Optional.empty();
    }

    /** True when the whole text is one value cell (a line of a value column). */
    static boolean isValue(String text) {
        String s = squeeze(text);
        return valueAtStart(s).map(v -> v.length() == s.length()).orElse(false);
    }

    /** The unit in its canonical spelling («чел./%» → «человек/%», «КВ. М» → «кв. м»). */
    static String canonicalUnit(String printed) {
        String u = squeeze(printed).toLowerCase(Locale.ROOT).replace(" ", "");
        if (u.startsWith("человек/человек")) {
            return "человек/человек";
        }
        if (u.endsWith("/%")) {
            return "человек/%";
        }
        if (u.startsWith("человек")) {
            return "человек";
        }
        if (u.startsWith("балл")) {
            return "балл";
        }
        if (u.startsWith("ед")) {
            return "единиц";
        }
        if (u.startsWith("кв")) {
            return "кв. м";
        }
        if (u.startsWith("да/")) {
            return "да/нет";
        }
        if (u.startsWith("дн") || u.startsWith("день")) {
            return "день";
        }
        if (u.startsWith("тыс")) {
            return "тыс. руб.";
        }
        if (u.startsWith("руб")) {
            return "руб.";
        }
        return squeeze(printed);
    }

    /**
     * Reads a value cell for a row of the given unit (null when unknown). «человек/%» gives both
     * numbers; «человек/человек» (a ratio «1/10,8») gives the second; «да/нет», dashes, empty cells and
     * «нет данных» give no number — a missing figure is not a zero.
     */
    static Cell parse(String printed, String unit) {
        String text = printed == null ? "" : squeeze(printed);
        if (text.isEmpty()) {
            return Cell.EMPTY;
        }
        Matcher pair = PAIR_PARTS.matcher(text);
        if (pair.matches()) {
            Double first = number(pair.group(1));
            Double second = number(pair.group(2));
            if ("человек/человек".equals(unit)) {
                return new Cell(second, null, text);
            }
            return new Cell(first, second, text);
        }
        Matcher single = SINGLE.matcher(text);
        if (single.matches()) {
            Double n = number(single.group(1));
            boolean percentOnly = !single.group(2).isEmpty() && "человек/%".equals(unit);
            return percentOnly ? new Cell(null, n, text) : new Cell(n, null, text);
        }
        return new Cell(null, null, text);
    }

    /** A number with OCR look-alikes mended, spaces inside removed and a decimal comma read as a point. */
    static Double number(String s) {
        String t = s.replace('О', '0').replace('O', '0').replace('о', '0').replace('o', '0')
                .replace('З', '3').replace('l', '1').replace('I', '1').replace('|', '1')
                .replace(" ", "").replace(',', '.');
        try {
            return Double.valueOf(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether a value cell can stand in a row of this unit: a pair in «человек/%», «да» in «да/нет». */
    static boolean fits(String cellText, String unit) {
        if (unit == null) {
            return true;
        }
        String t = squeeze(cellText).toLowerCase(Locale.ROOT);
        boolean yesNo = t.equals("да") || t.equals("нет");
        boolean isPair = PAIR_PARTS.matcher(t).matches();
        boolean dash = t.matches(DASH) || t.equals("нет данных");
        if (dash) {
            return !unit.equals("да/нет");
        }
        return switch (unit) {
            case "да/нет" -> yesNo;
            case "человек/%", "человек/человек" -> isPair;
            case "человек" -> !yesNo && !isPair && !t.contains(",") && !t.contains(".");
            default -> !yesNo && !isPair;
        };
    }
}
