package ru.soko.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.junit.jupiter.api.Test;

class SnippetQueryTest {

    private final SearchVocabulary vocabulary = SearchVocabulary.load(Optional.empty());
    private final QueryFactory queries = new QueryFactory(new Analyzers(vocabulary), vocabulary);

    @Test
    void keepsTheTextAndLemmaClausesOfEveryWordAllOptional() {
        Query snippet = SnippetQuery.of(queries.build("оценка качества"));
        Walk walk = walk(snippet);
        assertEquals(Set.of(IndexFields.TEXT, IndexFields.TEXT_LEMMA), walk.fields);
        assertTrue(walk.terms.contains(new Term(IndexFields.TEXT_LEMMA, "оценка")), walk.terms.toString());
        assertTrue(walk.terms.contains(new Term(IndexFields.TEXT, "качества")), walk.terms.toString());
        assertTrue(allOptional(snippet), "a word matched only in the title must not hide the others: " + snippet);
    }

    @Test
    void leavesOutTitlesRequisitesAndExcludedWords() {
        Walk walk = walk(SnippetQuery.of(queries.build("приказ 1324 -мониторинг")));
        assertEquals(Set.of(IndexFields.TEXT, IndexFields.TEXT_LEMMA), walk.fields);
        assertTrue(walk.terms.stream().noneMatch(t -> t.text().startsWith("мониторинг")), walk.terms.toString());
        assertTrue(walk.terms.contains(new Term(IndexFields.TEXT, "1324")), walk.terms.toString());
    }

    @Test
    void aQueryWithNothingInTheTextMarksNothing() {
        assertInstanceOf(MatchNoDocsQuery.class, SnippetQuery.of(queries.build("kind:приказ")));
    }

    private record Walk(Set<String> fields, Set<Term> terms) {
    }

    private static boolean allOptional(Query query) {
        if (query instanceof org.apache.lucene.search.BooleanQuery bool) {
            return bool.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.SHOULD && allOptional(c.query()));
        }
        return !(query instanceof org.apache.lucene.search.BoostQuery boost) || allOptional(boost.getQuery());
    }

    private static Walk walk(Query query) {
        Walk walk = new Walk(new HashSet<>(), new HashSet<>());
        query.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String field) {
                walk.fields.add(field);
                return true;
            }

            @Override
            public void consumeTerms(Query q, Term... terms) {
                walk.terms.addAll(Set.of(terms));
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        return walk;
    }
}
