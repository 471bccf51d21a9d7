package ru.soko.search.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

class ChosenValueCountsTest {

    private static final String[] KINDS = {"приказ", "положение", "отчёт", "план", "справка"};
    private static final String[] ISSUERS = {"минобрнауки", "министерство", "управление", "школа 1", "школа 2"};
    private static final String[] REGIONS = {"Кузбасс", "Ульяновская область", "Кабардино-Балкария"};
    private static final String[] TOWNS = {"Кемерово", "Старая Майна", "Нальчик", "Чегем"};
    private static final List<String> DIMS = List.of("kind", "issuer", "territory");

    @Test
    void totalsAndCountsAreThoseOfLucenesDrillSideways() throws Exception {
        FacetsConfig config = new FacetsConfig();
        config.setHierarchical("territory", true);
        config.setMultiValued("territory", true);
        config.setMultiValued("issuer", true);
        Random random = new Random(7);
        try (Directory dir = new ByteBuffersDirectory();
             IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
            for (int i = 0; i < 3000; i++) {
                Document doc = new Document();
                doc.add(new StringField("id", Integer.toString(i), Field.Store.NO));
                doc.add(new StringField("bucket", Integer.toString(i % 3), Field.Store.NO));
                if (random.nextInt(10) > 0) {
                    doc.add(new SortedSetDocValuesFacetField("kind", KINDS[random.nextInt(KINDS.length)]));
                }
                for (int n = random.nextInt(3); n > 0; n--) {
                    doc.add(new SortedSetDocValuesFacetField("issuer", ISSUERS[random.nextInt(ISSUERS.length)]));
                }
                if (i % 97 == 0) {
                    doc.add(new SortedSetDocValuesFacetField("issuer", "школа 99"));
                }
                if (random.nextBoolean()) {
                    String region = REGIONS[random.nextInt(REGIONS.length)];
                    doc.add(random.nextBoolean() ? new SortedSetDocValuesFacetField("territory", region)
                            : new SortedSetDocValuesFacetField("territory", region, TOWNS[random.nextInt(TOWNS.length)]));
                }
                writer.addDocument(config.build(doc));
                if (i % 800 == 799) {
                    writer.commit();
                }
            }
            for (int i = 0; i < 3000; i += 13) {
                writer.deleteDocuments(new Term("id", Integer.toString(i)));
            }
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertNotEquals(1, reader.leaves().size(), "the test needs several segments");
                IndexSearcher searcher = new IndexSearcher(reader);
                SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader, config);
                FacetOrdinals ordinals = new FacetOrdinals(FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
                ChosenValueCounts counts = new ChosenValueCounts(ordinals, FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
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
                        for (String region : REGIONS) {
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
        out.add(Map.of("issuer", List.<String[]>of(new String[] {"школа 99"})));
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
