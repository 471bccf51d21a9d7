package ru.soko.search;
import org.apache.lucene.search.*;
/**
 * What a stable order of equal scores costs the ranking pass: thread CPU milliseconds of the top 10
 * by Lucene's plain top hits (ties by internal doc id) and by score then the {@code tie} doc value
 * (SearchService.BY_RELEVANCE), public role with the rank boost, and whether the scores agree.
 *   javac -cp target/soko-archive.jar -d /tmp/probe bench/ProbeIndex.java bench/TieBreakProbe.java
 *   java --add-modules jdk.incubator.vector -cp /tmp/probe:target/soko-archive.jar ru.soko.search.TieBreakProbe \
 *       DATA/index 'самообследование|"оценки качества образования"' 3
 */
public class TieBreakProbe {
    public static void main(String[] args) throws Exception {
        ProbeIndex index = ProbeIndex.open(args[0]);
        IndexSearcher searcher = index.searcher();
        int reps = ProbeIndex.reps(args, 5);
        var rank = new ru.soko.search.heap.HeapDoubleValues(IndexFields.RANK);
        Sort tie = SearchService.BY_RELEVANCE;
        System.out.printf("%-45s %9s %9s %s%n", "query", "topScore", "score+tie", "sameScores");
        for (String text : ProbeIndex.texts(args)) {
            Query q = new ru.soko.search.heap.RankBoostQuery(ProbeIndex.publicOnly(index.queries().build(text)), rank);
            double a = 0, b = 0; boolean same = true;
            for (int r = 0; r < reps + 2; r++) {
                long c0 = ProbeIndex.threadCpu();
                TopDocs x = searcher.search(q, new TopScoreDocCollectorManager(10, 10));
                long c1 = ProbeIndex.threadCpu();
                TopDocs y = searcher.search(q, new TopFieldCollectorManager(tie, 10, null, 10));
                long c2 = ProbeIndex.threadCpu();
                if (r >= 2) { a += (c1 - c0) / 1e6 / reps; b += (c2 - c1) / 1e6 / reps; }
                for (int i = 0; i < x.scoreDocs.length; i++) {
                    same &= x.scoreDocs[i].score == (Float) ((FieldDoc) y.scoreDocs[i]).fields[0];
                }
            }
            System.out.printf("%-45s %9.2f %9.2f %s%n", text, a, b, same);
        }
    }
}
