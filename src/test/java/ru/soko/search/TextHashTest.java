package ru.soko.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The text hash groups the same text from different files; its whitespace rule must not drift. */
class TextHashTest {

    /** Pieces of text where lower-casing or stripping one char at a time could go wrong. */
    private static final String[] PIECES = {
        "а", "Б", "ё", "Ё", "Ъ", "Я", "приказ", "ПРИКАЗ", "x", "Q", "I", "i", "ı", "1", "0", "№", ".", "-", "«", "»",
        " ", "  ", "\t", "\n", "\r\n", "\f", "\u000B", "\u00A0", "\u2003", "\u2007", "\u202F", "\u3000", "\u1680",
        "\u2028", "\u2029", "\u205F", "\u001C", "\u001F", "\u0085", "\u200B", "\uFEFF",
        "Σ", "σ", "ς", "ΟΔΟΣ", "İ", "ẞ", "\u212A", "\u2126", "\u0000", "ǅ",
        "\uD801\uDC00", "\uD83D\uDE00", "\uD801", "\uDC00"};

    @Test
    void collapsingWhitespaceByHandGivesWhatTheRegexGave() {
        char[] alphabet = {' ', '\t', '\n', '\r', '\f', '\u000B', '\u00A0', '\u2003', '\u001C', 'а', 'Б', 'x', '1', '.'};
        Random random = new Random(9);
        for (int n = 0; n < 5_000; n++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(30);
            for (int i = 0; i < length; i++) {
                b.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String text = b.toString();
            assertEquals(text.replaceAll("\\s+", " "), DocumentMapper.collapseWhitespace(text), "«" + text + "»");
        }
    }

    @Test
    void sameWordsWithOtherSpacingAndCaseHashAlike() {
        assertEquals(DocumentMapper.textHash("Приказ  № 5\r\n\tОб утверждении "),
                DocumentMapper.textHash("приказ № 5 об утверждении"));
    }

    @Test
    void hashesAsTheFormulaOnRandomTexts() {
        Random random = new Random(273);
        for (int n = 0; n < 5_000; n++) {
            StringBuilder b = new StringBuilder();
            int length = n % 100 == 0 ? random.nextInt(3_000) : random.nextInt(40);
            for (int i = 0; i < length; i++) {
                b.append(PIECES[random.nextInt(PIECES.length)]);
            }
            assertHashesAsTheFormula(b.toString());
        }
    }

    @Test
    void hashesAsTheFormulaOnEdgeCases() {
        String cyrillic = "Об утверждении Положения о региональной системе оценки качества образования. ".repeat(200);
        for (String text : List.of("", " ", "   ", "\t\n\r", "\u00A0", "\u3000", " \u3000 ", "\u2003 \u2003", " а ",
                "\n\nПриказ\t№ 5\n\n", "\u2003 Приказ \u3000", "\u00A0Приказ\u00A0", "ΟΔΟΣ ΣΑΣ", "İstanbul", "Σ",
                cyrillic, cyrillic.toUpperCase(Locale.ROOT), " " + cyrillic + "\u3000", "я".repeat(4_095), "Я".repeat(4_097))) {
            assertHashesAsTheFormula(text);
        }
    }

    @Test
    void hashesEveryCharAsTheFormula() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String one = String.valueOf((char) c);
            assertHashesAsTheFormula(one);
            assertHashesAsTheFormula("Ab " + one + "cD" + one);
        }
    }

    private static void assertHashesAsTheFormula(String text) {
        assertEquals(formula(text), DocumentMapper.textHash(text), () -> "«" + text + "» " + text.chars().boxed().toList());
    }

    /** The hash as it was defined before it was computed in one pass. */
    private static String formula(String text) {
        try {
            String normalised = text.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
