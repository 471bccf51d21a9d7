package ru.soko.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * Finds which assessment procedures a text is about, from the marks in {@code procedures.txt}:
 * an acronym matches as a whole word in capitals, other words match in any form (each word is
 * reduced to its stem and may take any ending; the words of a mark follow each other separated by
 * spaces or hyphens only).
 *
 * <p>The text is split into words once and every mark is compared word by word. Running one
 * case-insensitive regular expression with a look-behind per mark over the whole text cost more than
 * a quarter of ingest time (docs/BENCHMARKS.md).
 */
final class ProcedureDetector {

    /** A mark: the exact word of an acronym, or the stems of consecutive words. */
    private record Mark(boolean acronym, String[] words) {
    }

    /** The words of a text: as written, lower-cased, and whether only spaces or hyphens precede each. */
    private record Words(List<String> exact, List<String> lower, boolean[] joined) {
    }

    private final Map<String, List<Mark>> marks = new LinkedHashMap<>();
    /** Acronym → the procedures it marks: a word is looked up, not compared with every mark. */
    private final Map<String, List<String>> byAcronym = new HashMap<>();
    /** First letter of a mark's first stem → the procedures and marks that may begin at such a word. */
    private final Map<Character, List<Map.Entry<String, Mark>>> byFirstLetter = new HashMap<>();
    /** Marks whose first stem is empty and so begin at any word (none today; kept exact all the same). */
    private final List<Map.Entry<String, Mark>> anywhere = new ArrayList<>();

    ProcedureDetector(Map<String, List<String>> procedures) {
        procedures.forEach((name, list) -> {
            List<Mark> compiled = new ArrayList<>();
            for (String mark : list) {
                Mark m = compile(mark);
                compiled.add(m);
                if (m.acronym()) {
                    byAcronym.computeIfAbsent(m.words()[0], k -> new ArrayList<>()).add(name);
                } else if (m.words()[0].isEmpty()) {
                    anywhere.add(Map.entry(name, m));
                } else {
                    byFirstLetter.computeIfAbsent(m.words()[0].charAt(0), k -> new ArrayList<>()).add(Map.entry(name, m));
                }
            }
            marks.put(name, compiled);
        });
    }

    /**
     * The procedures whose marks occur, in the order of {@code procedures.txt}. Each word is checked only
     * against the acronym it may be and the marks starting with its first letter: comparing every mark
     * with every word was 5 % of indexing (docs/bench/NOTES-ingest.md).
     */
    List<String> detect(String text) {
        Words words = split(text);
        Set<String> hit = new HashSet<>();
        int n = words.exact().size();
        for (int i = 0; i < n; i++) {
            String exact = words.exact().get(i);
            // An acronym has at most 8 letters, two of them capitals: most words need no lookup.
            if (exact.length() <= 8 && twoCapitals(exact)) {
                List<String> acronymOf = byAcronym.get(exact);
                if (acronymOf != null) {
                    hit.addAll(acronymOf);
                }
            }
            String lower = words.lower().get(i);
            List<Map.Entry<String, Mark>> candidates = byFirstLetter.get(lower.charAt(0));
            if (candidates != null) {
                matchAt(candidates, words, i, hit);
            }
            matchAt(anywhere, words, i, hit);
        }
        List<String> found = new ArrayList<>();
        for (String name : marks.keySet()) {
            if (hit.contains(name)) {
                found.add(name);
            }
        }
        return found;
    }

    private static void matchAt(List<Map.Entry<String, Mark>> candidates, Words words, int i, Set<String> hit) {
        for (Map.Entry<String, Mark> c : candidates) {
            if (!hit.contains(c.getKey()) && i + c.getValue().words().length <= words.lower().size()
                    && follows(c.getValue(), words, i)) {
                hit.add(c.getKey());
            }
        }
    }

    /** Every mark compared with every word, as before the lookup tables: kept to prove the two agree. */
    List<String> detectByScanningEveryMark(String text) {
        Words words = split(text);
        List<String> found = new ArrayList<>();
        marks.forEach((name, list) -> {
            if (list.stream().anyMatch(m -> matches(m, words))) {
                found.add(name);
            }
        });
        return found;
    }

    private static boolean matches(Mark mark, Words words) {
        List<String> source = mark.acronym() ? words.exact() : words.lower();
        int n = mark.words().length;
        for (int i = 0; i + n <= source.size(); i++) {
            if (mark.acronym() ? source.get(i).equals(mark.words()[0]) : follows(mark, words, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean follows(Mark mark, Words words, int from) {
        for (int k = 0; k < mark.words().length; k++) {
            if (!words.lower().get(from + k).startsWith(mark.words()[k]) || k > 0 && !words.joined()[from + k]) {
                return false;
            }
        }
        return true;
    }

    /** Words are maximal runs of letters, as {@code \\p{L}} in the marks' former expressions. */
    private static Words split(String text) {
        List<String> exact = new ArrayList<>();
        List<String> lower = new ArrayList<>();
        boolean[] flags = new boolean[64];
        int i = 0;
        int length = text.length();
        boolean joined = false;
        while (i < length) {
            char c = text.charAt(i);
            if (isLetter(c)) {
                int start = i;
                while (i < length && isLetter(text.charAt(i))) {
                    i++;
                }
                String word = text.substring(start, i);
                if (exact.size() == flags.length) {
                    flags = java.util.Arrays.copyOf(flags, flags.length * 2);
                }
                flags[exact.size()] = joined;
                exact.add(word);
                lower.add(lowerCase(word));
                joined = true;
            } else {
                joined = joined && isJoiner(c);
                i++;
            }
        }
        return new Words(exact, lower, flags);
    }

    /** Necessary for a word to be an acronym ({@link SearchVocabulary#isAcronym}), and cheap. */
    private static boolean twoCapitals(String word) {
        int capitals = 0;
        for (int k = 0; k < word.length() && capitals < 2; k++) {
            if (Character.isUpperCase(word.charAt(k))) {
                capitals++;
            }
        }
        return capitals == 2;
    }

    /** {@link Character#isLetter(char)}, answered without its table for Russian and Latin letters. */
    static boolean isLetter(char c) {
        return RussianLatin.lower(c) >= 0 || c >= 0x80 && Character.isLetter(c);
    }

    /**
     * {@code word.toLowerCase(Locale.ROOT)}; a word of basic Russian and Latin letters only (nearly
     * every word) is lower-cased without the JDK's tables, which were a fifth of this class's time.
     */
    static String lowerCase(String word) {
        char[] chars = new char[word.length()];
        for (int k = 0; k < chars.length; k++) {
            int lower = RussianLatin.lower(word.charAt(k));
            if (lower < 0) {
                return word.toLowerCase(Locale.ROOT);
            }
            chars[k] = (char) lower;
        }
        return new String(chars);
    }

    /** What may stand between the words of one mark: spaces, a no-break space, hyphens. */
    private static boolean isJoiner(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u00A0' || c == '-';
    }

    private static Mark compile(String mark) {
        if (SearchVocabulary.isAcronym(mark)) {
            return new Mark(true, new String[] {mark});
        }
        RussianStemmer stemmer = new RussianStemmer();
        String[] words = mark.toLowerCase(Locale.ROOT).replace('ё', 'е').split("\\s+");
        String[] stems = new String[words.length];
        for (int i = 0; i < words.length; i++) {
            stemmer.setCurrent(words[i]);
            stemmer.stem();
            stems[i] = stemmer.getCurrent();
        }
        return new Mark(false, stems);
    }
}
