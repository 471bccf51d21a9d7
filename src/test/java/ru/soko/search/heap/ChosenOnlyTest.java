package ru.soko.search.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.FixedBitSet;
import org.junit.jupiter.api.Test;

class ChosenOnlyTest {

    @Test
    void ranksOnlyTheChosenDocumentsWithTheScoresAndOrderOfTheFilteredQuery() throws IOException {
        try (DirectoryReader reader = index(3_000)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            searcher.setQueryCache(null);
            Query word = new BooleanQuery.Builder()
                    .add(new BoostQuery(new TermQuery(new Term("title", "alpha")), 3f), BooleanClause.Occur.SHOULD)
                    .add(new TermQuery(new Term("text", "alpha")), BooleanClause.Occur.SHOULD).build();
            for (String kind : List.of("order", "report", "rare")) {
                Query filter = new TermQuery(new Term("kind", kind));
                List<FixedBitSet> chosen = documentsOf(searcher, filter);
                for (int wanted : new int[] {1, 10, 100}) {
                    Query filtered = new BooleanQuery.Builder().add(word, BooleanClause.Occur.MUST).add(filter, BooleanClause.Occur.FILTER).build();
                    TopDocs expected = searcher.search(filtered, new TopFieldCollectorManager(Sort.RELEVANCE, wanted, null, wanted));
                    TopDocs actual = searcher.search(word, new ChosenOnly<>(chosen, new TopFieldCollectorManager(Sort.RELEVANCE, wanted, null, wanted)));
                    assertEquals(describe(expected.scoreDocs), describe(actual.scoreDocs), kind + ", best " + wanted);
                }
            }
        }
    }

    @Test
    void paysOnlyWhenTheChosenDocumentsAreAtLeastOneInEight() throws IOException {
        try (DirectoryReader reader = index(3_000)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            int maxDoc = reader.maxDoc();
            assertTrue(ChosenOnly.pays(documentsOf(searcher, new TermQuery(new Term("kind", "order"))), maxDoc), "half the documents");
            assertFalse(ChosenOnly.pays(documentsOf(searcher, new TermQuery(new Term("kind", "rare"))), maxDoc), "one in fifty");
        }
    }

    /** Kinds: every second document an order, every fiftieth «rare», the rest reports; «alpha» in most texts, some titles. */
    private static DirectoryReader index(int docs) throws IOException {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        Random random = new Random(11);
        try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new WhitespaceAnalyzer()).setMaxBufferedDocs(700))) {
            for (int i = 0; i < docs; i++) {
                Document doc = new Document();
                doc.add(new StringField("kind", i % 50 == 0 ? "rare" : i % 2 == 0 ? "order" : "report", Field.Store.NO));
                doc.add(new TextField("title", random.nextInt(5) == 0 ? "приказ alpha" : "приказ", Field.Store.NO));
                doc.add(new TextField("text", ("alpha ".repeat(random.nextInt(4))) + "filler ".repeat(10 + random.nextInt(100)), Field.Store.NO));
                writer.addDocument(doc);
            }
        }
        return DirectoryReader.open(dir);
    }

    private static List<FixedBitSet> documentsOf(IndexSearcher searcher, Query filter) throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(filter), ScoreMode.COMPLETE_NO_SCORES, 1f);
        List<FixedBitSet> bits = new ArrayList<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            FixedBitSet docs = new FixedBitSet(leaf.reader().maxDoc());
            Scorer scorer = weight.scorer(leaf);
            if (scorer != null) {
                docs.or(scorer.iterator());
            }
            bits.add(docs);
        }
        return bits;
    }

    private static List<String> describe(ScoreDoc[] hits) {
        List<String> out = new ArrayList<>();
        for (ScoreDoc hit : hits) {
            out.add(hit.doc + ":" + ((FieldDoc) hit).fields[0]);
        }
        return out;
    }
}
