package ru.soko.search.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

class HeapDoubleValuesTest {

    @Test
    void boostsExactlyAsTheDocValuesDoIncludingDocumentsWithoutAValue() throws Exception {
        Random random = new Random(7);
        try (Directory dir = new ByteBuffersDirectory();
             IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
            for (int i = 0; i < 2000; i++) {
                Document doc = new Document();
                doc.add(new TextField("text", "оценка " + "качество ".repeat(1 + random.nextInt(5)), Field.Store.NO));
                int kind = random.nextInt(3);
                if (kind < 2) {
                    doc.add(new DoubleDocValuesField("rank", kind == 0 ? 1.0 : 0.8));
                }
                writer.addDocument(doc);
                if (i % 500 == 499) {
                    writer.commit();
                }
            }
            writer.commit();
            HeapDoubleValues heap = new HeapDoubleValues("rank");
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                Query base = new TermQuery(new Term("text", "качество"));
                TopDocs expected = searcher.search(FunctionScoreQuery.boostByValue(base, DoubleValuesSource.fromDoubleField("rank")), 2000);
                TopDocs actual = searcher.search(FunctionScoreQuery.boostByValue(base, heap), 2000);
                assertEquals(expected.scoreDocs.length, actual.scoreDocs.length);
                boolean sawRepealed = false;
                for (int i = 0; i < expected.scoreDocs.length; i++) {
                    assertEquals(expected.scoreDocs[i].doc, actual.scoreDocs[i].doc, "rank " + i);
                    assertEquals(expected.scoreDocs[i].score, actual.scoreDocs[i].score, 0f, "rank " + i);
                    sawRepealed |= expected.scoreDocs[i].score != expected.scoreDocs[0].score;
                }
                assertTrue(sawRepealed);
                assertEquals(reader.leaves().size(), heap.cachedSegments());
            }
            assertEquals(0, heap.cachedSegments(), "closed segments must not stay on the heap");
        }
    }
}
