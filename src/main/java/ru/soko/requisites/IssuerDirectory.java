package ru.soko.requisites;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import ru.soko.util.Json;

/**
 * The issuers the archive knows, each under one canonical name. Text names a body in many ways —
 * in capitals, declined («приказом министерства образования Кузбасса»), shortened
 * («Минобразования Кузбасса», «КРИПКиПРО»), broken over lines — and every one of them must land on
 * the same canonical name, so recognition runs on {@link TextNormalizer#matchForm} text with the
 * patterns of {@code issuers.json}. Immutable once loaded.
 */
public final class IssuerDirectory {

    static final String RESOURCE = "index-config/issuers.json";
    static final String FILE_NAME = "issuers.json";

    /** An issuer found in text, with where its name stands in the match form of that text. */
    record Found(Issuer issuer, int start, int end) {
    }

    /**
     * A pattern and the literal every match of it begins with ({@code ""} when there is none, or the
     * pattern folds case): matches are looked for only where that literal occurs.
     */
    private record Anchored(Pattern pattern, String prefix) {
    }

    private record Compiled(Issuer issuer, List<Anchored> patterns) {
    }

    private final List<Compiled> issuers;
    private final Map<String, String> placeByTown;

    IssuerDirectory(List<Issuer> entries) {
        List<Compiled> compiled = new ArrayList<>();
        Map<String, String> towns = new LinkedHashMap<>();
        for (Issuer issuer : entries) {
            if (issuer.name() == null || issuer.name().isBlank()) {
                throw new IllegalArgumentException("В справочнике издателей есть запись без названия");
            }
            List<Anchored> patterns = new ArrayList<>();
            for (String p : issuer.patterns()) {
                patterns.add(new Anchored(compile(issuer.name(), p), hasCapital(p) ? "" : literalPrefix(p)));
            }
            compiled.add(new Compiled(issuer, List.copyOf(patterns)));
            if (issuer.place() != null) {
                towns.putIfAbsent(townOf(issuer.place()), issuer.place());
            }
        }
        this.issuers = List.copyOf(compiled);
        this.placeByTown = Map.copyOf(towns);
    }

    /**
     * Loads {@code issuers.json} from the configured index-config directory when it holds one,
     * otherwise the copy the build puts on the classpath.
     */
    public static IssuerDirectory load(Optional<Path> indexConfigDir) {
        Optional<Path> file = indexConfigDir.map(d -> d.resolve(FILE_NAME)).filter(Files::isRegularFile);
        try (InputStream in = file.isPresent() ? Files.newInputStream(file.get()) : classpathStream()) {
            List<Issuer> entries = Json.mapper().readValue(in, new TypeReference<List<Issuer>>() { });
            return new IssuerDirectory(entries);
        } catch (IOException e) {
            throw new UncheckedIOException("Не удалось прочитать справочник издателей "
                    + file.map(Path::toString).orElse(RESOURCE) + ": " + e.getMessage(), e);
        }
    }

    public List<Issuer> all() {
        return issuers.stream().map(Compiled::issuer).toList();
    }

    public Optional<Issuer> byName(String canonicalName) {
        return all().stream().filter(i -> i.name().equals(canonicalName)).findFirst();
    }

