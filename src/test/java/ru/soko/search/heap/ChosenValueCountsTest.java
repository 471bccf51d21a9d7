package ru.soko.search.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

class ChosenValueCountsTest {

    private static final List<String> DIMS = List.of("kind", "issuer", "territory");

    @Test
    void totalsAndCountsAreThoseOfLucenesDrillSideways() throws Exception {
        FacetsConfig config = FacetTestIndex.config();
        try (Directory dir = FacetTestIndex.build()) {
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertNotEquals(1, reader.leaves().size(), "the test needs several segments");
                IndexSearcher searcher = new IndexSearcher(reader);
                SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader, config);
                FacetOrdinals ordinals = new FacetOrdinals(FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
                ChosenValueCounts counts = new ChosenValueCounts(ordinals, SampledMatches.never());
                int compared = 0;
                for (Query base : List.of(new MatchAllDocsQuery(), new TermQuery(new Term("bucket", "1")), new TermQuery(new Term("id", "5")))) {
                    for (Map<String, List<String[]>> chosen : choices()) {
                        DrillDownQuery drill = new DrillDownQuery(config, base);
                        chosen.forEach((dim, paths) -> paths.forEach(p -> drill.add(dim, p)));
                        DrillSideways.DrillSidewaysResult lucene = new DrillSideways(searcher, config, state).search(drill, 10);
                        ChosenValueCounts.Result ours = counts.count(searcher, base, chosen, state);
                        String what = base + " " + describe(chosen);
                        assertEquals(lucene.hits.totalHits.value(), ours.total(), what);
                        for (String dim : DIMS) {
                            assertSame(lucene.facets, ours.facets(), dim, what);
                        }
                        for (String region : FacetTestIndex.REGIONS) {
                            assertSame(lucene.facets, ours.facets(), "territory", what, region);
                        }
                        compared += ours.total() > 0 ? 1 : 0;
                    }
                }
                assertNotEquals(0, compared);
            }
        }
    }

    private static List<Map<String, List<String[]>>> choices() {
        List<Map<String, List<String[]>>> out = new ArrayList<>();
        out.add(Map.of("kind", List.<String[]>of(new String[] {"приказ"})));
        out.add(Map.of("kind", List.of(new String[] {"приказ"}, new String[] {"план"})));
        out.add(Map.of("issuer", List.<String[]>of(new String[] {FacetTestIndex.RARE_ISSUER})));
        out.add(Map.of("issuer", List.<String[]>of(new String[] {"нет такого"})));
        out.add(Map.of("territory", List.<String[]>of(new String[] {"Кузбасс"})));
        out.add(Map.of("territory", List.<String[]>of(new String[] {"Кузбасс", "Кемерово"})));
        Map<String, List<String[]>> two = new LinkedHashMap<>();
        two.put("kind", List.of(new String[] {"отчёт"}, new String[] {"справка"}));
        two.put("territory", List.<String[]>of(new String[] {"Ульяновская область"}));
        out.add(two);
        Map<String, List<String[]>> three = new LinkedHashMap<>(two);
        three.put("issuer", List.<String[]>of(new String[] {"управление"}));
        out.add(three);
        return out;
    }

    private static String describe(Map<String, List<String[]>> chosen) {
        StringBuilder b = new StringBuilder();
        chosen.forEach((dim, paths) -> paths.forEach(p -> b.append(dim).append('=').append(Arrays.toString(p)).append(' ')));
        return b.toString();
    }

    private static void assertSame(Facets expected, Facets actual, String dim, String what, String... path) throws Exception {
        FacetResult e = topOrNull(expected, dim, path);
        FacetResult a = topOrNull(actual, dim, path);
        String where = what + " / " + dim + " " + Arrays.toString(path);
        if (e == null || a == null) {
            assertEquals(e == null, a == null, where);
            return;
        }
        assertEquals(Arrays.asList(e.labelValues), Arrays.asList(a.labelValues), where);
        assertEquals(e.childCount, a.childCount, where);
    }

    /** Lucene answers null or throws for a path with no counts; either way there is nothing to show. */
    private static FacetResult topOrNull(Facets facets, String dim, String... path) throws java.io.IOException {
        try {
            FacetResult r = facets.getTopChildren(30, dim, path);
            return r == null || r.labelValues.length == 0 ? null : r;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
