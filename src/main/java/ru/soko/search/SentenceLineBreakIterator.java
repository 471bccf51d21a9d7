package ru.soko.search;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;

/**
 * Sentence boundaries for snippets, found by looking only near the offset asked about: after a line
 * break, and before the first letter or digit that follows «.», «!», «?» or «…» and a space, when it
 * is a capital, a digit or an opening quote, and the full stop does not end a short lower-case word
 * or a number (so «г. Кемерово», «т. е. в» and «2. Контроль» stay whole).
 *
 * <p>The JDK's sentence iterator scans on until it finds a sentence end; indicator tables and long
 * clauses have none for pages, and the highlighter asks for boundaries around every match, so
 * snippets cost most of a search on long documents (docs/BENCHMARKS.md). This one never looks
 * further than the next line break.
 */
final class SentenceLineBreakIterator extends BreakIterator {

    private String text = "";
    private CharacterIterator source = new StringCharacterIterator("");
    private int current;

    @Override
    public int first() {
        current = 0;
        return current;
    }

    @Override
    public int last() {
        current = text.length();
        return current;
    }

    @Override
    public int next(int n) {
        int result = current;
        for (int i = 0; i < n && result != DONE; i++) {
            result = next();
        }
        for (int i = 0; i > n && result != DONE; i--) {
            result = previous();
        }
        return result;
    }

    @Override
    public int next() {
        return following(current);
    }

    @Override
    public int previous() {
        return preceding(current);
    }

    @Override
    public int following(int offset) {
        check(offset);
        if (offset >= text.length()) {
            current = text.length();
            return DONE;
        }
        int p = offset + 1;
        while (p < text.length() && !isBoundary(p)) {
            p++;
        }
        current = p;
        return p;
    }

    @Override
    public int preceding(int offset) {
        check(offset);
        if (offset <= 0) {
            current = 0;
            return DONE;
        }
        int p = offset - 1;
        while (p > 0 && !isBoundary(p)) {
            p--;
        }
        current = p;
        return p;
    }

    @Override
    public boolean isBoundary(int offset) {
        check(offset);
        if (offset == 0 || offset == text.length()) {
            return true;
        }
        char before = text.charAt(offset - 1);
        if (before == '\n') {
            return true;
        }
        if (!Character.isWhitespace(before) || Character.isWhitespace(text.charAt(offset)) || !opensSentence(text.charAt(offset))) {
            return false;
        }
        int p = offset - 1;
        while (p > 0 && Character.isWhitespace(text.charAt(p)) && text.charAt(p) != '\n') {
            p--;
        }
        char end = text.charAt(p);
        return end == '!' || end == '?' || end == '…' || end == '.' && !abbreviationOrNumber(p);
    }

    /** «г.», «ст.», «т. е.», «2.», «1.1.»: a short lower-case word or a number before the full stop. */
    private boolean abbreviationOrNumber(int fullStop) {
        int start = fullStop;
        while (start > 0 && (Character.isLetterOrDigit(text.charAt(start - 1)) || text.charAt(start - 1) == '.')) {
            start--;
        }
        String word = text.substring(start, fullStop);
        return !word.isEmpty() && word.length() <= 3 && !Character.isUpperCase(word.charAt(0))
                || !word.isEmpty() && word.chars().allMatch(c -> Character.isDigit(c) || c == '.');
    }

    private static boolean opensSentence(char c) {
        return Character.isUpperCase(c) || Character.isDigit(c) || c == '«' || c == '"';
    }

    @Override
    public int current() {
        return current;
    }

    @Override
    public CharacterIterator getText() {
        return source;
    }

    @Override
    public void setText(String newText) {
        text = newText;
        source = new StringCharacterIterator(newText);
        current = 0;
    }

    @Override
    public void setText(CharacterIterator newText) {
        StringBuilder s = new StringBuilder();
        for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) {
            s.append(c);
        }
        text = s.toString();
        source = newText;
        current = 0;
    }

    private void check(int offset) {
        if (offset < 0 || offset > text.length()) {
            throw new IllegalArgumentException("offset out of bounds: " + offset);
        }
    }
}
