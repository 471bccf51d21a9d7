package ru.soko.search;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import ru.soko.search.heap.SampledMatches;

/**
 * The counting pass of the public search (MatchingQuery, access filter, no facet value chosen):
 * thread CPU milliseconds and the total, counted exactly and estimated by SampledMatches with
 * several sample sizes, and the estimate's error. Query cache off, so every run reads the index.
 *   javac -cp target/soko-archive.jar -d /tmp/probe bench/ProbeIndex.java bench/SampleCountProbe.java
 *   java --add-modules jdk.incubator.vector -cp /tmp/probe:target/soko-archive.jar ru.soko.search.SampleCountProbe \
 *       DATA/index 'мониторинга|"оценки качества образования"' 5
 */
public class SampleCountProbe {
    private static final int[] ENOUGH = {0, 40_000, 10_000, 2_500};

    public static void main(String[] args) throws Exception {
        ProbeIndex index = ProbeIndex.open(args[0]);
        QueryFactory queries = index.queries();
        IndexSearcher searcher = index.searcher();
        int reps = ProbeIndex.reps(args, 5);
        System.out.printf("%-44s %17s %26s %26s %26s%n", "query", "exact ms / total", "enough 40 000", "enough 10 000", "enough 2 500");
        for (String text : ProbeIndex.texts(args)) {
            Query matching = ProbeIndex.publicOnly(MatchingQuery.of(queries.build(text)));
            StringBuilder line = new StringBuilder(String.format("%-44s", text));
            long exact = 0;
            for (int enough : ENOUGH) {
                SampledMatches sampler = enough == 0 ? SampledMatches.never() : new SampledMatches(enough);
                double ms = 0;
                long total = 0;
                for (int r = 0; r < reps + 2; r++) {
                    long c0 = ProbeIndex.threadCpu();
                    total = sampler.collect(searcher, matching).total();
                    long c1 = ProbeIndex.threadCpu();
                    ms += r >= 2 ? (c1 - c0) / 1e6 / reps : 0;
                }
                if (exact == 0) {
                    exact = total;
                    line.append(String.format(" %7.2f %9d", ms, total));
                } else {
                    line.append(String.format(" | %7.2f %8d %+5.1f%%", ms, total, 100.0 * (total - exact) / Math.max(1, exact)));
                }
            }
            System.out.println(line);
        }
    }
}
