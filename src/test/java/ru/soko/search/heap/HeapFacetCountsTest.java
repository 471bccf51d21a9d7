package ru.soko.search.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

class HeapFacetCountsTest {

    @Test
    void countsAndOrderAreLucenesOwnAcrossSegmentsDeletionsAndHierarchyByValueOrByDocument() throws Exception {
        FacetsConfig config = FacetTestIndex.config();
        try (Directory dir = FacetTestIndex.build()) {
            FacetOrdinals ordinals = new FacetOrdinals(FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertNotEquals(1, reader.leaves().size(), "the test needs several segments");
                IndexSearcher searcher = new IndexSearcher(reader);
                SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader, config);
                List<Query> queries = new ArrayList<>(List.of(new MatchAllDocsQuery()));
                for (int b = 0; b < 7; b++) {
                    queries.add(new TermQuery(new Term("bucket", Integer.toString(b))));
                }
                queries.add(new TermQuery(new Term("id", "5")));
                for (Query query : queries) {
                    FacetsCollector hits = searcher.search(query, new FacetsCollectorManager());
                    Facets lucene = new SortedSetDocValuesFacetCounts(state, hits);
                    Facets heap = new HeapFacetCounts(state, ordinals, hits);
                    for (int topN : new int[] {2, 30}) {
                        for (String dim : List.of("kind", "issuer", "territory")) {
                            assertSame(lucene.getTopChildren(topN, dim), heap.getTopChildren(topN, dim), query + " " + dim);
                        }
                        for (String region : FacetTestIndex.REGIONS) {
                            assertSame(lucene.getTopChildren(topN, "territory", region),
                                    heap.getTopChildren(topN, "territory", region), query + " " + region);
                        }
                    }
                }
                assertEquals(reader.leaves().size(), ordinals.cachedSegments());
                boolean commonAndRare = false;
                for (var leaf : reader.leaves()) {
                    FacetOrdinals.Segment segment = ordinals.of(leaf.reader());
                    // So the queries above were counted both ways: every document value by value, one document by document.
                    assertTrue(segment.valueWork() < segment.documentWork(leaf.reader().numDocs()), "all documents counted by value");
                    assertTrue(segment.documentWork(1) < segment.valueWork(), "one document counted by document");
                    commonAndRare |= java.util.Arrays.stream(segment.common()).anyMatch(java.util.Objects::nonNull)
                            && java.util.Arrays.stream(segment.rare()).anyMatch(r -> r != null && r.length > 0);
                }
                assertTrue(commonAndRare, "values held as bit sets and as lists of documents");
            }
            assertEquals(0, ordinals.cachedSegments(), "closed segments must not stay on the heap");
        }
    }

    private static void assertSame(FacetResult expected, FacetResult actual, String what) {
        if (expected == null || actual == null) {
            assertEquals(expected, actual, what);
            return;
        }
        assertEquals(Arrays.asList(expected.labelValues), Arrays.asList(actual.labelValues), what);
        assertEquals(expected.childCount, actual.childCount, what);
        assertEquals(expected.labelValues.length == 0 ? 0 : Arrays.stream(expected.labelValues).mapToLong(l -> l.value.longValue()).max().orElse(0),
                Arrays.stream(actual.labelValues).mapToLong((LabelAndValue l) -> l.value.longValue()).max().orElse(0), what);
    }
}
