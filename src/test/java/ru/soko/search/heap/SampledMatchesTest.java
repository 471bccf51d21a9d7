package ru.soko.search.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 60 000 entries in four segments, every tenth deleted: «common» in two of three, «rare» in one of
 * a thousand, «batch» only in one run of 10 000 neighbours, as an upload of one region would be.
 */
class SampledMatchesTest {

    private static final int ENTRIES = 60_000;
    private static Directory dir;
    private static DirectoryReader reader;
    private static IndexSearcher searcher;

    @BeforeAll
    static void index() throws IOException {
        dir = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
            for (int i = 0; i < ENTRIES; i++) {
                Document doc = new Document();
                doc.add(new StringField("id", Integer.toString(i), Field.Store.YES));
                doc.add(new StringField("word", i % 3 == 0 ? "other" : "common", Field.Store.NO));
                if (i % 1000 == 0) {
                    doc.add(new StringField("word", "rare", Field.Store.NO));
                }
                if (i >= 21_000 && i < 31_000) {
                    doc.add(new StringField("word", "batch", Field.Store.NO));
                }
                writer.addDocument(doc);
                if (i % 15_000 == 14_999) {
                    writer.commit();
                }
            }
            for (int i = 5; i < ENTRIES; i += 10) {
                writer.deleteDocuments(new Term("id", Integer.toString(i)));
            }
            writer.commit();
        }
        reader = DirectoryReader.open(dir);
        searcher = new IndexSearcher(reader);
        searcher.setQueryCache(null);
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
        dir.close();
    }

    @Test
    void countsExactlyWhenAQueryHasFewMatchesWhateverTheIndexSize() throws IOException {
        Query rare = word("rare");
        SampledMatches.Result result = new SampledMatches(1000).collect(searcher, rare);
        assertFalse(result.approximate());
        assertEquals(searcher.count(rare), result.total());
        assertEquals(live(rare), found(result));
    }

    @Test
    void countsExactlyInAnIndexTooSmallForASampleToSaveAnything() throws IOException {
        Query common = word("common");
        SampledMatches.Result result = new SampledMatches(ENTRIES / 16 + 1).collect(searcher, common);
        assertFalse(result.approximate());
        assertEquals(searcher.count(common), result.total());
    }

    @Test
    void estimatesABroadQueryFromRealLiveMatchesInEverySegment() throws IOException {
        Query common = word("common");
        SampledMatches.Result result = estimated(common, 0.03);
        int exact = searcher.count(common);
        assertTrue(result.found() >= 1000 && result.found() < exact / 4, "sampled " + result.found() + " of " + exact);
        Set<String> live = live(common);
        Set<String> sampled = found(result);
        assertTrue(live.containsAll(sampled), "only live matches are sampled");
        for (FacetsCollector.MatchingDocs segment : result.matches().getMatchingDocs()) {
            assertTrue(segment.totalHits() > 0, "segment " + segment.context().ord + " is sampled too");
        }
        assertEquals(result.scaled(result.found()), result.total());
    }

    @Test
    void estimatesAClusteredBatchFromRunsSpreadOverTheWholeSegment() throws IOException {
        estimated(word("batch"), 0.05);
    }

    /** A sample of 1 000 matches: an estimate, within {@code error} of the exact count. */
    private static SampledMatches.Result estimated(Query query, double error) throws IOException {
        SampledMatches.Result result = new SampledMatches(1000).collect(searcher, query);
        int exact = searcher.count(query);
        assertTrue(result.approximate(), query.toString());
        assertEquals(exact, result.total(), exact * error, query + ": estimate within " + error * 100 + " %");
        return result;
    }

    @Test
    void refusesToSampleForNothing() {
        assertThrows(IllegalArgumentException.class, () -> new SampledMatches(0));
    }

    private static Query word(String value) {
        return new TermQuery(new Term("word", value));
    }

    /** Ids of the live documents the query matches. */
    private static Set<String> live(Query query) throws IOException {
        Set<String> ids = new HashSet<>();
        for (ScoreDoc hit : searcher.search(query, ENTRIES).scoreDocs) {
            ids.add(idOf(hit.doc));
        }
        return ids;
    }

    private static Set<String> found(SampledMatches.Result result) throws IOException {
        Set<String> ids = new HashSet<>();
        for (FacetsCollector.MatchingDocs segment : result.matches().getMatchingDocs()) {
            DocIdSetIterator it = segment.bits().iterator();
            if (it == null) {
                continue;
            }
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                ids.add(idOf(segment.context().docBase + doc));
            }
        }
        return ids;
    }

    private static String idOf(int doc) throws IOException {
        return searcher.storedFields().document(doc).get("id");
    }
}
