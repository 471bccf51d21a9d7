package ru.soko.requisites;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A line of a document's head that carries only requisites — date, number, place — in any
 * arrangement: «от 24.07.2020 № 1291», «12 сентября 2022 года   г. Чегем   № 134», «г. Кемерово, 2023»,
 * «Дата публикации: 05.09.2023», ««__» ________ 2025 г.», «№ ____».
 */
record HeadLine(DateParser.DateMatch date, String number, String place) {

    static final Pattern NUMBER = Pattern.compile("№\\s*(" + CitationParser.NUMBER + ")");
    private static final Pattern BLANK_NUMBER = Pattern.compile("№\\s*_+");
    static final Pattern PLACE = Pattern.compile(
            "(?<![\\p{L}])(г\\.|город|р\\.\\s?п\\.|рп\\.?|пгт\\.?|с\\.\\s?п\\.|с\\.|п\\.)\\s*([А-ЯЁ][а-яё]+(?:[ -][А-ЯЁ][а-яё]+)*)");
    private static final Pattern LABEL = Pattern.compile("^(?:дата(?: публикации| подписания)?|от)\\s*:?\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern POSTCODE = Pattern.compile("(?<!\\d)\\d{6}(?!\\d),?");
    private static final Pattern LEFTOVER = Pattern.compile("[\\s,.:;–—\\-()]*|[\\s,.:;–—\\-()]*(?:19|20)\\d{2}[\\s,.г]*");

    /** Reads {@code text} as a requisite line, or empty when it says anything else. */
    static Optional<HeadLine> read(String text, IssuerDirectory directory) {
        String rest = text;
        DateParser.DateMatch date = null;
        Optional<DateParser.DateMatch> d = DateParser.first(rest);
        if (d.isPresent()) {
            date = d.get();
            rest = rest.substring(0, date.start()) + " " + rest.substring(date.end());
        }
        String number = null;
        Matcher n = NUMBER.matcher(rest);
        if (n.find()) {
            number = CitationParser.cleanNumber(n.group(1));
            rest = rest.substring(0, n.start()) + " " + rest.substring(n.end());
        } else {
            rest = BLANK_NUMBER.matcher(rest).replaceAll(" ");
        }
        String place = null;
        Matcher p = PLACE.matcher(rest);
        if (p.find()) {
            place = place(p);
            rest = rest.substring(0, p.start()) + " " + rest.substring(p.end());
        } else {
            for (String town : directory.towns()) {
                Matcher t = Pattern.compile("(?<![\\p{L}])" + Pattern.quote(town) + "(?![\\p{L}])").matcher(rest);
                if (t.find()) {
                    place = directory.placeOfTown(town).orElse(null);
                    rest = rest.substring(0, t.start()) + " " + rest.substring(t.end());
                    break;
                }
            }
        }
        rest = POSTCODE.matcher(rest).replaceAll(" ").strip();
        rest = LABEL.matcher(rest).replaceFirst("").strip();
        if (date == null && number == null && place == null) {
            return Optional.empty();
        }
        boolean clean = LEFTOVER.matcher(rest).matches() && (place != null || !rest.matches(".*\\d{4}.*"));
        return clean ? Optional.of(new HeadLine(date, number, place)) : Optional.empty();
    }

    /** The place written in an address line of the head («650000, г. Кемерово, ул. …», «…, Москва, 127994»). */
    static Optional<String> placeInAddress(String text, IssuerDirectory directory) {
        boolean address = POSTCODE.matcher(text).find() || text.contains("ул.") || text.contains("пр.");
        if (!address) {
            return Optional.empty();
        }
        Matcher p = PLACE.matcher(text);
        if (p.find()) {
            return Optional.of(place(p));
        }
        for (String town : directory.towns()) {
            if (Pattern.compile("(?<![\\p{L}])" + Pattern.quote(town) + "(?![\\p{L}])").matcher(text).find()) {
                return directory.placeOfTown(town);
            }
        }
        return Optional.empty();
    }

    private static String place(Matcher p) {
        String prefix = p.group(1).replace(" ", "").toLowerCase(java.util.Locale.ROOT);
        prefix = switch (prefix) {
            case "город" -> "г.";
            case "рп", "рп." -> "р.п.";
            case "пгт." -> "пгт";
            default -> prefix;
        };
        return prefix + " " + p.group(2);
    }
}