    /** The issuer named first in {@code text} (the longer name when two start together). */
    public Optional<Issuer> recognise(String text) {
        List<Found> found = findAll(TextNormalizer.matchForm(text));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0).issuer());
    }

    /** Every issuer named in a text already in match form, by first position, one entry per issuer. */
    List<Found> findAll(String matchForm) {
        Map<String, Found> best = new LinkedHashMap<>();
        for (Compiled c : issuers) {
            for (Anchored p : c.patterns()) {
                Matcher m = p.pattern().matcher(matchForm);
                if (p.prefix().isEmpty() ? findAtWordStart(m, matchForm) : findAtWordStart(m, matchForm, p.prefix())) {
                    Found f = new Found(c.issuer(), m.start(), m.end());
                    best.merge(c.issuer().name(), f, IssuerDirectory::earlierOrLonger);
                }
            }
        }
        return best.values().stream()
                .sorted(Comparator.comparingInt(Found::start).thenComparing(f -> -(f.end() - f.start())))
                .toList();
    }

    /** The canonical place of issue («г. Кемерово») for a town written bare («Кемерово»). */
    Optional<String> placeOfTown(String town) {
        return Optional.ofNullable(placeByTown.get(town.strip()));
    }

    /** Known towns, longest first, so that «Чегем Второй» wins over «Чегем». */
    List<String> towns() {
        return placeByTown.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    private static Found earlierOrLonger(Found a, Found b) {
        if (a.start() != b.start()) {
            return a.start() < b.start() ? a : b;
        }
        return a.end() >= b.end() ? a : b;
    }

    private static String townOf(String place) {
        return place.replaceFirst("^(г\\.|р\\.п\\.|с\\.п\\.|пгт|с\\.|п\\.)\\s*", "").strip();
    }

    /**
     * The first match that does not start inside a word. Checked here rather than with a leading
     * look-behind in the pattern: a look-behind over letter classes tried at every position of every
     * text was the costliest part of reading requisites (docs/BENCHMARKS.md). Same matches.
     */
    private static boolean findAtWordStart(Matcher m, String text) {
        int from = 0;
        while (from <= text.length() && m.find(from)) {
            int start = m.start();
            if (start == 0 || !isWordChar(text.codePointBefore(start))) {
                return true;
            }
            from = start + 1;
        }
        return false;
    }

    /**
     * As {@link #findAtWordStart(Matcher, String)}, trying only where {@code prefix} — which every match
     * begins with — occurs: the regex engine stepping through every position of every head for each
     * of the directory's patterns was a fifth of reading requisites. Transparent, non-anchoring bounds
     * make a match tried at a position the one {@code find} would make there.
     */
    private static boolean findAtWordStart(Matcher m, String text, String prefix) {
        m.useTransparentBounds(true).useAnchoringBounds(false);
        for (int p = text.indexOf(prefix); p >= 0; p = text.indexOf(prefix, p + 1)) {
            if (p == 0 || !isWordChar(text.codePointBefore(p))) {
                m.region(p, text.length());
                if (m.lookingAt()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The literal text every match of {@code pattern} starts with: its leading letters, digits, spaces
     * and commas, less a last character that a quantifier makes optional; {@code ""} when the pattern
     * has an alternative at its top level (then no common start is known).
     */
    static String literalPrefix(String pattern) {
        int depth = 0;
        boolean inClass = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return "";
            }
        }
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '?' || c == '*' || c == '+' || c == '{') {
                return prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1);
            }
            if (!(Character.isLetterOrDigit(c) || c == ' ' || c == ',' || c == '-')) {
                break;
            }
            prefix.append(c);
        }
        return prefix.toString();
    }

    /** {@code [\p{L}\d]} under {@code UNICODE_CHARACTER_CLASS}, as the patterns' own boundaries. */
    private static boolean isWordChar(int codePoint) {
        return Character.isLetter(codePoint) || Character.isDigit(codePoint);
    }

    /** A capital letter that is not the name of an escape such as {@code \S} or {@code \p{L}}. */
    private static boolean hasCapital(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
                if (i < pattern.length() && (pattern.charAt(i) == 'p' || pattern.charAt(i) == 'P')) {
                    i = Math.max(i, pattern.indexOf('}', i));
                }
            } else if (Character.isUpperCase(c)) {
                return true;
            }
        }
        return false;
    }

    private static Pattern compile(String issuer, String pattern) {
        try {
            // Texts come in match form (lower case) and patterns are written in it (index-config/README.md):
            // case folding at every position was most of the cost of reading issuers, so it is asked
            // for only by a pattern that has a capital letter of its own.
            int flags = Pattern.UNICODE_CHARACTER_CLASS | (hasCapital(pattern) ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
            return Pattern.compile("(?:" + pattern + ")(?![\\p{L}\\d])", flags);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("Ошибка в шаблоне издателя «" + issuer + "»: " + e.getDescription(), e);
        }
    }

    private static InputStream classpathStream() throws IOException {
        InputStream in = IssuerDirectory.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IOException("ресурс " + RESOURCE + " не найден");
        }
        return in;
    }
}
