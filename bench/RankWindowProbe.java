package ru.soko.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import ru.soko.search.heap.HeapDoubleValues;
import ru.soko.search.heap.RankBoostQuery;

/**
 * Would a cheaper first ranking pass find the same page? The public query is ranked as SearchService
 * ranks it (rank boost, tie-breaker 0.3 across the four fields of each word), then again with every
 * DisjunctionMaxQuery's tie-breaker set to 0 — which lets Lucene pass the competitive score down to
 * the term postings and skip — keeping the top N and rescoring them with the real query. With
 * PROBE_PROXY=sum the four fields are summed instead (a disjunction Lucene skips over as well).
 * It measured the query of b271224 and earlier (docs/bench/rank-window-1m-*.txt): since b508cc2 the
 * parser sums the fields itself and there is no tie-breaker left to replace. PROBE_PROXY=lemma ranks
 * first by the words' lemma fields only (what SearchService's window does for three or more words,
 * docs/bench/rank-window-1m-lemma-proxies.txt), =textlemma by the text's lemma field only. Prints
 * thread CPU ms of each, and how many leading hits of the rescored window are the real top 10's
 * documents / have its scores (a page that differs only among equal scores is as good).
 *   javac -cp target/soko-archive.jar -d /tmp/probe2 bench/ProbeIndex.java bench/RankWindowProbe.java
 *   PROBE_PROXY=lemma java --add-modules jdk.incubator.vector -cp /tmp/probe2:target/soko-archive.jar ru.soko.search.RankWindowProbe \
 *       DATA/index 'мониторинга|"оценки качества образования"' 5
 */
public class RankWindowProbe {
    private static final int[] WINDOWS = {200, 500, 1000};

    public static void main(String[] args) throws Exception {
        ProbeIndex index = ProbeIndex.open(args[0]);
        QueryFactory queries = index.queries();
        IndexSearcher searcher = index.searcher();
        int reps = ProbeIndex.reps(args, 5);
        HeapDoubleValues rank = new HeapDoubleValues(IndexFields.RANK);
        System.out.printf("%-40s %8s", "query", "real");
        for (int w : WINDOWS) {
            System.out.printf(" %8s %8s %7s", "cheap@" + w, "+resc", "doc/sc");
        }
        System.out.println();
        for (String text : ProbeIndex.texts(args)) {
            Query filtered = ProbeIndex.publicOnly(queries.build(text));
            Query real = new RankBoostQuery(filtered, rank);
            Query cheap = new RankBoostQuery(cheap(filtered), rank);
            if (System.getenv("PROBE_DEBUG") != null) {
                System.out.println("cheap: " + cheap);
            }
            double realMs = 0;
            double[] firstMs = new double[WINDOWS.length];
            double[] rescoreMs = new double[WINDOWS.length];
            int[] same = new int[WINDOWS.length];
            int[] equal = new int[WINDOWS.length];
            for (int r = 0; r < reps + 2; r++) {
                long c0 = ProbeIndex.threadCpu();
                TopDocs top = searcher.search(real, new TopScoreDocCollectorManager(10, 10));
                long c1 = ProbeIndex.threadCpu();
                if (r >= 2) {
                    realMs += (c1 - c0) / 1e6 / reps;
                }
                for (int i = 0; i < WINDOWS.length; i++) {
                    long d0 = ProbeIndex.threadCpu();
                    TopDocs window = searcher.search(cheap, new TopScoreDocCollectorManager(WINDOWS[i], WINDOWS[i]));
                    long d1 = ProbeIndex.threadCpu();
                    TopDocs rescored = new QueryRescorer(real) {
                        @Override
                        protected float combine(float firstPassScore, boolean secondPassMatches, float secondPassScore) {
                            return secondPassMatches ? secondPassScore : 0f;
                        }
                    }.rescore(searcher, window, 10);
                    long d2 = ProbeIndex.threadCpu();
                    if (r >= 2) {
                        firstMs[i] += (d1 - d0) / 1e6 / reps;
                        rescoreMs[i] += (d2 - d1) / 1e6 / reps;
                    }
                    same[i] = samePrefix(top.scoreDocs, rescored.scoreDocs);
                    equal[i] = sameScores(top.scoreDocs, rescored.scoreDocs);
                    if (System.getenv("PROBE_DEBUG") != null && r == reps + 1) {
                        System.out.println(text + " @" + WINDOWS[i] + " real " + describe(top.scoreDocs) + "\n   rescored " + describe(rescored.scoreDocs));
                    }
                }
            }
            System.out.printf("%-40s %8.2f", text, realMs);
            for (int i = 0; i < WINDOWS.length; i++) {
                System.out.printf(" %8.2f %8.2f %3d/%-3d", firstMs[i], rescoreMs[i], same[i], equal[i]);
            }
            System.out.println();
        }
    }

