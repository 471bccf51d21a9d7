package ru.soko.registry;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import ru.soko.requisites.RussianDates;

/**
 * Turns one cell into a typed value, or says in Russian why it cannot: dates are dates, numbers
 * numbers, statuses from the fixed list, ИНН and ОГРН with their check digits, URLs real URLs.
 */
final class FieldParser {

    private FieldParser() {
    }

    /** A parsed value (null for an empty cell) or the reason the cell was refused. */
    record Parsed(Object value, String error) {
        static Parsed ok(Object value) {
            return new Parsed(value, null);
        }

        static Parsed bad(String error) {
            return new Parsed(null, error);
        }
    }

    static Parsed parse(FieldSpec field, String raw) {
        String v = raw == null ? "" : raw.strip();
        if (v.isEmpty() || v.equals("—") || v.equals("-")) {
            return field.required() ? Parsed.bad("обязательное поле не заполнено") : Parsed.ok(null);
        }
        return switch (field.fieldType()) {
            case TEXT, ORGANISATION -> Parsed.ok(v.replaceAll("\\s+", " "));
            case DATE -> RussianDates.parseWhole(v).<Parsed>map(d -> Parsed.ok(d.toString()))
                    .orElseGet(() -> Parsed.bad("«" + v + "» — не дата (ожидается 01.09.2025)"));
            case INT -> integer(field, v);
            case ENUM, STATUS -> oneOf(field, v);
            case INN -> inn(v);
            case OGRN -> ogrn(v);
            case URL -> url(v);
            case LIST -> Parsed.ok(Arrays.stream(v.split("[;\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList());
            case PSEUDONYM -> pseudonym(v);
        };
    }

    private static Parsed integer(FieldSpec field, String v) {
        try {
            int n = Integer.parseInt(v.replace(" ", ""));
            if (field.min() != null && n < field.min() || field.max() != null && n > field.max()) {
                return Parsed.bad("«" + v + "» вне допустимого диапазона " + field.min() + "–" + field.max());
            }
            return Parsed.ok(n);
        } catch (NumberFormatException e) {
            return Parsed.bad("«" + v + "» — не целое число");
        }
    }

    private static Parsed oneOf(FieldSpec field, String v) {
        String lower = v.toLowerCase(Locale.ROOT);
        for (String allowed : field.values()) {
            String a = allowed.toLowerCase(Locale.ROOT);
            if (a.equals(lower) || a.replace('ё', 'е').equals(lower.replace('ё', 'е'))) {
                return Parsed.ok(allowed);
            }
        }
        return Parsed.bad("«" + v + "» — недопустимое значение; допустимо: " + String.join(", ", field.values()));
    }

    static Parsed inn(String v) {
        String digits = v.replaceAll("\\s", "");
        if (digits.matches("\\d{9}")) {
            // Excel keeps ИНН as a number and drops a leading zero (regions 01–09).
            digits = "0" + digits;
        }
        if (!digits.matches("\\d{10}|\\d{12}")) {
            return Parsed.bad("ИНН «" + v + "» должен состоять из 10 или 12 цифр");
        }
        return innValid(digits) ? Parsed.ok(digits) : Parsed.bad("ИНН «" + v + "»: неверная контрольная цифра");
    }

    static boolean innValid(String d) {
        if (d.length() == 10) {
            return checkDigit(d, new int[] {2, 4, 10, 3, 5, 9, 4, 6, 8}) == digit(d, 9);
        }
        return checkDigit(d, new int[] {7, 2, 4, 10, 3, 5, 9, 4, 6, 8}) == digit(d, 10)
                && checkDigit(d, new int[] {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8}) == digit(d, 11);
    }

    static Parsed ogrn(String v) {
        String d = v.replaceAll("\\s", "");
        if (!d.matches("\\d{13}|\\d{15}")) {
            return Parsed.bad("ОГРН «" + v + "» должен состоять из 13 цифр (ОГРНИП — из 15)");
        }
        long body = Long.parseLong(d.substring(0, d.length() - 1));
        long check = d.length() == 13 ? body % 11 % 10 : body % 13 % 10;
        return check == digit(d, d.length() - 1) ? Parsed.ok(d) : Parsed.bad("ОГРН «" + v + "»: неверная контрольная цифра");
    }

    private static Parsed url(String v) {
        String candidate = v.matches("(?i)^https?://.*") ? v : (v.matches("(?i)^[\\w.-]+\\.[a-zа-я]{2,}(/.*)?$") ? "https://" + v : null);
        if (candidate == null) {
            return Parsed.bad("«" + v + "» — не адрес сайта (ожидается https://…)");
        }
        try {
            URI uri = new URI(candidate);
            if (uri.getHost() == null || !uri.getHost().contains(".")) {
                return Parsed.bad("«" + v + "» — не адрес сайта");
            }
            return Parsed.ok(candidate);
        } catch (URISyntaxException e) {
            return Parsed.bad("«" + v + "» — не адрес сайта");
        }
    }

    /** A student is kept only as a code; three capitalised words look like a name and are refused. */
    private static Parsed pseudonym(String v) {
        if (v.matches("^\\p{Lu}\\p{Ll}+\\s+\\p{Lu}\\p{Ll}+(\\s+\\p{Lu}\\p{Ll}+)?$")) {
            return Parsed.bad("похоже на имя обучающегося: в реестре допускается только код (например, У-2024-0153)");
        }
        return Parsed.ok(v);
    }

    private static int checkDigit(String d, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] * digit(d, i);
        }
        return sum % 11 % 10;
    }

    private static int digit(String d, int i) {
        return d.charAt(i) - '0';
    }

}
