package ru.soko.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * The file formats a corpus can be written in: plain UTF-8 text (to measure indexing alone) or real
 * DOCX and PDF files (to measure the whole path, extraction included).
 */
enum CorpusFormat {
    TEXT("txt"), DOCX("docx"), PDF("pdf");

    private final String extension;

    CorpusFormat(String extension) {
        this.extension = extension;
    }

    String extension() {
        return extension;
    }

    static CorpusFormat parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** A writer per corpus: the PDF one keeps its loaded font. */
    DocumentFileWriter writer() {
        return switch (this) {
            case TEXT -> (doc, file) -> Files.writeString(file, doc.plainText(), StandardCharsets.UTF_8);
            case DOCX -> CorpusFormat::writeDocx;
            case PDF -> new PdfFileWriter();
        };
    }

    interface DocumentFileWriter {
        void write(SyntheticDocument doc, Path file) throws IOException;
    }

    private static void writeDocx(SyntheticDocument doc, Path file) throws IOException {
        try (XWPFDocument docx = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            for (SyntheticDocument.Block block : doc.blocks()) {
                if (block instanceof SyntheticDocument.Paragraph p) {
                    XWPFParagraph paragraph = docx.createParagraph();
                    XWPFRun run = paragraph.createRun();
                    run.setText(p.text());
                    run.setBold(p.heading());
                    run.setFontFamily("Times New Roman");
                    run.setFontSize(p.heading() ? 13 : 12);
                } else if (block instanceof SyntheticDocument.Table t) {
                    List<List<String>> rows = t.rows();
                    XWPFTable table = docx.createTable(rows.size(), rows.get(0).size());
                    for (int r = 0; r < rows.size(); r++) {
                        XWPFTableRow row = table.getRow(r);
                        for (int c = 0; c < rows.get(r).size(); c++) {
                            row.getCell(c).setText(rows.get(r).get(c));
                        }
                    }
                }
            }
            docx.write(out);
        }
    }
}
