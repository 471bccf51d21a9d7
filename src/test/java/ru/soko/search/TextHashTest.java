package ru.soko.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The text hash groups the same text from different files; its whitespace rule must not drift. */
class TextHashTest {

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
}