    private static String describe(ScoreDoc[] docs) {
        StringBuilder b = new StringBuilder();
        for (ScoreDoc d : docs) {
            b.append(String.format(java.util.Locale.ROOT, "%d:%.3f ", d.doc, d.score));
        }
        return b.toString();
    }

    /** How many leading hits have the same score: a page that differs only among equally scored documents is as good. */
    private static int sameScores(ScoreDoc[] a, ScoreDoc[] b) {
        int n = 0;
        while (n < a.length && n < b.length && Math.abs(a[n].score - b[n].score) <= 1e-6f * Math.abs(a[n].score)) {
            n++;
        }
        return n;
    }

    /** How many leading hits are the same documents in the same order. */
    private static int samePrefix(ScoreDoc[] a, ScoreDoc[] b) {
        int n = 0;
        while (n < a.length && n < b.length && a[n].doc == b[n].doc) {
            n++;
        }
        return n;
    }

    /**
     * PROBE_PROXY=lemma: each word looked for in its lemma fields only (title and text); =textlemma: in
     * the text's lemma field only. A word the lemma analysis drops (a stop word) keeps its fields.
     */
    private static Query fewerFields(Query query, java.util.Set<String> keep) {
        if (query instanceof BoostQuery boost) {
            return new BoostQuery(fewerFields(boost.getQuery(), keep), boost.getBoost());
        }
        if (!(query instanceof BooleanQuery bool)) {
            return query;
        }
        boolean alternatives = bool.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.SHOULD)
                && bool.getMinimumNumberShouldMatch() <= 1;
        List<BooleanClause> kept = alternatives ? bool.clauses().stream()
                .filter(c -> keep.containsAll(QueryFields.of(c.query())) && !QueryFields.of(c.query()).isEmpty()).toList() : List.of();
        BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
        (kept.isEmpty() ? bool.clauses() : kept).forEach(c -> b.add(fewerFields(c.query(), keep), c.occur()));
        return b.build();
    }

    private static Query cheap(Query query) {
        return switch (String.valueOf(System.getenv("PROBE_PROXY"))) {
            case "lemma" -> fewerFields(query, java.util.Set.of(IndexFields.TITLE_LEMMA, IndexFields.TEXT_LEMMA));
            case "textlemma" -> fewerFields(query, java.util.Set.of(IndexFields.TEXT_LEMMA));
            default -> tieZero(query);
        };
    }

    private static Query tieZero(Query query) {
        if (query instanceof DisjunctionMaxQuery dismax) {
            List<Query> parts = new ArrayList<>();
            dismax.getDisjuncts().forEach(d -> parts.add(tieZero(d)));
            if ("sum".equals(System.getenv("PROBE_PROXY"))) {
                BooleanQuery.Builder any = new BooleanQuery.Builder();
                parts.forEach(p -> any.add(p, BooleanClause.Occur.SHOULD));
                return any.build();
            }
            return new DisjunctionMaxQuery(parts, 0f);
        }
        if (query instanceof BoostQuery boost) {
            return new BoostQuery(tieZero(boost.getQuery()), boost.getBoost());
        }
        if (query instanceof BooleanQuery bool) {
            BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
            bool.clauses().forEach(c -> b.add(tieZero(c.query()), c.occur()));
            return b.build();
        }
        return query;
    }
}
