package ru.soko.search.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

class RankBoostQueryTest {

    private static final String[] WORDS = {"оценка", "качество", "образование", "мониторинг", "приказ", "школа"};

    @Test
    void findsTheSameTopHitsWithTheSameScoresAsTheFunctionQueryWhileSkippingMostMatches() throws Exception {
        Random random = new Random(11);
        try (Directory dir = new ByteBuffersDirectory();
             IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
            for (int i = 0; i < 30_000; i++) {
                Document doc = new Document();
                // Few titles carry the words, as in the archive: most blocks of postings then score low.
                doc.add(new TextField("title", random.nextInt(100) == 0 ? words(random, 1 + random.nextInt(4)) : "прочее", Field.Store.NO));
                doc.add(new TextField("text", words(random, 5 + random.nextInt(60)), Field.Store.NO));
                int kind = random.nextInt(4);
                if (kind < 3) {
                    // Repealed acts sink; a few entries get no value and count 1.
                    doc.add(new DoubleDocValuesField("rank", kind == 0 ? 0.5 : 1.0));
                }
                writer.addDocument(doc);
                if (i % 7_000 == 6_999) {
                    writer.commit();
                }
            }
            writer.commit();
            HeapDoubleValues rank = new HeapDoubleValues("rank");
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setQueryCache(null);
                for (Query base : List.of(word("оценка"),
                        new BooleanQuery.Builder().add(word("качество"), BooleanClause.Occur.MUST)
                                .add(word("образование"), BooleanClause.Occur.MUST).build(),
                        new BooleanQuery.Builder().add(word("приказ"), BooleanClause.Occur.SHOULD)
                                .add(word("школа"), BooleanClause.Occur.SHOULD).build(),
                        // Positions are checked after the approximation: the two-phase path.
                        new DisjunctionMaxQuery(List.of(new BoostQuery(new PhraseQuery("title", "оценка", "качество"), 3f),
                                new PhraseQuery("text", "оценка", "качество")), 0.3f))) {
                    TopDocs exact = searcher.search(FunctionScoreQuery.boostByValue(base, DoubleValuesSource.fromDoubleField("rank")),
                            new TopScoreDocCollectorManager(20, Integer.MAX_VALUE));
                    TopDocs skipping = searcher.search(new RankBoostQuery(base, rank), new TopScoreDocCollectorManager(20, 20));
                    assertEquals(exact.scoreDocs.length, skipping.scoreDocs.length, base.toString());
                    for (int i = 0; i < exact.scoreDocs.length; i++) {
                        assertEquals(exact.scoreDocs[i].doc, skipping.scoreDocs[i].doc, base + " rank " + i);
                        assertEquals(exact.scoreDocs[i].score, skipping.scoreDocs[i].score, 0f, base + " rank " + i);
                    }
                    // Inside a filter (a chosen facet value) the query is a clause, scored document by document.
                    Query filter = new TermQuery(new Term("text", "мониторинг"));
                    TopDocs exactFiltered = searcher.search(filtered(FunctionScoreQuery.boostByValue(base,
                            DoubleValuesSource.fromDoubleField("rank")), filter), new TopScoreDocCollectorManager(20, Integer.MAX_VALUE));
                    TopDocs skippingFiltered = searcher.search(filtered(new RankBoostQuery(base, rank), filter),
                            new TopScoreDocCollectorManager(20, 20));
                    for (int i = 0; i < exactFiltered.scoreDocs.length; i++) {
                        assertEquals(exactFiltered.scoreDocs[i].doc, skippingFiltered.scoreDocs[i].doc, base + " filtered rank " + i);
                        assertEquals(exactFiltered.scoreDocs[i].score, skippingFiltered.scoreDocs[i].score, 0f, base + " filtered rank " + i);
                    }
                    if (base instanceof DisjunctionMaxQuery) {
                        continue; // a lone disjunction with a tie-breaker does not skip in Lucene: exact, nothing to skip
                    }
                    // Lucene stops counting once it may skip: the sign that not every match was scored.
                    assertEquals(TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO, skipping.totalHits.relation(), base.toString());
                    assertTrue(skipping.totalHits.value() < exact.totalHits.value(), base.toString());
                }
            }
        }
    }

    private static Query filtered(Query query, Query filter) {
        return new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST).add(filter, BooleanClause.Occur.FILTER).build();
    }

    /** A word as the query parser builds it: the fields' scores summed. */
    private static Query word(String word) {
        return new BooleanQuery.Builder().add(new BoostQuery(new TermQuery(new Term("title", word)), 3f), BooleanClause.Occur.SHOULD)
                .add(new TermQuery(new Term("text", word)), BooleanClause.Occur.SHOULD).build();
    }

    private static String words(Random random, int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        return out.toString();
    }
}
