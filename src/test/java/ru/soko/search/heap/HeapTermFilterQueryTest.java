package ru.soko.search.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
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
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class HeapTermFilterQueryTest {

    private static final List<Set<String>> AUDIENCES = List.of(Set.of("public"), Set.of("public", "expert"), Set.of("admin"));

    @Test
    void ranksTheHitsAndScoresOfTheQueryWithAFilterClause() throws IOException {
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory(); IndexWriter writer = writer(dir)) {
            fill(writer, 4_000);
            writer.deleteDocuments(new TermQuery(new Term("text", "gone")));
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertTrue(reader.hasDeletions(), "some documents are deleted");
                assertSameAsFilterClause(searcher(reader), new HeapTermBits("access"));
            }
        }
    }

    @Test
    void followsDeletionsInAReopenedReaderAndForgetsAClosedOne() throws IOException {
        HeapTermBits bits = new HeapTermBits("access");
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory(); IndexWriter writer = writer(dir)) {
            fill(writer, 3_000);
            writer.commit();
            DirectoryReader first = DirectoryReader.open(dir);
            assertSameAsFilterClause(searcher(first), bits);
            int readersOfFirst = bits.cachedReaders();
            assertTrue(readersOfFirst > 0, "bits kept for the first reader's segments");

            writer.deleteDocuments(new TermQuery(new Term("title", "alpha")));
            writer.commit();
            try (DirectoryReader second = DirectoryReader.openIfChanged(first)) {
                first.close();
                assertEquals(0, searcher(second).count(new TermQuery(new Term("title", "alpha"))), "deleted in the second reader");
                assertSameAsFilterClause(searcher(second), bits);
            }
            assertEquals(0, bits.cachedReaders(), "closed readers' bits are dropped");
        }
    }

    /** Top hits, scores and counts of {@code +word #access:(terms)}, alone and inside a conjunction with another filter. */
    private static void assertSameAsFilterClause(IndexSearcher searcher, HeapTermBits bits) throws IOException {
        Query word = new BooleanQuery.Builder()
                .add(new BoostQuery(new TermQuery(new Term("title", "alpha")), 3f), BooleanClause.Occur.SHOULD)
                .add(new TermQuery(new Term("text", "alpha")), BooleanClause.Occur.SHOULD).build();
        Query kind = new TermQuery(new Term("kind", "order"));
        for (Set<String> audience : AUDIENCES) {
            Set<BytesRef> terms = audience.stream().map(BytesRef::new).collect(Collectors.toSet());
            Query filter = new TermInSetQuery("access", terms);
            Query expected = new BooleanQuery.Builder().add(word, BooleanClause.Occur.MUST).add(filter, BooleanClause.Occur.FILTER).build();
            Query actual = new HeapTermFilterQuery(word, bits, terms);
            assertEquals(searcher.count(expected), searcher.count(actual), audience + ": count");
            Query expectedOfKind = new BooleanQuery.Builder().add(expected, BooleanClause.Occur.MUST).add(kind, BooleanClause.Occur.FILTER).build();
            Query actualOfKind = new BooleanQuery.Builder().add(actual, BooleanClause.Occur.MUST).add(kind, BooleanClause.Occur.FILTER).build();
            for (int wanted : new int[] {1, 10, 100, 5_000}) {
                assertEquals(top(searcher, expected, wanted), top(searcher, actual, wanted), audience + ", best " + wanted);
                assertEquals(top(searcher, expectedOfKind, wanted), top(searcher, actualOfKind, wanted), audience + " of a kind, best " + wanted);
            }
        }
    }

    private static IndexWriter writer(ByteBuffersDirectory dir) throws IOException {
        return new IndexWriter(dir, new IndexWriterConfig(new WhitespaceAnalyzer()).setMaxBufferedDocs(700));
    }

    /** Most documents public, some for experts, a few for administrators; «alpha» in most texts, some titles; one in nine «gone». */
    private static void fill(IndexWriter writer, int docs) throws IOException {
        Random random = new Random(17);
        for (int i = 0; i < docs; i++) {
            Document doc = new Document();
            int who = random.nextInt(100);
            doc.add(new StringField("access", who < 85 ? "public" : who < 95 ? "expert" : "admin", Field.Store.NO));
            doc.add(new StringField("kind", i % 2 == 0 ? "order" : "report", Field.Store.NO));
            doc.add(new TextField("title", random.nextInt(5) == 0 ? "приказ alpha" : "приказ", Field.Store.NO));
            doc.add(new TextField("text", "alpha ".repeat(random.nextInt(4)) + (i % 9 == 0 ? "gone " : "") + "filler ".repeat(10 + random.nextInt(100)),
                    Field.Store.NO));
            writer.addDocument(doc);
        }
    }

    private static IndexSearcher searcher(DirectoryReader reader) {
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setQueryCache(null);
        return searcher;
    }

    private static List<String> top(IndexSearcher searcher, Query query, int wanted) throws IOException {
        List<String> out = new ArrayList<>();
        for (ScoreDoc hit : searcher.search(query, new TopFieldCollectorManager(Sort.RELEVANCE, wanted, null, wanted)).scoreDocs) {
            out.add(hit.doc + ":" + ((FieldDoc) hit).fields[0]);
        }
        return out;
    }
}
