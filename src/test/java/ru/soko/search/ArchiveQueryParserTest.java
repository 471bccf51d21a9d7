package ru.soko.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.junit.jupiter.api.Test;
import ru.soko.testing.SampleArchive;

class ArchiveQueryParserTest {

    private final SearchVocabulary vocabulary = SearchVocabulary.load(Optional.empty());
    private final QueryFactory queries = new QueryFactory(new Analyzers(vocabulary), vocabulary);

    @Test
    void aPhrasesSlopReachesThePhraseOfEveryField() {
        List<PhraseQuery> phrases = phrases(queries.build("\"оценки образования\"~2"));
        assertEquals(4, phrases.size(), phrases.toString());
        assertTrue(phrases.stream().allMatch(p -> p.getSlop() == 2), phrases.toString());
        assertTrue(phrases(queries.build("\"оценки образования\"")).stream().allMatch(p -> p.getSlop() == 0));
    }

    @Test
    void anAbbreviationsFullWordsStayAnExactPhrase() {
        List<PhraseQuery> phrases = phrases(queries.build("всероссийских проверочных работ"));
        assertFalse(phrases.isEmpty());
        assertTrue(phrases.stream().allMatch(p -> p.getSlop() == 0), phrases.toString());
    }

    @Test
    void aSlopLetsOtherWordsStandBetweenThePhrasesWords() {
        ru.soko.Archive archive = SampleArchive.get().archive();
        long exact = archive.search().search(new SearchRequest("\"оценки образования\"", 0, 10)).total();
        long near = archive.search().search(new SearchRequest("\"оценки образования\"~1", 0, 10)).total();
        assertTrue(near > exact, "«оценки качества образования» has one word between them: " + near + " vs " + exact);
    }

    private static List<PhraseQuery> phrases(Query query) {
        List<PhraseQuery> found = new ArrayList<>();
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query leaf, Term... terms) {
                if (leaf instanceof PhraseQuery phrase) {
                    found.add(phrase);
                }
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        return found;
    }
}
