package ru.soko.search;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import ru.soko.search.analysis.LemmaTokens;
import ru.soko.search.analysis.RussianAnalysis;

/** The analysis of each field. One place, so index and queries can never disagree. */
public final class Analyzers {

    private final Analyzer exact;
    private final Analyzer lemma;
    private final Analyzer perField;
    private final java.util.function.Predicate<String> pairsCover;
    private final RussianAnalysis russian;
    private final String pairWordsKey;

    public Analyzers(SearchVocabulary vocabulary) {
        this(vocabulary, false);
    }

    /** The same layout with Snowball stems in place of lemmas: the alternative docs/SEARCH.md measures. */
    static Analyzers stemmingOnly(SearchVocabulary vocabulary) {
        return new Analyzers(vocabulary, true);
    }

    private Analyzers(SearchVocabulary vocabulary, boolean stemOnly) {
        this.russian = new RussianAnalysis(vocabulary.protectedWords(), vocabulary.stopWords(), vocabulary.pairWords());
        // The pairs are of lemmas: with stems in their place a phrase is looked for by positions.
        this.pairsCover = stemOnly ? phrase -> false : russian::pairsCover;
        this.pairWordsKey = key(vocabulary.pairWords());
        this.exact = russian.exact();
        this.lemma = stemOnly ? russian.stem() : russian.lemma();
        this.perField = new PerFieldAnalyzerWrapper(exact, Map.of(
                IndexFields.TITLE_LEMMA, lemma,
                IndexFields.TEXT_LEMMA, lemma,
                IndexFields.TEXT_PAIRS, russian.lemmaPairs(),
                IndexFields.ISSUER_TEXT, lemma));
    }

    public Analyzer perField() {
        return perField;
    }

    /** Whether the lemma pairs find a phrase exactly as the positions of its lemmas do ({@link RussianAnalysis#pairsCover}). */
    boolean pairsCover(String phrase) {
        return pairsCover.test(phrase);
    }

    /** A short digest of the pair words, whatever their order: the index records which list made its pairs. */
    String pairWordsKey() {
        return pairWordsKey;
    }

    private static String key(org.apache.lucene.analysis.CharArraySet words) {
        java.util.List<String> sorted = new java.util.ArrayList<>();
        for (Object word : words) {
            sorted.add(new String((char[]) word).toLowerCase(java.util.Locale.ROOT));
        }
        java.util.Collections.sort(sorted);
        return ru.soko.util.Hashes.sha256(String.join("\n", sorted)).substring(0, 16);
    }

    /** A text run once through the lemma chain, for the lemma field and its pairs alike. */
    LemmaTokens lemmaTokens(String text) {
        return LemmaTokens.of(lemma, IndexFields.TEXT_LEMMA, text);
    }

    /** The lemma pairs of a text already analysed ({@link RussianAnalysis#pairsOf}). */
    TokenStream pairsOf(LemmaTokens lemmas) {
        return russian.pairsOf(lemmas);
    }

    public Analyzer lemma() {
        return lemma;
    }
}
