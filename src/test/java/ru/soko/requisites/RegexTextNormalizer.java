package ru.soko.requisites;

// The normaliser as it was before the pre-checks of NOTES-ingest.md step 2: the reference they must agree with.

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * (Reference copy, tests only.) Repairs what OCR and format conversion do to the text before any requisite is read from it, so
 * that the readers downstream see one spelling: Cyrillic words without Latin look-alikes, «№» for
 * «N»/«Nº», words re-joined across broken hyphenation, straight quotes turned into «», spaced-out
 * headings («П Р И К А З») collapsed. Line breaks are kept: the head of a document is read line by line.
 */
final class RegexTextNormalizer {

    private static final Map<Character, Character> LOOK_ALIKES = Map.ofEntries(
            Map.entry('A', 'А'), Map.entry('B', 'В'), Map.entry('C', 'С'), Map.entry('E', 'Е'),
            Map.entry('H', 'Н'), Map.entry('K', 'К'), Map.entry('M', 'М'), Map.entry('O', 'О'),
            Map.entry('P', 'Р'), Map.entry('T', 'Т'), Map.entry('X', 'Х'), Map.entry('Y', 'У'),
            Map.entry('a', 'а'), Map.entry('c', 'с'), Map.entry('e', 'е'), Map.entry('o', 'о'),
            Map.entry('p', 'р'), Map.entry('x', 'х'), Map.entry('y', 'у'), Map.entry('k', 'к'),
            Map.entry('m', 'м'), Map.entry('n', 'п'), Map.entry('u', 'и'));

    private static final Pattern WORD = Pattern.compile("[\\p{L}]+");
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
    private static final Pattern INLINE_SPACE = Pattern.compile("[ \\t\\u00A0\\u2007\\u202F]+");

    private RegexTextNormalizer() {
    }

    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String t = text.replace("\r\n", "\n").replace('\r', '\n').replace("\u00AD", "").replace('\u00A0', ' ');
        t = fixMixedScript(t);
        t = ZERO_FOR_O.matcher(t).replaceAll("О");
        t = NUMERO.matcher(t).replaceAll("№ ");
        t = NUMERO_SIGN.matcher(t).replaceAll("№ ");
        t = collapseSpacedLetters(t);
        t = rejoinHyphenation(t);
        t = CODE_BREAK.matcher(t).replaceAll("$1-$2\n");
        t = GLUED_SECTION.matcher(t).replaceAll("\n");
        t = curlQuotes(t);
        return t;
    }

    /** Collapses runs of spaces and tabs inside each line; layout has been read before this. */
    static String collapseInline(String line) {
        return INLINE_SPACE.matcher(line).replaceAll(" ").strip();
    }

    /** Lower case, «ё» as «е», quotes dropped, whitespace collapsed: the form directory patterns are written in. */
    static String matchForm(String text) {
        String t = text.toLowerCase(java.util.Locale.ROOT).replace('ё', 'е')
                .replaceAll("[«»\"“”„]", " ")
                .replaceAll("[‐‑–—]", "-");
        return t.replaceAll("\\s+", " ");
    }

    private static String fixMixedScript(String t) {
        Matcher m = WORD.matcher(t);
        StringBuilder out = new StringBuilder(t.length());
        while (m.find()) {
            String w = m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(isMixed(w) ? toCyrillic(w) : w));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static boolean isMixed(String w) {
        boolean cyr = false;
        boolean lat = false;
        for (char c : w.toCharArray()) {
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC) {
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
