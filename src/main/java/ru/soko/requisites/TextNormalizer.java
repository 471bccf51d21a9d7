package ru.soko.requisites;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Repairs what OCR and format conversion do to the text before any requisite is read from it, so
 * that the readers downstream see one spelling: Cyrillic words without Latin look-alikes, «№» for
 * «N»/«Nº», words re-joined across broken hyphenation, straight quotes turned into «», spaced-out
 * headings («П Р И К А З») collapsed. Line breaks are kept: the head of a document is read line by line.
 */
final class TextNormalizer {

    private static final Map<Character, Character> LOOK_ALIKES = Map.ofEntries(
            Map.entry('A', 'А'), Map.entry('B', 'В'), Map.entry('C', 'С'), Map.entry('E', 'Е'),
            Map.entry('H', 'Н'), Map.entry('K', 'К'), Map.entry('M', 'М'), Map.entry('O', 'О'),
            Map.entry('P', 'Р'), Map.entry('T', 'Т'), Map.entry('X', 'Х'), Map.entry('Y', 'У'),
            Map.entry('a', 'а'), Map.entry('c', 'с'), Map.entry('e', 'е'), Map.entry('o', 'о'),
            Map.entry('p', 'р'), Map.entry('x', 'х'), Map.entry('y', 'у'), Map.entry('k', 'к'),
            Map.entry('m', 'м'), Map.entry('n', 'п'), Map.entry('u', 'и'));

    // Each pattern below first tests something cheap at a position (a literal, a one-character class)
    // before any look-behind over letter classes: run over every position of every text, the
    // look-behind-first forms were a fifth of ingest time (docs/BENCHMARKS.md). Same matches.
    private static final Pattern ZERO_FOR_O = Pattern.compile("0(?<![\\p{L}\\d]0)(?=[а-яё])");
    private static final Pattern NUMERO = Pattern.compile("(?=[N№])(?<![\\p{L}\\d])(?:N[º°oe]?|№№)\\s*(?=[\\d_])");
    private static final Pattern NUMERO_SIGN = Pattern.compile("№(?=[\\d])");
    private static final Pattern SPACED = Pattern.compile("(?=[А-ЯЁа-яё] )(?<![\\p{L}])((?:[А-ЯЁа-яё] ){3,}[А-ЯЁа-яё])(?![\\p{L}])");
    private static final Pattern HYPHEN_BREAK = Pattern.compile("(?<![а-яё])([а-яё]{2,}+)-[ \\t]*\\n[ \\t]*\\n?[ \\t]*([а-яё]+)");
    private static final Pattern CODE_BREAK = Pattern.compile("(\\d)-[ \\t]*\\n[ \\t]*([А-ЯЁ]{1,4})(?![а-яё])");
    private static final Pattern GLUED_SECTION = Pattern.compile("(?=\\d{1,2}\\.(?:\\d{1,2}\\.)*\\s+[А-ЯЁ])(?<=[а-яё»)])");

