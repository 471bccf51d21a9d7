package ru.soko.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

class PhrasePairsTest {

    private final SearchVocabulary vocabulary = SearchVocabulary.load(Optional.empty());
    private final Analyzers analyzers = new Analyzers(vocabulary);
    private final QueryFactory queries = new QueryFactory(analyzers, vocabulary);

    @Test
    void phrasesFoundByLemmaPairsMatchTheDocumentsFoundByPositions() throws Exception {
        List<String> texts = new ArrayList<>(SampleSearch.queries().stream().filter(text -> text.contains("\"")).toList());
        // Two to five words, any case form, a word with two lemmas, «ё», a field prefix, a stop word inside (by positions),
        // neighbours that the text has only with a stop word between them («ВПР по математике»).
        texts.addAll(List.of("\"оценки качества образования\"", "\"функциональной грамотности\"", "\"независимых наблюдателей\"",
                "\"показатели деятельности\" самообследованию", "\"внутренняя система оценки качества образования\"",
                "\"стали выше\"", "\"отчёт о самообследовании\"", "title:\"положение о региональной\"", "text:\"проверочных работ\"",
                "\"работа по математике\"", "\"ВПР математике\"", "\"всероссийских проверочных\" OR \"национальных исследований\""));
        int nonEmpty = 0;
        int byPairsOnly = 0;
        try (SearchIndex index = SampleSearch.index(analyzers, new DocumentMapper(vocabulary, analyzers))) {
            for (String text : texts) {
                Query byPairs = queries.build(text);
                Query byPositions = queries.buildForMarking(text);
                BitSet expected = index.withSearcher(searcher -> SampleSearch.matches(searcher, byPositions));
                assertEquals(expected, index.withSearcher(searcher -> SampleSearch.matches(searcher, byPairs)), "«" + text + "»: " + byPairs);
                assertEquals(expected, index.withSearcher(searcher -> SampleSearch.matches(searcher, MatchingQuery.of(byPairs))), "«" + text + "»");
                nonEmpty += expected.isEmpty() ? 0 : 1;
                byPairsOnly += QueryFields.of(byPairs).contains(IndexFields.TEXT_PAIRS) ? 1 : 0;
            }
        }
        assertTrue(nonEmpty >= texts.size() - 2, "the phrases must find something, " + nonEmpty + " of " + texts.size() + " did");
        // Otherwise the comparison would prove nothing: most phrases here are of common words.
        assertTrue(byPairsOnly >= 8, byPairsOnly + " of " + texts.size() + " phrases were looked for by pairs");
    }

    @Test
    void looksForAPhraseOfNeighbouringWordsByPairsOnly() {
        Set<String> fields = QueryFields.of(queries.build("\"оценки качества образования\""));
        assertTrue(fields.contains(IndexFields.TEXT_PAIRS), fields.toString());
        assertFalse(fields.contains(IndexFields.TEXT_LEMMA), fields.toString());
        assertFalse(QueryFields.of(MatchingQuery.of(queries.build("\"оценки качества образования\""))).contains(IndexFields.TEXT));
    }

    @Test
    void looksForPhrasesWithAStopWordInsideOrASlopOrOneWordOrAWordNotCommonByPositions() {
        for (String text : List.of("\"положение о системе\"", "\"оценки образования\"~2", "\"самообследование\"",
                "\"национальных исследований\"")) {
            Set<String> fields = QueryFields.of(queries.build(text));
            assertFalse(fields.contains(IndexFields.TEXT_PAIRS), text + ": " + fields);
            assertTrue(fields.contains(IndexFields.TEXT_LEMMA), text + ": " + fields);
        }
    }

    @Test
    void marksPhrasesInTheTextByPositions() {
        Set<String> fields = QueryFields.of(queries.buildForMarking("\"оценки качества образования\""));
        assertFalse(fields.contains(IndexFields.TEXT_PAIRS), fields.toString());
        assertTrue(fields.contains(IndexFields.TEXT_LEMMA), fields.toString());
    }
}
