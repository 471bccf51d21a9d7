package ru.soko.search;

import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * Where one query's CPU goes in the search proper (no facet counting, no snippets): thread CPU
 * milliseconds of the public search as SearchService runs it (rank boost, every match scored and
 * gathered for the facets; until branch search-twopass), of finding the matches alone without scores
 * (the counting pass since search-twopass), of the top 10 with Lucene's block-max skipping allowed
 * and no rank boost, and of the top 10 as the ranking pass since search-twopass runs it (rank boost
 * by RankBoostQuery, skipping allowed). Lives in the package of QueryFactory, so it is compiled
 * against a build rather than run as a source file, and reads an index without opening the archive:
 *   javac -cp target/soko-archive.jar -d /tmp/probe bench/ProbeIndex.java bench/SearchCostProbe.java
 *   java --add-modules jdk.incubator.vector -cp /tmp/probe:target/soko-archive.jar ru.soko.search.SearchCostProbe \
 *       DATA/index 'мониторинга|"оценки качества образования"' 10
 */
public class SearchCostProbe {
    public static void main(String[] args) throws Exception {
        ProbeIndex index = ProbeIndex.open(args[0]);
        QueryFactory queries = index.queries();
        IndexSearcher searcher = index.searcher();
        int reps = ProbeIndex.reps(args, 10);
        ru.soko.search.heap.HeapDoubleValues rank = new ru.soko.search.heap.HeapDoubleValues(IndexFields.RANK);
        System.out.printf("%-45s %9s %9s %9s %9s %9s%n", "query", "searched", "matches", "top10skip", "rankedTop", "hits");
        for (String text : ProbeIndex.texts(args)) {
            Query filtered = ProbeIndex.publicOnly(queries.build(text));
            Query ranked = FunctionScoreQuery.boostByValue(filtered, DoubleValuesSource.fromDoubleField(IndexFields.RANK));
            double[] ms = new double[4];
            long hits = 0;
            for (int r = 0; r < reps + 3; r++) {
                long c0 = ProbeIndex.threadCpu();
                searcher.search(ranked, new MultiCollectorManager(new TopScoreDocCollectorManager(10, Integer.MAX_VALUE),
                        new FacetsCollectorManager()));
                long c1 = ProbeIndex.threadCpu();
                FacetsCollector matches = searcher.search(new ConstantScoreQuery(filtered), new FacetsCollectorManager());
                long c2 = ProbeIndex.threadCpu();
                searcher.search(filtered, new TopScoreDocCollectorManager(10, 10));
                long c3 = ProbeIndex.threadCpu();
                searcher.search(new ru.soko.search.heap.RankBoostQuery(filtered, rank), new TopScoreDocCollectorManager(10, 10));
                long c4 = ProbeIndex.threadCpu();
                if (r >= 3) {
                    ms[0] += (c1 - c0) / 1e6 / reps;
                    ms[1] += (c2 - c1) / 1e6 / reps;
                    ms[2] += (c3 - c2) / 1e6 / reps;
                    ms[3] += (c4 - c3) / 1e6 / reps;
                }
                hits = matches.getMatchingDocs().stream().mapToLong(FacetsCollector.MatchingDocs::totalHits).sum();
            }
            System.out.printf("%-45s %9.2f %9.2f %9.2f %9.2f %9d%n", text, ms[0], ms[1], ms[2], ms[3], hits);
        }
    }
}
