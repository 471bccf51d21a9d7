package ru.soko.requisites;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds who signed: the first signature line — a position («Министр образования Кузбасса»,
 * «Директор», «Эксперт») followed by initials and surname at the end of the line, or a name alone on
 * its line under such a position, or after the signature blank «_______». Lines of people who only
 * acknowledged or prepared the document («С приказом ознакомлены», «Исполнитель», «Согласовано»)
 * are skipped. The result is written «С.Ю. Балакирева».
 */
final class SignatoryExtractor {

    private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final String NAME = "(?-i:([А-ЯЁ])\\.\\s?([А-ЯЁ])\\.\\s?([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?))";
    private static final String POSITION = "(?:министр|руководител|директор|начальник|председател|ректор|заведующ|"
            + "заместител|первый заместител|эксперт|глава|президент|и\\.\\s?о\\.|врио|исполняющ|временно)";
    private static final Pattern WITH_POSITION = Pattern.compile(
            "^(?:.*утверждаю:?\\s*)?" + POSITION + "[^()]*?[\\s_]" + NAME + "\\s*(?:,\\s*[\\d.]+)?\\s*$", CI);
    private static final Pattern NAME_ALONE = Pattern.compile("^_*\\s*" + NAME + "\\s*$");
    private static final Pattern NAME_AT_END = Pattern.compile("\\s" + NAME + "\\s*$");
    private static final int SHORT_LINE = 120;
    private static final Pattern POSITION_LINE = Pattern.compile("^" + POSITION, CI);
    private static final Pattern SKIP = Pattern.compile(
            "^(?:с\\s+(?:приказом|заключением|документом|распоряжением)\\s+ознакомлен|ознакомлен|исполнитель|исп\\.|"
                    + "составител|согласовано|проект подготовил|подготовил|визы)", CI);
    private static final int LOOK_UP = 3;

    private SignatoryExtractor() {
    }

    static Optional<String> extract(List<Line> lines) {
        for (Line line : lines) {
            String t = line.text();
            if (t.isEmpty() || t.length() > 250 || SKIP.matcher(t).find()) {
                continue;
            }
            Matcher m = WITH_POSITION.matcher(t);
            if (m.find()) {
                return Optional.of(format(m));
            }
            Matcher alone = NAME_ALONE.matcher(t);
            if (alone.find() && (t.startsWith("_") || positionAbove(lines, line.index()))) {
                return Optional.of(format(alone));
            }
            Matcher atEnd = NAME_AT_END.matcher(t);
            if (t.length() < SHORT_LINE && atEnd.find() && positionAbove(lines, line.index())) {
                return Optional.of(format(atEnd));
            }
        }
        return Optional.empty();
    }

    private static boolean positionAbove(List<Line> lines, int index) {
        int seen = 0;
        for (int i = index - 1; i >= 0 && seen < LOOK_UP; i--) {
            String t = lines.get(i).text();
            if (t.isEmpty()) {
                continue;
            }
            seen++;
            if (POSITION_LINE.matcher(t).find() && !SKIP.matcher(t).find()) {
                return true;
            }
        }
        return false;
    }

    private static String format(Matcher m) {
        return m.group(1) + "." + m.group(2) + ". " + m.group(3);
    }
}
