package ru.soko.requisites;

import java.util.ArrayList;
import java.util.List;

/** One line of normalised text: its place in the text and its words with spacing collapsed. */
record Line(int index, int start, int end, boolean cell, String text) {

    boolean blank() {
        return text.isEmpty();
    }

    boolean covers(int offset) {
        return offset >= start && offset <= end;
    }

    /** Splits text into lines; a line that began with a tab is a spreadsheet or table cell. */
    static List<Line> split(String text) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (start <= text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            String raw = text.substring(start, end);
            lines.add(new Line(i++, start, end, raw.startsWith("\t"), TextNormalizer.collapseInline(raw)));
            if (nl < 0) {
                break;
            }
            start = nl + 1;
        }
        return lines;
    }
}
