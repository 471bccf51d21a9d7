package ru.soko.search.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

class BitSetFacetsCollectorTest {

    @Test
    void gathersTheSameLiveMatchesAsLucenesCollectorInEverySegment() throws Exception {
        try (Directory dir = new ByteBuffersDirectory();
             IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
            for (int i = 0; i < 2000; i++) {
                Document doc = new Document();
                doc.add(new StringField("id", Integer.toString(i), Field.Store.NO));
                doc.add(new StringField("bucket", Integer.toString(i % 5), Field.Store.NO));
                writer.addDocument(doc);
                if (i % 600 == 599) {
                    writer.commit();
                }
            }
            for (int i = 0; i < 2000; i += 7) {
                writer.deleteDocuments(new Term("id", Integer.toString(i)));
            }
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertNotEquals(1, reader.leaves().size(), "the test needs several segments");
                IndexSearcher searcher = new IndexSearcher(reader);
                for (Query query : List.of(new MatchAllDocsQuery(), new TermQuery(new Term("bucket", "3")),
                        new TermQuery(new Term("id", "12")), new TermQuery(new Term("id", "7")))) {
                    FacetsCollector lucene = searcher.search(query, new FacetsCollectorManager());
                    FacetsCollector ours = searcher.search(query, new BitSetFacetsCollector.Manager());
                    assertEquals(describe(lucene), describe(ours), query.toString());
                }
            }
        }
    }

    /** Per segment: its ordinal, the number of matches and the matching documents. */
    private static List<String> describe(FacetsCollector collector) throws IOException {
        List<String> out = new ArrayList<>();
        for (FacetsCollector.MatchingDocs docs : collector.getMatchingDocs()) {
            List<Integer> ids = new ArrayList<>();
            DocIdSetIterator it = docs.bits().iterator();
            if (it != null) {
                for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                    ids.add(doc);
                }
            }
            out.add(docs.context().ord + ":" + docs.totalHits() + ":" + ids);
        }
        return out;
    }
}
