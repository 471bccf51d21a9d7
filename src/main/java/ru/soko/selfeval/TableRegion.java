package ru.soko.selfeval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where an indicator table stands in a text: from its title «Показатели деятельности …,
 * подлежащей самообследованию» to the signature under it. A document may name the title in running
 * text too (an order that sets the self-evaluation), and PDF outlines repeat it at the end, so every
 * occurrence is a candidate and the extractor keeps the one that yields a table.
 *
 * @param title  the title text (the start line and the next one), lower case
 * @param pieces the cells of the lines after the title, split at tabs, blank lines as empty pieces
 */
record TableRegion(String title, List<TextLine> pieces) {

    private static final Pattern TITLE = Pattern.compile("показател\\S* деятельност\\S*");
    private static final Pattern SUBJECT = Pattern.compile("подлежащ\\S* самообследовани");
    /** Lines that end the table: the head's signature, or a PDF outline after it. */
    private static final Pattern END = Pattern.compile(
            "^(директор|заведующ|руководител|ректор|и\\. ?о\\. директора|исполнитель)\\b.*",
            Pattern.UNICODE_CASE);

    static List<TableRegion> find(String text) {
        String[] lines = text.split("\\R", -1);
        List<TableRegion> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String head = Cells.squeeze(lines[i]).toLowerCase(Locale.ROOT).replace('ё', 'е');
            if (!TITLE.matcher(head).find()) {
                continue;
            }
            String title = titleAt(lines, i);
            if (!SUBJECT.matcher(title).find()) {
                continue;
            }
            out.add(new TableRegion(title, pieces(lines, i)));
        }
        return out;
    }

    /** The title may be broken over up to three lines in a PDF. */
    private static String titleAt(String[] lines, int i) {
        StringBuilder b = new StringBuilder();
        for (int k = i; k < Math.min(lines.length, i + 3); k++) {
            b.append(Cells.squeeze(lines[k]).toLowerCase(Locale.ROOT).replace('ё', 'е')).append(' ');
        }
        return b.toString().trim();
    }

    private static boolean isTitle(String[] lines, int i) {
        String head = Cells.squeeze(lines[i]).toLowerCase(Locale.ROOT).replace('ё', 'е');
        return TITLE.matcher(head).find() && SUBJECT.matcher(titleAt(lines, i)).find();
    }

    private static List<TextLine> pieces(String[] lines, int titleIndex) {
        List<TextLine> out = new ArrayList<>();
        for (int i = titleIndex; i < lines.length; i++) {
            String raw = lines[i];
            String squeezed = Cells.squeeze(raw);
            if (i > titleIndex && END.matcher(squeezed.toLowerCase(Locale.ROOT)).matches()) {
                break;
            }
            if (i > titleIndex + 2 && isTitle(lines, i)) {
                break; // the next mention of the title: a later table, or a PDF outline after this one
            }
            if (squeezed.isEmpty()) {
                out.add(new TextLine("", i + 1));
                continue;
            }
            String[] cells = i == titleIndex ? new String[] {raw.substring(raw.lastIndexOf('\t') + 1)} : raw.split("\t");
            if (i == titleIndex && raw.indexOf('\t') < 0) {
                continue; // the title alone
            }
            for (String c : cells) {
                String s = Cells.squeeze(c);
                if (!s.isEmpty() && !(i == titleIndex && TITLE.matcher(s.toLowerCase(Locale.ROOT)).find())) {
                    out.add(new TextLine(s, i + 1));
                }
            }
        }
        return List.copyOf(out);
    }
}
