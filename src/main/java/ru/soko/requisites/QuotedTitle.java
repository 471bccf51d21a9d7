package ru.soko.requisites;

/**
 * The quoted title that may follow a citation's number. Titles nest quotes («…«Развитие
 * образования»») and authors often drop the last closing one, so an unbalanced title ends at the
 * last closing quote before the end of the sentence.
 */
final class QuotedTitle {

    private static final int MAX = 600;

    private QuotedTitle() {
    }

    /** {start, end} of «…» starting right after {@code pos} (whitespace allowed), or null. */
    static int[] after(String text, int pos) {
        int i = pos;
        while (i < text.length() && Character.isWhitespace(text.charAt(i)) && i - pos < 4) {
            i++;
        }
        if (i >= text.length() || text.charAt(i) != '«') {
            return null;
        }
        int depth = 0;
        int lastClose = -1;
        int limit = Math.min(text.length(), i + MAX);
        for (int j = i; j < limit; j++) {
            char c = text.charAt(j);
            if (c == '«') {
                depth++;
            } else if (c == '»') {
                depth--;
                lastClose = j;
                if (depth == 0) {
                    return new int[] {i, j + 1};
                }
            } else if ((c == ';' || c == '\n' && j + 1 < limit && text.charAt(j + 1) == '\n') && lastClose > i) {
                break;
            }
        }
        return lastClose > i ? new int[] {i, lastClose + 1} : null;
    }
}
