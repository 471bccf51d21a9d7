package ru.soko.search;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * Where one query's CPU goes in the search proper (no facet counting, no snippets): thread CPU
 * milliseconds of the public search as SearchService runs it (rank boost, every match scored and
 * gathered for the facets; until branch search-twopass), of finding the matches alone without scores
 * (the counting pass since search-twopass), of the top 10 with Lucene's block-max skipping allowed
 * and no rank boost, and of the top 10 as the ranking pass since search-twopass runs it (rank boost
 * by RankBoostQuery, skipping allowed). Lives in the package of QueryFactory, so it is compiled
 * against a build rather than run as a source file, and reads an index without opening the archive:
 *   javac -cp target/soko-archive.jar -d /tmp/probe bench/SearchCostProbe.java
 *   java --add-modules jdk.incubator.vector -cp /tmp/probe:target/soko-archive.jar ru.soko.search.SearchCostProbe \
 *       DATA/index 'мониторинга|"оценки качества образования"' 10
 */
public class SearchCostProbe {
    public static void main(String[] args) throws Exception {
        SearchVocabulary vocabulary = SearchVocabulary.load(Optional.of(Path.of("index-config")));
        QueryFactory queries = new QueryFactory(new Analyzers(vocabulary), vocabulary);
        IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(MMapDirectory.open(Path.of(args[0]))));
        // The query cache would answer repeated match-only runs from memory.
        searcher.setQueryCache(null);
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        ru.soko.search.heap.HeapDoubleValues rank = new ru.soko.search.heap.HeapDoubleValues(IndexFields.RANK);
        System.out.printf("%-45s %9s %9s %9s %9s %9s%n", "query", "searched", "matches", "top10skip", "rankedTop", "hits");
        for (String text : args[1].split("\\|")) {
            Query filtered = new BooleanQuery.Builder().add(queries.build(text), BooleanClause.Occur.MUST)
                    .add(new TermInSetQuery(IndexFields.ACCESS, List.of(new BytesRef(ru.soko.access.Audience.PUBLIC.term()))),
                            BooleanClause.Occur.FILTER)
                    .build();
            Query ranked = FunctionScoreQuery.boostByValue(filtered, DoubleValuesSource.fromDoubleField(IndexFields.RANK));
            double[] ms = new double[4];
            long hits = 0;
            for (int r = 0; r < reps + 3; r++) {
                long c0 = threads.getCurrentThreadCpuTime();
                searcher.search(ranked, new MultiCollectorManager(new TopScoreDocCollectorManager(10, Integer.MAX_VALUE),
                        new FacetsCollectorManager()));
                long c1 = threads.getCurrentThreadCpuTime();
                FacetsCollector matches = searcher.search(new ConstantScoreQuery(filtered), new FacetsCollectorManager());
                long c2 = threads.getCurrentThreadCpuTime();
                searcher.search(filtered, new TopScoreDocCollectorManager(10, 10));
                long c3 = threads.getCurrentThreadCpuTime();
                searcher.search(new ru.soko.search.heap.RankBoostQuery(filtered, rank), new TopScoreDocCollectorManager(10, 10));
                long c4 = threads.getCurrentThreadCpuTime();
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
