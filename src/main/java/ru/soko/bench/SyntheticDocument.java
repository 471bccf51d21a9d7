package ru.soko.bench;

import java.util.List;

/**
 * One generated document as blocks (paragraphs and tables), so the same content can be written as
 * plain text, DOCX or PDF. {@code name} is a relative file name without extension.
 */
record SyntheticDocument(String name, String kind, int year, List<Block> blocks) {

    sealed interface Block permits Paragraph, Table {
    }

    record Paragraph(String text, boolean heading) implements Block {
    }

    record Table(List<List<String>> rows) implements Block {
    }

    /** The text as a text layer would give it: tables as rows of cells separated by « | ». */
    String plainText() {
        StringBuilder out = new StringBuilder();
        for (Block b : blocks) {
            if (b instanceof Paragraph p) {
                out.append(p.text()).append("\n\n");
            } else if (b instanceof Table t) {
                for (List<String> row : t.rows()) {
                    out.append(String.join(" | ", row)).append('\n');
                }
                out.append('\n');
            }
        }
        return out.toString();
    }
}
