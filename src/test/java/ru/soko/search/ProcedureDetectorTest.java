package ru.soko.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcedureDetectorTest {

    private final ProcedureDetector detector = new ProcedureDetector(Map.of(
            "ВПР", List.of("ВПР", "всероссийские проверочные работы"),
            "Самообследование", List.of("самообследование")));

    @Test
    void acronymMatchesAsAWholeWordInCapitalsOnly() {
        assertEquals(List.of("ВПР"), detector.detect("Итоги ВПР-2023 по математике"));
        assertEquals(List.of(), detector.detect("впр и ВПРО не считаются"));
    }

    @Test
    void wordsMatchInAnyFormAcrossSpacesLineBreaksAndHyphens() {
        assertEquals(List.of("ВПР"), detector.detect("о проведении Всероссийских  проверочных\nработ в 2024 году"));
        assertEquals(List.of("Самообследование"), detector.detect("отчёт о результатах самообследования"));
    }

    @Test
    void wordsOfAMarkMustFollowEachOtherWithoutPunctuation() {
        assertEquals(List.of(), detector.detect("всероссийские, проверочные работы"));
        assertEquals(List.of(), detector.detect("непроверочные всероссийские работы"));
    }

    @Test
    void lookupTablesFindWhatComparingEveryMarkWithEveryWordFinds() throws Exception {
        ProcedureDetector real = new ProcedureDetector(SearchVocabulary.load(java.util.Optional.empty()).procedures());
        List<java.nio.file.Path> samples;
        try (var walk = java.nio.file.Files.walk(java.nio.file.Path.of("sample-docs"))) {
            samples = walk.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        int withProcedures = 0;
        for (java.nio.file.Path sample : samples) {
            // Some samples are in windows-1251 on purpose; decoded as UTF-8 with replacements they still test.
            String text = new String(java.nio.file.Files.readAllBytes(sample), java.nio.charset.StandardCharsets.UTF_8);
            List<String> found = real.detect(text);
            assertEquals(real.detectByScanningEveryMark(text), found, sample.toString());
            withProcedures += found.isEmpty() ? 0 : 1;
        }
        org.junit.jupiter.api.Assertions.assertTrue(withProcedures >= 2, "the samples name procedures: " + withProcedures);
        // Marks cut up and glued together at random, so that near misses are tried too.
        java.util.Random random = new java.util.Random(3);
        List<String> pieces = List.of("ВПР", "впр", "всероссийские", "проверочные", "работы", "-", ", ", " ", "\n", "самообследования",
                "ГИА", "мониторинг", "качества", "оценки", "НОКО", "независимой", "олимпиада", "Всероссийской", "аккредитации");
        for (int n = 0; n < 3_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) {
                b.append(pieces.get(random.nextInt(pieces.size()))).append(random.nextBoolean() ? " " : "");
            }
            assertEquals(real.detectByScanningEveryMark(b.toString()), real.detect(b.toString()), b.toString());
        }
    }

    @Test
    void wordSplittingShortcutsAgreeWithTheJdk() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            assertEquals(Character.isLetter(c), ProcedureDetector.isLetter(c), "U+" + Integer.toHexString(c));
        }
        String alphabet = "АБВЯабвяЁёAZazÀßΣσİıǅ\uD835\uDC00-1 ";
        java.util.Random random = new java.util.Random(7);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder word = new StringBuilder();
            for (int k = 1 + random.nextInt(10); k > 0; k--) {
                word.append(random.nextInt(4) == 0 ? alphabet.charAt(random.nextInt(alphabet.length()))
                        : (char) ('А' + random.nextInt(64)));
            }
            assertEquals(word.toString().toLowerCase(java.util.Locale.ROOT), ProcedureDetector.lowerCase(word.toString()), word.toString());
        }
    }
}
