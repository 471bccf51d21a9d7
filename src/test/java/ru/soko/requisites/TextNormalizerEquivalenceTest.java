package ru.soko.requisites;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The normaliser skips each rule where a cheap scan shows its pattern cannot match, and does by hand
 * what three small regular expressions did: on texts built to trigger every rule, it must give exactly
 * what the regex-only normaliser gave.
 */
class TextNormalizerEquivalenceTest {

    private static final String[] PIECES = {"а", "б", "в", "о", "я", "ё", "Ё", "А", "П", "Р", "И", "К", "З", "0", "1", "2", "9", " ", "  ", "\t",
        "\n", "\r\n", "\r", "-", "–", "—", "‑", "\u00AD", "\u00A0", "\u2007", "\u202F", "№", "№№", "N", "Nº", "No", "N°", "\"", "“", "”", "„",
        "«", "»", "(", ")", ".", ",", "_", "x", "o", "p", "c", "e", "A", "B", "O", "M", "ФЗ", "самообследова", "ния", "приказ", "от",
        "П Р И К А З", "организационно", "1.", "2.1.", "ОТ", "Об", "ро", "рo", "cтат"};

    @Test
    void normalisesExactlyAsTheRegexOnlyNormaliser() {
        Random random = new Random(26);
        for (int n = 0; n < 40_000; n++) {
            String text = randomText(random, 1 + random.nextInt(40));
            assertEquals(RegexTextNormalizer.normalize(text), TextNormalizer.normalize(text), () -> "«" + text + "»");
        }
    }

    @Test
    void matchFormAndInlineCollapsingAgreeWithTheirRegexForms() {
        Random random = new Random(27);
        for (int n = 0; n < 20_000; n++) {
            String text = randomText(random, random.nextInt(20));
            assertEquals(RegexTextNormalizer.matchForm(text), TextNormalizer.matchForm(text), () -> "«" + text + "»");
            assertEquals(RegexTextNormalizer.collapseInline(text), TextNormalizer.collapseInline(text), () -> "«" + text + "»");
        }
    }

    @Test
    void literalPrefixIsWhatEveryMatchBeginsWith() {
        assertEquals("министерств", IssuerDirectory.literalPrefix("министерств\\w* просвещения рф"));
        assertEquals("минпросвещения ", IssuerDirectory.literalPrefix("минпросвещения (россии|рф)"));
        assertEquals("рцмк", IssuerDirectory.literalPrefix("рцмко?"));
        assertEquals("коин", IssuerDirectory.literalPrefix("коин(?: г\\. ?новокузнецка)?"));
        assertEquals("уо г", IssuerDirectory.literalPrefix("уо г\\. ?кемерово"));
        assertEquals("", IssuerDirectory.literalPrefix("(?:гу )?региональн\\w* центр"));
        assertEquals("", IssuerDirectory.literalPrefix("фиоко|рцмко"));
        assertEquals("", IssuerDirectory.literalPrefix("[а-я]+ой"));
    }

    private static String randomText(Random random, int pieces) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            b.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return b.toString();
    }
}
