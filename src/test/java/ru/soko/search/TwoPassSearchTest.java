package ru.soko.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import ru.soko.access.Role;

/**
 * The search counts in one pass and ranks in another that may skip, or in a window for three or more
 * words; on the sample archive, where every query matches fewer documents than the window holds, the
 * page must be exactly the one found by scoring every visible match with the rank boost.
 */
class TwoPassSearchTest {

    @Test
    void pagesScoresAndTotalsEqualThoseOfScoringEveryMatchAndTheRankWindowKeepsFullScores() throws Exception {
        List<String> texts = SampleSearch.queries();
        SearchVocabulary vocabulary = SearchVocabulary.load(Optional.empty());
        Analyzers analyzers = new Analyzers(vocabulary);
        QueryFactory queries = new QueryFactory(analyzers, vocabulary);
        DocumentMapper mapper = new DocumentMapper(vocabulary, analyzers);
        int compared = 0;
        try (SearchIndex index = SampleSearch.index(analyzers, mapper)) {
            SearchService service = new SearchService(index, analyzers, vocabulary);
            for (Role role : List.of(Role.PUBLIC, Role.ADMIN)) {
                for (String text : texts) {
                    for (int offset : new int[] {0, 5}) {
                      // A chosen facet value takes the two-pass path for every query.
                      for (Map<String, List<String>> filters : List.of(Map.<String, List<String>>of(),
                              Map.of(FacetDims.REGISTRY, List.of(DocumentMapper.DOCUMENTS)))) {
                        SearchResult actual = service.search(new SearchRequest(text, offset, 5, filters, SearchRequest.Order.RELEVANCE, role));
                        DrillDownQuery drill = new DrillDownQuery(mapper.facetsConfig(), visible(role, queries.build(text)));
                        filters.forEach((dim, values) -> values.forEach(v -> drill.add(dim, v)));
                        Query ranked = FunctionScoreQuery.boostByValue(drill, DoubleValuesSource.fromDoubleField(IndexFields.RANK));
                        List<String> expected = new ArrayList<>();
                        List<Float> expectedScores = new ArrayList<>();
                        long total = index.withSearcher(searcher -> {
                            TopDocs all = searcher.search(ranked,
                                    new TopFieldCollectorManager(SearchService.BY_RELEVANCE, offset + 5, null, Integer.MAX_VALUE));
                            for (int i = offset; i < all.scoreDocs.length; i++) {
                                ScoreDoc hit = all.scoreDocs[i];
                                hit.score = (Float) ((org.apache.lucene.search.FieldDoc) hit).fields[0];
                                Document doc = searcher.storedFields().document(hit.doc, java.util.Set.of(IndexFields.ID));
                                expected.add(doc.get(IndexFields.ID));
                                expectedScores.add(hit.score);
                            }
                            return all.totalHits.value();
                        });
                        String what = role + " «" + text + "» " + filters + " from " + offset;
                        assertEquals(total, actual.total(), what);
                        assertEquals(expected, actual.hits().stream().map(SearchHit::id).toList(), what);
                        assertEquals(expectedScores, actual.hits().stream().map(SearchHit::score).toList(), what);
                        compared += expected.isEmpty() ? 0 : 1;
                      }
                    }
                    SearchResult byDate = service.search(new SearchRequest(text, 0, 10, Map.of(), SearchRequest.Order.DATE, role));
                    List<String> expectedByDate = index.withSearcher(searcher -> {
                        List<String> ids = new ArrayList<>();
                        for (ScoreDoc hit : searcher.search(new DrillDownQuery(mapper.facetsConfig(), visible(role, queries.build(text))), 10,
                                BY_DATE).scoreDocs) {
                            ids.add(searcher.storedFields().document(hit.doc, java.util.Set.of(IndexFields.ID)).get(IndexFields.ID));
                        }
                        return ids;
                    });
                    assertEquals(expectedByDate, byDate.hits().stream().map(SearchHit::id).toList(), role + " «" + text + "» by date");
                }
            }
            assertTrue(assertNarrowWindowKeepsFullScores(index, analyzers, vocabulary, queries, mapper, texts) > 0,
                    "a window of no more than the page must change some page of three or more words");
        }
        assertTrue(compared > 200, "most queries must find something to compare, compared " + compared);
    }

    /**
     * With no room beyond the page, three or more words are ranked by their lemma fields and only the
     * page is scored in full: the hits must still carry their full scores, best first, and the total
     * must still count every match; and the window must be at work, so some page differs.
     */
    private static int assertNarrowWindowKeepsFullScores(SearchIndex index, Analyzers analyzers, SearchVocabulary vocabulary,
                                                         QueryFactory queries, DocumentMapper mapper, List<String> texts) {
        SearchService narrow = new SearchService(index, analyzers, vocabulary, 0, SearchService.ENOUGH_TO_ESTIMATE);
        SearchService wide = new SearchService(index, analyzers, vocabulary);
        int differing = 0;
        for (String text : texts) {
            if (text.strip().split("\\s+").length < 3) {
                continue;
            }
            SearchResult actual = narrow.search(new SearchRequest(text, 0, 5, Map.of(), SearchRequest.Order.RELEVANCE, Role.PUBLIC));
            SearchResult exact = wide.search(new SearchRequest(text, 0, 5, Map.of(), SearchRequest.Order.RELEVANCE, Role.PUBLIC));
            Query ranked = FunctionScoreQuery.boostByValue(new DrillDownQuery(mapper.facetsConfig(), visible(Role.PUBLIC, queries.build(text))),
                    DoubleValuesSource.fromDoubleField(IndexFields.RANK));
            Map<String, Float> fullScores = index.withSearcher(searcher -> {
                Map<String, Float> scores = new java.util.HashMap<>();
                for (ScoreDoc hit : searcher.search(ranked, new TopScoreDocCollectorManager(100_000, Integer.MAX_VALUE)).scoreDocs) {
                    scores.put(searcher.storedFields().document(hit.doc, java.util.Set.of(IndexFields.ID)).get(IndexFields.ID), hit.score);
                }
                return scores;
            });
            assertEquals(exact.total(), actual.total(), text);
            float previous = Float.MAX_VALUE;
            for (SearchHit hit : actual.hits()) {
                assertEquals(fullScores.get(hit.id()), hit.score(), text + " " + hit.id());
                assertTrue(hit.score() <= previous, text + ": best first");
                previous = hit.score();
            }
            differing += exact.hits().stream().map(SearchHit::id).toList().equals(actual.hits().stream().map(SearchHit::id).toList()) ? 0 : 1;
        }
        return differing;
    }

    private static final org.apache.lucene.search.Sort BY_DATE = byDate();

    private static org.apache.lucene.search.Sort byDate() {
        org.apache.lucene.search.SortField date = new org.apache.lucene.search.SortField(IndexFields.DATE_SORT,
                org.apache.lucene.search.SortField.Type.LONG, true);
        date.setMissingValue(Long.MIN_VALUE);
        return new org.apache.lucene.search.Sort(date,
                new org.apache.lucene.search.SortField(IndexFields.ORDER, org.apache.lucene.search.SortField.Type.LONG, true));
    }

    private static Query visible(Role role, Query query) {
        List<BytesRef> audiences = role.audiences().stream().map(a -> new BytesRef(a.term())).toList();
        return new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST)
                .add(new TermInSetQuery(IndexFields.ACCESS, audiences), BooleanClause.Occur.FILTER).build();
    }
}
