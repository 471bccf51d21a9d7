package ru.soko.requisites;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The words that name the kind of a cited act, in every case form, mapped to the kind the labels use. */
final class KindWords {

    /** A kind word found in text. */
    record Hit(String kind, int start, int end) {
    }

    private static final String[][] KINDS = {
        {"федеральный закон", "федеральн(?:ый|ого|ому|ым|ом|ые|ых|ыми)\\s+закон(?:а|у|ом|е|ы|ов|ам|ами)?"},
        {"закон", "закон(?:а|у|ом|е|ы|ов|ам|ами)?"},
        {"приказ", "приказ(?:а|у|ом|е|ы|ов|ам|ами|ах)?"},
        {"постановление", "постановлени(?:е|я|ю|ем|и|й|ям|ями)"},
        {"распоряжение", "распоряжени(?:е|я|ю|ем|и|й|ям|ями)"},
        {"письмо", "письм(?:о|а|у|ом|е|ами)"},
        {"протокол", "протокол(?:а|у|ом|е|ы|ов)?"},
        {"соглашение", "соглашени(?:е|я|ю|ем|и)"},
        {"договор", "договор(?:а|у|ом|е)?"},
        {"решение", "решени(?:е|я|ю|ем)"},
        {"указ", "указ(?:а|у|ом|е)?"},
    };

    private static final Pattern ANY;

    static {
        StringBuilder b = new StringBuilder("(?<![\\p{L}])(?:");
        for (int i = 0; i < KINDS.length; i++) {
            b.append(i == 0 ? "" : "|").append("(").append(KINDS[i][1]).append(")");
        }
        ANY = Pattern.compile(b.append(")(?![\\p{L}])").toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private KindWords() {
    }

    /** The last kind word in {@code text}, or null. */
    static Hit lastIn(String text) {
        Matcher m = ANY.matcher(text);
        Hit last = null;
        while (m.find()) {
            last = new Hit(kindOf(m), m.start(), m.end());
        }
        return last;
    }

    private static String kindOf(Matcher m) {
        for (int i = 0; i < KINDS.length; i++) {
            if (m.group(i + 1) != null) {
                return KINDS[i][0];
            }
        }
        throw new IllegalStateException();
    }
}
