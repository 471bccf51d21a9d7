package ru.soko.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class BroadConjunctionTopTest {

    private static final UnaryOperator<Query> AS_IS = q -> q;

    @Test
    void findsTheConjunctionsTopHitsThroughTheFlatDisjunction() throws IOException {
        // Words in most texts and in many titles: what makes Lucene's conjunction read every block.
        try (DirectoryReader reader = index(2_000, 0.7, 0.25, 0.7)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            Query conjunction = conjunction("alpha", "beta", "gamma");
            for (int wanted : new int[] {1, 5, 20, 100}) {
                TopDocs exact = searcher.search(conjunction, new TopFieldCollectorManager(Sort.RELEVANCE, wanted, null, wanted));
                Optional<TopDocs> broad = BroadConjunctionTop.top(searcher, conjunction, conjunction, AS_IS, AS_IS, Sort.RELEVANCE, wanted);
                assertTrue(broad.isPresent(), "a conjunction of common words takes the flat pass, " + wanted);
                assertEquals(scores(exact.scoreDocs), scores(broad.get().scoreDocs), "the same best scores, " + wanted);
                for (ScoreDoc hit : broad.get().scoreDocs) {
                    assertTrue(matches(searcher, conjunction, hit.doc), "every hit holds every word");
                }
            }
        }
    }

    @Test
    void leavesAConjunctionLedByARareWordToLucene() throws IOException {
        try (DirectoryReader reader = index(2_000, 0.7, 0.25, 0.05)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            assertTrue(BroadConjunctionTop.top(searcher, conjunction("alpha", "beta", "gamma"), conjunction("alpha", "beta", "gamma"), AS_IS, AS_IS, Sort.RELEVANCE, 10).isEmpty());
        }
    }

    @Test
    void givesUpWhenTooFewOfTheFlatHitsHoldEveryWord() throws IOException {
        // Three documents in four hold «alpha» and «beta» in the title but no «gamma»; only the fourth
        // holds all three words, in the text alone, so the flat pass's best hold too few of them.
        try (DirectoryReader reader = index(2_000, i -> i % 4 == 0
                ? new String[] {"акт", "alpha beta gamma filler filler filler"}
                : new String[] {"акт alpha beta", "alpha beta filler filler filler"})) {
            IndexSearcher searcher = new IndexSearcher(reader);
            Query conjunction = conjunction("alpha", "beta", "gamma");
            assertEquals(500, searcher.count(conjunction));
            assertTrue(BroadConjunctionTop.top(searcher, conjunction, conjunction, AS_IS, AS_IS, Sort.RELEVANCE, 10).isEmpty());
            assertEquals(500, BroadConjunctionTop.top(searcher, conjunction, conjunction, AS_IS, AS_IS, Sort.RELEVANCE, 2_000).orElseThrow().scoreDocs.length,
                    "when the flat pass sees every document holding a word, the matches among them are all there is");
        }
    }

    @Test
    void flattensOnlyAConjunctionLiftingAlternativesWithTheirBoosts() {
        Query word = new BooleanQuery.Builder()
                .add(new BoostQuery(new TermQuery(new Term("title", "a")), 2.5f), BooleanClause.Occur.SHOULD)
                .add(new TermQuery(new Term("text", "a")), BooleanClause.Occur.SHOULD).build();
        Query boostedWord = new BoostQuery(new BooleanQuery.Builder()
                .add(new TermQuery(new Term("text", "b")), BooleanClause.Occur.SHOULD)
                .add(new TermQuery(new Term("text", "c")), BooleanClause.Occur.SHOULD).build(), 2f);
        Query both = new BooleanQuery.Builder().add(word, BooleanClause.Occur.MUST).add(boostedWord, BooleanClause.Occur.MUST).build();
        assertEquals("(title:a)^2.5 text:a (text:b)^2.0 (text:c)^2.0", BroadConjunctionTop.flattened(both).orElseThrow().toString());
        assertTrue(BroadConjunctionTop.flattened(word).isEmpty(), "a disjunction is left as it is");
        Query withExclusion = new BooleanQuery.Builder().add(word, BooleanClause.Occur.MUST).add(boostedWord, BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term("text", "d")), BooleanClause.Occur.MUST_NOT).build();
        assertTrue(BroadConjunctionTop.flattened(withExclusion).isEmpty(), "an excluded word is not a part to sum");
    }

    /** Each word in the title and in the text, the title weighing more, as the parser builds a word's lemma clauses. */
    private static Query conjunction(String... words) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String w : words) {
            all.add(new BooleanQuery.Builder()
                    .add(new BoostQuery(new TermQuery(new Term("title", w)), 2.5f), BooleanClause.Occur.SHOULD)
                    .add(new TermQuery(new Term("text", w)), BooleanClause.Occur.SHOULD).build(), BooleanClause.Occur.MUST);
        }
        return all.build();
    }

    /**
     * Documents whose texts hold «alpha» and «beta» with probability {@code inText} and «gamma» with
     * {@code gammaInText}, each one to four times among 20–220 other words; each word a text holds is
     * also in the title with probability {@code inTitle}.
     */
    private static DirectoryReader index(int docs, double inText, double inTitle, double gammaInText) throws IOException {
        Random random = new Random(7);
        return index(docs, i -> {
            List<String> title = new ArrayList<>(List.of("акт"));
            StringBuilder text = new StringBuilder();
            for (String w : List.of("alpha", "beta", "gamma")) {
                if (random.nextDouble() < (w.equals("gamma") ? gammaInText : inText)) {
                    repeat(text, w, 1 + random.nextInt(4));
                    if (random.nextDouble() < inTitle) {
                        title.add(w);
                    }
                }
            }
            repeat(text, "filler", 20 + random.nextInt(200));
            return new String[] {String.join(" ", title), text.toString()};
        });
    }

    /** Documents made by {@code titleAndText}: document number → its title and text. */
    private static DirectoryReader index(int docs, java.util.function.IntFunction<String[]> titleAndText) throws IOException {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new WhitespaceAnalyzer()).setMaxBufferedDocs(500))) {
            for (int i = 0; i < docs; i++) {
                String[] parts = titleAndText.apply(i);
                Document doc = new Document();
                doc.add(new TextField("title", parts[0], Field.Store.NO));
                doc.add(new TextField("text", parts[1], Field.Store.NO));
                writer.addDocument(doc);
            }
        }
        return DirectoryReader.open(dir);
    }

    private static void repeat(StringBuilder text, String word, int times) {
        for (int i = 0; i < times; i++) {
            text.append(word).append(' ');
        }
    }

    private static List<Float> scores(ScoreDoc[] hits) {
        List<Float> scores = new ArrayList<>();
        for (ScoreDoc hit : hits) {
            // Sorted by relevance, a hit carries its score as the first sort value; a sum taken in another order may differ in its last bit.
            scores.add(Math.round((Float) ((FieldDoc) hit).fields[0] * 1e4f) / 1e4f);
        }
        return scores;
    }

    private static boolean matches(IndexSearcher searcher, Query query, int doc) throws IOException {
        return searcher.explain(query, doc).isMatch();
    }
}