    private TextNormalizer() {
    }

    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String t = text.replace("\r\n", "\n").replace('\r', '\n').replace("\u00AD", "").replace('\u00A0', ' ');
        t = fixMixedScript(t);
        // Each rule runs only where its pattern can match: most texts have no «0» before a letter, no
        // spaced-out heading, no line ending in a hyphen, and scanning for the character a rule needs
        // is far cheaper than stepping its pattern over every position (docs/bench/NOTES-ingest.md).
        if (hasPair(t, '0', TextNormalizer::isSmallRussian)) {
            t = ZERO_FOR_O.matcher(t).replaceAll("О");
        }
        if (t.indexOf('N') >= 0 || t.contains("№№")) {
            t = NUMERO.matcher(t).replaceAll("№ ");
        }
        if (hasPair(t, '№', c -> c >= '0' && c <= '9')) {
            t = NUMERO_SIGN.matcher(t).replaceAll("№ ");
        }
        if (hasSpacedLetters(t)) {
            t = collapseSpacedLetters(t);
        }
        if (hasHyphenAtLineEnd(t)) {
            t = rejoinHyphenation(t);
            t = CODE_BREAK.matcher(t).replaceAll("$1-$2\n");
        }
        if (hasGluedSection(t)) {
            t = GLUED_SECTION.matcher(t).replaceAll("\n");
        }
        t = curlQuotes(t);
        return t;
    }

    private static boolean isSmallRussian(char c) {
        return c >= 'а' && c <= 'я' || c == 'ё';
    }

    private static boolean isRussianLetter(char c) {
        return c >= 'А' && c <= 'я' || c == 'ё' || c == 'Ё';
    }

    private interface CharTest {
        boolean test(char c);
    }

    /** Whether {@code first} is somewhere directly followed by a character {@code next} accepts. */
    private static boolean hasPair(String t, char first, CharTest next) {
        for (int i = t.indexOf(first); i >= 0 && i + 1 < t.length(); i = t.indexOf(first, i + 1)) {
            if (next.test(t.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    /** A necessary condition of {@link #SPACED}: four Russian letters, the first three each followed by one space. */
    private static boolean hasSpacedLetters(String t) {
        int run = 0;
        int i = 0;
        while (i + 1 < t.length()) {
            if (isRussianLetter(t.charAt(i)) && t.charAt(i + 1) == ' ') {
                run++;
                i += 2;
                if (run >= 3 && i < t.length() && isRussianLetter(t.charAt(i))) {
                    return true;
                }
            } else {
                run = 0;
                i++;
            }
        }
        return false;
    }

    /** A necessary condition of {@link #HYPHEN_BREAK} and {@link #CODE_BREAK}: a hyphen, spaces or tabs, a line break. */
    private static boolean hasHyphenAtLineEnd(String t) {
        for (int i = t.indexOf('-'); i >= 0; i = t.indexOf('-', i + 1)) {
            int j = i + 1;
            while (j < t.length() && (t.charAt(j) == ' ' || t.charAt(j) == '\t')) {
                j++;
            }
            if (j < t.length() && t.charAt(j) == '\n') {
                return true;
            }
        }
        return false;
    }

    /** A necessary condition of {@link #GLUED_SECTION}: a digit right after a small Russian letter, «»» or «)». */
    private static boolean hasGluedSection(String t) {
        for (int i = 1; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                char prev = t.charAt(i - 1);
                if (isSmallRussian(prev) || prev == '»' || prev == ')') {
                    return true;
                }
            }
        }
        return false;
    }

    /** Collapses runs of spaces and tabs inside each line; layout has been read before this. */
    static String collapseInline(String line) {
        int i = 0;
        while (i < line.length() && !isInlineSpace(line.charAt(i))) {
            i++;
        }
        if (i == line.length()) {
            return line.strip();
        }
        StringBuilder out = new StringBuilder(line.length());
        boolean inRun = false;
        for (int k = 0; k < line.length(); k++) {
            char c = line.charAt(k);
            boolean space = isInlineSpace(c);
            if (!space) {
                out.append(c);
            } else if (!inRun) {
                out.append(' ');
            }
            inRun = space;
        }
        return out.toString().strip();
    }

    /** Spaces and tabs as the layout reader counts them: with the no-break and narrow spaces. */
    private static boolean isInlineSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u00A0' || c == '\u2007' || c == '\u202F';
    }

    /** Lower case, «ё» as «е», quotes dropped, whitespace collapsed: the form directory patterns are written in. */
    static String matchForm(String text) {
        String t = text.toLowerCase(java.util.Locale.ROOT);
        // One pass for what were three regex replacements (quotes to spaces, dashes to hyphens, runs of
        // \\s to one space): this runs on every cited issuer and on every head.
        StringBuilder out = new StringBuilder(t.length());
        boolean inRun = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == 'ё') {
                c = 'е';
            } else if (c == '«' || c == '»' || c == '"' || c == '“' || c == '”' || c == '„') {
                c = ' ';
            } else if (c == '‐' || c == '‑' || c == '–' || c == '—') {
                c = '-';
            }
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
            if (!space) {
                out.append(c);
            } else if (!inRun) {
                out.append(' ');
            }
            inRun = space;
        }
        return out.toString();
    }

    // Words are maximal runs of letters (\p{L}); only a word with both Cyrillic letters and Latin
    // look-alikes changes, so a text without one is returned as it is, without copying.
    private static String fixMixedScript(String t) {
        StringBuilder out = null;
        int i = 0;
        int length = t.length();
        while (i < length) {
            int start = i;
            while (i < length && Character.isLetter(t.codePointAt(i))) {
                i += Character.charCount(t.codePointAt(i));
            }
            if (i > start) {
                String w = t.substring(start, i);
                if (isMixed(w)) {
                    if (out == null) {
                        out = new StringBuilder(length).append(t, 0, start);
                    }
                    out.append(toCyrillic(w));
                } else if (out != null) {
                    out.append(w);
                }
            }
            int gap = i;
            while (i < length && !Character.isLetter(t.codePointAt(i))) {
                i += Character.charCount(t.codePointAt(i));
            }
            if (out != null) {
                out.append(t, gap, i);
            }
        }
        return out == null ? t : out.toString();
    }

    private static boolean isMixed(String w) {
        boolean cyr = false;
        boolean lat = false;
        for (char c : w.toCharArray()) {
            if (isRussianLetter(c) || c >= 128 && Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC) {
                cyr = true;
            } else if (c < 128) {
                if (!LOOK_ALIKES.containsKey(c)) {
                    return false;
                }
                lat = true;
            }
        }
        return cyr && lat;
    }

    private static String toCyrillic(String w) {
        StringBuilder b = new StringBuilder(w.length());
        for (char c : w.toCharArray()) {
            b.append(c < 128 ? LOOK_ALIKES.getOrDefault(c, c) : c);
        }
        return b.toString();
    }

    private static String collapseSpacedLetters(String t) {
        Matcher m = SPACED.matcher(t);
        StringBuilder out = new StringBuilder(t.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1).replace(" ", "")));
        }
        m.appendTail(out);
        return out.toString();
    }

    // A compound like «организационно-методическое» keeps its hyphen: its first half ends in «о»;
    // a word cut by a typesetter («самообследова-ния») loses it. The rest of the word moves up a line
    // so that line structure survives.
    private static String rejoinHyphenation(String t) {
        Matcher m = HYPHEN_BREAK.matcher(t);
        StringBuilder out = new StringBuilder(t.length());
        while (m.find()) {
            String left = m.group(1);
            String joiner = left.endsWith("о") && left.length() >= 4 ? "-" : "";
            m.appendReplacement(out, Matcher.quoteReplacement(left + joiner + m.group(2) + "\n"));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String curlQuotes(String t) {
        if (t.indexOf('"') < 0 && t.indexOf('“') < 0 && t.indexOf('”') < 0 && t.indexOf('„') < 0) {
            return t;
        }
        StringBuilder b = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '"' || c == '“' || c == '”' || c == '„') {
                char prev = i == 0 ? ' ' : t.charAt(i - 1);
                boolean opening = Character.isWhitespace(prev) || "([{«-—–/".indexOf(prev) >= 0;
                b.append(opening ? '«' : '»');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
