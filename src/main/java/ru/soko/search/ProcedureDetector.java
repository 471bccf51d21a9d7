package ru.soko.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * Finds which assessment procedures a text is about, from the marks in {@code procedures.txt}:
 * an acronym matches as a whole word in capitals, other words match in any form (each word is
 * reduced to its stem and may take any ending).
 */
final class ProcedureDetector {

    private final Map<String, List<Pattern>> patterns = new LinkedHashMap<>();

    ProcedureDetector(Map<String, List<String>> procedures) {
        procedures.forEach((name, marks) -> {
            List<Pattern> compiled = new ArrayList<>();
            for (String mark : marks) {
                compiled.add(compile(mark));
            }
            patterns.put(name, compiled);
        });
    }

    List<String> detect(String text) {
        List<String> found = new ArrayList<>();
        patterns.forEach((name, marks) -> {
            if (marks.stream().anyMatch(p -> p.matcher(text).find())) {
                found.add(name);
            }
        });
        return found;
    }

    private static Pattern compile(String mark) {
        if (SearchVocabulary.isAcronym(mark)) {
            return Pattern.compile("(?<!\\p{L})" + Pattern.quote(mark) + "(?!\\p{L})");
        }
        RussianStemmer stemmer = new RussianStemmer();
        StringBuilder regex = new StringBuilder("(?<!\\p{L})");
        String[] words = mark.toLowerCase(java.util.Locale.ROOT).replace('ё', 'е').split("\\s+");
        for (int i = 0; i < words.length; i++) {
            stemmer.setCurrent(words[i]);
            stemmer.stem();
            regex.append(i == 0 ? "" : "[\\s\\u00A0-]+").append(Pattern.quote(stemmer.getCurrent())).append("\\p{L}*");
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
