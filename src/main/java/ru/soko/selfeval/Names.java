package ru.soko.selfeval;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Comparing a printed indicator name with the act's wording. Reports reword, shorten and break the
 * names, and OCR changes letters, so names are compared as sets of word stems (the first five
 * letters), with Latin look-alikes turned into Cyrillic and small words left out. Pure functions.
 */
final class Names {

    private static final Set<String> SMALL = Set.of("в", "и", "на", "по", "с", "со", "о", "об", "из", "к", "а",
            "том", "числе", "для", "не", "или");
    private static final String LATIN = "aeopcxykmthbABEKMHOPCTXY";
    private static final String CYRILLIC = "аеорсхукмтнвАВЕКМНОРСТХУ";

    private Names() {
    }

    static Set<String> stems(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text == null) {
            return out;
        }
        String lower = text.replace('ё', 'е').replace('Ё', 'Е');
        for (String word : lower.split("[^\\p{L}\\p{Nd}]+")) {
            if (word.isEmpty()) {
                continue;
            }
            String w = word.chars().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC)
                    ? toCyrillic(word) : word;
            w = w.toLowerCase(Locale.ROOT);
            if (SMALL.contains(w)) {
                continue;
            }
            out.add(w.length() > 5 ? w.substring(0, 5) : w);
        }
        return out;
    }

    private static String toCyrillic(String word) {
        StringBuilder b = new StringBuilder(word.length());
        for (char c : word.toCharArray()) {
            int i = LATIN.indexOf(c);
            b.append(i >= 0 ? CYRILLIC.charAt(i) : c);
        }
        return b.toString();
    }

    /** Dice coefficient of the stem sets: 1 for the same words, 0 for nothing in common. */
    static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String s : a) {
            if (b.contains(s)) {
                common++;
            }
        }
        return 2.0 * common / (a.size() + b.size());
    }
}
