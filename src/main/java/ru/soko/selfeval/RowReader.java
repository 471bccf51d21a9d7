package ru.soko.selfeval;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a table whose rows come out whole — DOCX and ODT (one cell a line), XLSX (cells of a row
 * separated by tabs), PDF with a text layer (cells of a row run together with spaces, long names
 * broken over lines). A row starts at a piece that starts with a code («1.19.1», «2.»); its value is
 * the cell right after the last unit in it, since names may hold unit words themselves («Средний
 * балл …», «… единиц хранения …») and a PDF may print the end of a name after the value.
 */
final class RowReader {

    /** A code at the start of a piece; OCR may give letters for digits. Needs a dot: «11 класса» is no code. */
    static final Pattern CODE = Pattern.compile("^([0-9ОOЗlI]{1,2}(?:\\.[0-9ОOЗlI]{1,2}){0,2})(\\.?)(?=\\s|$)");

    private RowReader() {
    }

    static List<PrintedRow> read(List<TextLine> pieces) {
        List<PrintedRow> rows = new ArrayList<>();
        Builder current = null;
        for (TextLine piece : pieces) {
            if (piece.text().isEmpty()) {
                continue;
            }
            Optional<String> code = code(piece.text());
            boolean valueAfterUnit = current != null && current.endsWithUnitOn(piece.line())
                    && Cells.isValue(piece.text());
            if (code.isPresent() && !valueAfterUnit) {
                if (current != null) {
                    current.build().ifPresent(rows::add);
                }
                String rest = piece.text().substring(codeLength(piece.text())).trim();
                current = new Builder(code.get(), piece.line());
                if (!rest.isEmpty()) {
                    current.append(rest, piece.line());
                }
            } else if (current != null) {
                current.append(piece.text(), piece.line());
            }
        }
        if (current != null) {
            current.build().ifPresent(rows::add);
        }
        return rows;
    }

    static Optional<String> code(String text) {
        Matcher m = CODE.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        String c = m.group(1);
        boolean dotted = c.contains(".") || !m.group(2).isEmpty();
        if (!dotted || c.chars().noneMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(mend(c));
    }

    private static int codeLength(String text) {
        Matcher m = CODE.matcher(text);
        return m.find() ? m.end() : 0;
    }

    /** Digits for the letters OCR mistakes them for, a point for a comma. */
    static String mend(String code) {
        return code.replace('О', '0').replace('O', '0').replace('З', '3').replace('l', '1').replace('I', '1');
    }

    /** The pieces of one row, joined with spaces, remembering the line each piece came from. */
    private static final class Builder {
        private final String code;
        private final int codeLine;
        private final StringBuilder text = new StringBuilder();
        private final List<int[]> lineAt = new ArrayList<>(); // {offset where a piece starts, its line}
        private int lastLine;

        Builder(String code, int line) {
            this.code = code;
            this.codeLine = line;
            this.lastLine = line;
        }

        void append(String piece, int line) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            lineAt.add(new int[] {text.length(), line});
            text.append(piece);
            lastLine = line;
        }

        /** The text so far ends with a unit printed on this same line (an XLSX row: «балл⇥4.5»). */
        boolean endsWithUnitOn(int line) {
            if (line != lastLine) {
                return false;
            }
            Matcher m = Cells.UNIT.matcher(text);
            int end = -1;
            while (m.find()) {
                end = m.end();
            }
            return end >= 0 && text.substring(end).isBlank();
        }

        int lineOf(int offset) {
            int line = codeLine;
            for (int[] at : lineAt) {
                if (at[0] <= offset) {
                    line = at[1];
                }
            }
            return line;
        }

        Optional<PrintedRow> build() {
            String s = text.toString();
            Matcher m = Cells.UNIT.matcher(s);
            List<int[]> units = new ArrayList<>();
            while (m.find()) {
                units.add(new int[] {m.start(), m.end()});
            }
            for (int k = units.size() - 1; k >= 0; k--) {
                int[] u = units.get(k);
                String rest = s.substring(u[1]).trim();
                Optional<String> cell = rest.isEmpty() ? Optional.of("") : Cells.valueAtStart(rest);
                if (cell.isPresent()) {
                    String name = s.substring(0, u[0]).trim();
                    int cellOffset = cell.get().isEmpty() ? u[0] : s.indexOf(cell.get(), u[1]);
                    return Optional.of(new PrintedRow(code, name, s.substring(u[0], u[1]), cell.get(),
                            lineOf(cellOffset)));
                }
            }
            if (!code.contains(".")) {
                return Optional.empty(); // «2. Инфраструктура», «4. Кадровое обеспечение»: a section title
            }
            // no unit (a heading, or a unit OCR garbled): the value is what ends the row, if anything
            String[] words = s.split(" ");
            for (int from = Math.max(0, words.length - 6); from < words.length; from++) {
                String tail = String.join(" ", java.util.Arrays.copyOfRange(words, from, words.length));
                if (Cells.isValue(tail)) {
                    String name = String.join(" ", java.util.Arrays.copyOfRange(words, 0, from));
                    return Optional.of(new PrintedRow(code, name, null, tail, lineOf(s.lastIndexOf(tail))));
                }
            }
            if (s.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(new PrintedRow(code, s, null, "", codeLine));
        }
    }
}
