package ru.soko.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Rewrites a query so that an abbreviation and its full words find each other: «ВПР» becomes
 * {@code (ВПР OR "всероссийские проверочные работы")}, and «всероссийских проверочных работ» (in any
 * form, matched by lemma) becomes {@code ("всероссийских проверочных работ" OR ВПР)}. Text inside
 * quotes and words with a field prefix are left as the user wrote them.
 */
final class AbbreviationExpander {

    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"");

    private final Map<String, List<String>> abbreviations;
    private final Analyzer lemma;
    private final List<Expansion> expansions = new ArrayList<>();

    private record Expansion(String abbreviation, List<Set<String>> lemmas) {
    }

    private record Token(int start, int end, Set<String> lemmas) {
    }

    AbbreviationExpander(Map<String, List<String>> abbreviations, Analyzer lemma) {
        this.abbreviations = abbreviations;
        this.lemma = lemma;
        abbreviations.forEach((abbr, fulls) -> fulls.forEach(full -> {
            List<Set<String>> seq = tokens(full).stream().map(Token::lemmas).toList();
            if (!seq.isEmpty()) {
                expansions.add(new Expansion(abbr, seq));
            }
        }));
    }

    String expand(String query) {
        StringBuilder out = new StringBuilder();
        Matcher quoted = QUOTED.matcher(query);
        int last = 0;
        while (quoted.find()) {
            out.append(expandPlain(query.substring(last, quoted.start()))).append(quoted.group());
            last = quoted.end();
        }
        return out.append(expandPlain(query.substring(last))).toString();
    }

    private String expandPlain(String text) {
        if (text.isBlank()) {
            return text;
        }
        List<Token> tokens = tokens(text);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (int i = 0; i < tokens.size(); ) {
            Token t = tokens.get(i);
            if (isFieldOrNegated(text, t.start())) {
                i++;
                continue;
            }
            String word = text.substring(t.start(), t.end());
            List<String> fulls = abbreviations.get(word);
            if (fulls != null) {
                out.append(text, copied, t.start()).append('(').append(word);
                fulls.forEach(f -> out.append(" OR \"").append(f).append('"'));
                out.append(')');
                copied = t.end();
                i++;
                continue;
            }
            Match match = longestExpansionAt(tokens, i);
            if (match != null) {
                int end = tokens.get(i + match.length() - 1).end();
                // A phrase keeps the words together (in any form, through the lemma field). Not a sloppy one: the
                // slop it once carried was never applied (the parser dropped it), and the ranking was tuned without.
                out.append(text, copied, t.start()).append("(\"").append(text.substring(t.start(), end).replace("\"", ""))
                        .append("\" OR ").append(match.abbreviation()).append(')');
                copied = end;
                i += match.length();
                continue;
            }
            i++;
        }
        return out.append(text.substring(copied)).toString();
    }

    private record Match(String abbreviation, int length) {
    }

    private Match longestExpansionAt(List<Token> tokens, int from) {
        Match best = null;
        for (Expansion e : expansions) {
            int n = e.lemmas().size();
            if (n < 2 || from + n > tokens.size() || (best != null && best.length() >= n)) {
                continue;
            }
            boolean all = true;
            for (int k = 0; k < n && all; k++) {
                Set<String> common = new HashSet<>(tokens.get(from + k).lemmas());
                common.retainAll(e.lemmas().get(k));
                all = !common.isEmpty();
            }
            if (all) {
                best = new Match(e.abbreviation(), n);
            }
        }
        return best;
    }

    private static boolean isFieldOrNegated(String text, int start) {
        return start > 0 && (text.charAt(start - 1) == ':' || text.charAt(start - 1) == '-' || text.charAt(start - 1) == '+');
    }

    /** Tokens with their offsets; stacked lemmas of one word are gathered into one set. */
    private List<Token> tokens(String text) {
        List<Token> result = new ArrayList<>();
        try (TokenStream ts = lemma.tokenStream("q", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (inc.getPositionIncrement() == 0 && !result.isEmpty()) {
                    result.get(result.size() - 1).lemmas().add(term.toString());
                } else {
                    Set<String> lemmas = new HashSet<>();
                    lemmas.add(term.toString());
                    result.add(new Token(offset.startOffset(), offset.endOffset(), lemmas));
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }
}
