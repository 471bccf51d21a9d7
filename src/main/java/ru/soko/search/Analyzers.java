package ru.soko.search;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import ru.soko.search.analysis.RussianAnalysis;

/** The analysis of each field. One place, so index and queries can never disagree. */
public final class Analyzers {

    private final Analyzer exact;
    private final Analyzer lemma;
    private final Analyzer perField;

    public Analyzers(SearchVocabulary vocabulary) {
        this(vocabulary, false);
    }

    /** The same layout with Snowball stems in place of lemmas: the alternative docs/SEARCH.md measures. */
    static Analyzers stemmingOnly(SearchVocabulary vocabulary) {
        return new Analyzers(vocabulary, true);
    }

    private Analyzers(SearchVocabulary vocabulary, boolean stemOnly) {
        RussianAnalysis russian = new RussianAnalysis(vocabulary.protectedWords(), vocabulary.stopWords());
        this.exact = russian.exact();
        this.lemma = stemOnly ? russian.stem() : russian.lemma();
        this.perField = new PerFieldAnalyzerWrapper(exact, Map.of(
                IndexFields.TITLE_LEMMA, lemma,
                IndexFields.TEXT_LEMMA, lemma,
                IndexFields.ISSUER_TEXT, lemma));
    }

    public Analyzer perField() {
        return perField;
    }

    public Analyzer lemma() {
        return lemma;
    }
}
