package ru.soko.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Writes a document as a text PDF (A4, 12 pt, wrapped lines), the way an office suite would export
 * it. Cyrillic needs an embedded TrueType font: the first found of a few common ones. Without one the
 * text is transliterated into Latin letters so the file still has a text layer (a warning says so).
 */
final class PdfFileWriter implements CorpusFormat.DocumentFileWriter {

    private static final List<Path> FONTS = List.of(
            Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"),
            Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
            Path.of("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"),
            Path.of("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf"));
    private static final float SIZE = 11;
    private static final float MARGIN = 56;
    private static final float LEADING = 14;

    private final Path font = FONTS.stream().filter(Files::isRegularFile).findFirst().orElse(null);

    boolean cyrillic() {
        return font != null;
    }

    @Override
    public void write(SyntheticDocument doc, Path file) throws IOException {
        try (PDDocument pdf = new PDDocument()) {
            // Subsetting keeps each file small; the font is loaded per document because PDFBox binds it to one.
            PDFont f = font != null ? PDType0Font.load(pdf, font.toFile()) : new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            List<String> lines = new ArrayList<>();
            for (String paragraph : doc.plainText().split("\n")) {
                wrap(font != null ? paragraph : Translit.of(paragraph), f, width, lines);
            }
            int perPage = (int) ((PDRectangle.A4.getHeight() - 2 * MARGIN) / LEADING);
            for (int start = 0; start < lines.size(); start += perPage) {
                PDPage page = new PDPage(PDRectangle.A4);
                pdf.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                    content.beginText();
                    content.setFont(f, SIZE);
                    content.setLeading(LEADING);
                    content.newLineAtOffset(MARGIN, PDRectangle.A4.getHeight() - MARGIN);
                    for (String line : lines.subList(start, Math.min(lines.size(), start + perPage))) {
                        content.showText(line);
                        content.newLine();
                    }
                    content.endText();
                }
            }
            pdf.save(file.toFile());
        }
    }

    private static void wrap(String paragraph, PDFont font, float width, List<String> out) throws IOException {
        if (paragraph.isEmpty()) {
            out.add("");
            return;
        }
        StringBuilder line = new StringBuilder();
        for (String word : paragraph.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * SIZE > width) {
                out.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        out.add(line.toString());
    }

    /** Fallback for machines without a Cyrillic font: Latin letters, and «№» as «N». */
    static final class Translit {
        private static final String RU = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ№«»–—";
        private static final String[] LAT = {"a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p",
                "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "sch", "", "y", "", "e", "yu", "ya", "A", "B", "V", "G", "D", "E", "E",
                "Zh", "Z", "I", "I", "K", "L", "M", "N", "O", "P", "R", "S", "T", "U", "F", "Kh", "Ts", "Ch", "Sh", "Sch", "", "Y", "",
                "E", "Yu", "Ya", "N", "\"", "\"", "-", "-"};

        private Translit() {
        }

        static String of(String s) {
            StringBuilder out = new StringBuilder(s.length());
            for (char c : s.toCharArray()) {
                int i = RU.indexOf(c);
                out.append(i >= 0 ? LAT[i] : c < 128 ? String.valueOf(c) : "?");
            }
            return out.toString();
        }
    }
}
