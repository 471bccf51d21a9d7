package ru.soko.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.lucene.analysis.CharArraySet;

/**
 * The search configuration kept as data in {@code index-config/}: abbreviations, procedures, stop
 * words, the common words whose neighbours are indexed as pairs, and field weights. Read from the
 * project's folder when it is there, else from the jar.
 */
public record SearchVocabulary(
        Map<String, List<String>> abbreviations,
        Map<String, List<String>> procedures,
        CharArraySet stopWords,
        CharArraySet pairWords,
        Properties weights) {

    public static SearchVocabulary load(Optional<Path> dir) {
        return new SearchVocabulary(
                parseMapping(read(dir, "abbreviations.txt"), "="),
                parseMapping(read(dir, "procedures.txt"), ":"),
                new CharArraySet(lines(read(dir, "stopwords.txt")), true),
                new CharArraySet(lines(read(dir, "pair-words.txt")), true),
                properties(read(dir, "search.properties")));
    }

    /** Abbreviations in lower case: the analyzer keeps them whole instead of stemming them. */
    public CharArraySet protectedWords() {
        List<String> words = new ArrayList<>();
        abbreviations.keySet().forEach(a -> words.add(a.toLowerCase(Locale.ROOT)));
        procedures.values().forEach(marks -> marks.stream().filter(SearchVocabulary::isAcronym)
                .forEach(m -> words.add(m.toLowerCase(Locale.ROOT))));
        return new CharArraySet(words, true);
    }

    public float weight(String name, float fallback) {
        String value = weights.getProperty(name);
        return value == null ? fallback : Float.parseFloat(value.trim());
    }

    /** «ВПР», «ВсОШ», «PISA»: one word with at least two capitals. */
    static boolean isAcronym(String word) {
        return !word.contains(" ") && word.length() <= 8 && word.chars().filter(Character::isUpperCase).count() >= 2;
    }

    private static Map<String, List<String>> parseMapping(String text, String separator) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (String line : lines(text)) {
            int at = line.indexOf(separator);
            if (at <= 0) {
                throw new IllegalArgumentException("index-config: строка без «" + separator + "»: " + line);
            }
            List<String> values = new ArrayList<>();
            for (String v : line.substring(at + separator.length()).split("\\|")) {
                if (!v.isBlank()) {
                    values.add(v.strip());
                }
            }
            result.put(line.substring(0, at).strip(), List.copyOf(values));
        }
        return result;
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static Properties properties(String text) {
        Properties p = new Properties();
        try {
            p.load(new java.io.StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static String read(Optional<Path> dir, String name) {
        try {
            if (dir.isPresent() && Files.isRegularFile(dir.get().resolve(name))) {
                return Files.readString(dir.get().resolve(name), StandardCharsets.UTF_8);
            }
            try (InputStream in = SearchVocabulary.class.getClassLoader().getResourceAsStream("index-config/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("index-config/" + name + " is missing from the build");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read index-config/" + name, e);
        }
    }
}
