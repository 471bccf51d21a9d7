package ru.soko.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    ProcedureDetector(Map<String, List<String>> procedures) {
        procedures.forEach((name, list) -> {
            List<Mark> compiled = new ArrayList<>();
            for (String mark : list) {
                compiled.add(compile(mark));
            }
            marks.put(name, compiled);
        });
    }

    List<String> detect(String text) {
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

    /** Words are maximal runs of letters, as {@code \p{L}} in the marks' former expressions. */
    private static Words split(String text) {
        List<String> exact = new ArrayList<>();
        List<Integer> gapsJoined = new ArrayList<>();
        int i = 0;
        int length = text.length();
        boolean joined = false;
        while (i < length) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                int start = i;
                while (i < length && Character.isLetter(text.charAt(i))) {
                    i++;
                }
                exact.add(text.substring(start, i));
                gapsJoined.add(joined ? 1 : 0);
                joined = true;
            } else {
                joined = joined && isJoiner(c);
                i++;
            }
        }
        List<String> lower = new ArrayList<>(exact.size());
        boolean[] flags = new boolean[exact.size()];
        for (int w = 0; w < exact.size(); w++) {
            lower.add(exact.get(w).toLowerCase(Locale.ROOT));
            flags[w] = gapsJoined.get(w) == 1;
        }
        return new Words(exact, lower, flags);
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
