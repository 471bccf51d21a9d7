package ru.soko.search;
import java.util.*;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.*;
/**
 * Would BM25F (Lucene's CombinedFieldQuery) rank a word more cheaply than the sum of its four fields?
 * Each word's clause «title, title_lemma, text, text_lemma, each boosted» becomes two combined-field
 * queries, one over the lemma fields and one over the as-written fields, with the same weights;
 * phrases and requisites stay as they are. Prints thread CPU milliseconds of the ranking pass
 * (public role, rank boost, top 10 with skipping) for both, and how many of the top 10 they share.
 *   javac -cp target/soko-archive.jar -d /tmp/probe bench/ProbeIndex.java bench/CombinedFieldsProbe.java
 *   java --add-modules jdk.incubator.vector -cp /tmp/probe:target/soko-archive.jar ru.soko.search.CombinedFieldsProbe \
 *       DATA/index 'мониторинга|оценка качества образования' 3
 */
public class CombinedFieldsProbe {
    /** The weights of index-config/search.properties. */
    static final Map<String, Float> W = Map.of(IndexFields.TITLE, 3f, IndexFields.TITLE_LEMMA, 2.5f, IndexFields.TEXT, 1.2f, IndexFields.TEXT_LEMMA, 1f);
    /** Each word's four summed fields become two BM25F queries: lemma fields, as-written fields. */
    static Query combine(Query q) {
        if (q instanceof BooleanQuery b) {
            List<BooleanClause> cs = b.clauses();
            boolean perWord = cs.size() >= 2 && cs.stream().allMatch(c -> c.occur() == BooleanClause.Occur.SHOULD && c.query() instanceof BoostQuery bq
                    && (bq.getQuery() instanceof TermQuery || bq.getQuery() instanceof SynonymQuery));
            if (perWord) {
                Set<BytesKey> lemmaTerms = new LinkedHashSet<>(), exactTerms = new LinkedHashSet<>();
                List<String> lf = new ArrayList<>(), ef = new ArrayList<>();
                for (BooleanClause c : cs) {
                    BoostQuery bq = (BoostQuery) c.query();
                    List<Term> terms = new ArrayList<>();
                    if (bq.getQuery() instanceof TermQuery tq) terms.add(tq.getTerm());
                    else ((SynonymQuery) bq.getQuery()).getTerms().forEach(terms::add);
                    String f = terms.get(0).field();
                    boolean isLemma = f.endsWith("_lemma");
                    (isLemma ? lf : ef).add(f);
                    for (Term t : terms) (isLemma ? lemmaTerms : exactTerms).add(new BytesKey(t.bytes().utf8ToString()));
                }
                BooleanQuery.Builder out = new BooleanQuery.Builder();
                if (!lf.isEmpty()) out.add(build(lf, lemmaTerms), BooleanClause.Occur.SHOULD);
                if (!ef.isEmpty()) out.add(build(ef, exactTerms), BooleanClause.Occur.SHOULD);
                return out.build();
            }
            BooleanQuery.Builder out = new BooleanQuery.Builder().setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
            for (BooleanClause c : cs) out.add(combine(c.query()), c.occur());
            return out.build();
        }
        if (q instanceof BoostQuery bq) return new BoostQuery(combine(bq.getQuery()), bq.getBoost());
        return q;
    }
    record BytesKey(String s) {}
    /** One combined-field query per term; a word with several lemmas gets their sum (the core builder takes one term). */
    static Query build(List<String> fields, Set<BytesKey> terms) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        Query last = null;
        for (BytesKey t : terms) {
            CombinedFieldQuery.Builder b = new CombinedFieldQuery.Builder(t.s());
            for (String f : fields) b.addField(f, W.get(f));
            last = b.build();
            any.add(last, BooleanClause.Occur.SHOULD);
        }
        return terms.size() == 1 ? last : any.build();
    }
    public static void main(String[] args) throws Exception {
        ProbeIndex index = ProbeIndex.open(args[0]);
        IndexSearcher searcher = index.searcher();
        int reps = ProbeIndex.reps(args, 3);
        var rank = new ru.soko.search.heap.HeapDoubleValues(IndexFields.RANK);
        System.out.printf("%-45s %9s %9s %s%n", "query", "summed", "bm25f", "overlap10");
        for (String text : ProbeIndex.texts(args)) {
            Query built = index.queries().build(text);
            Query a = new ru.soko.search.heap.RankBoostQuery(ProbeIndex.publicOnly(built), rank);
            Query b = new ru.soko.search.heap.RankBoostQuery(ProbeIndex.publicOnly(combine(built)), rank);
            double ta = 0, tb = 0; int overlap = 0;
            for (int r = 0; r < reps + 2; r++) {
                long c0 = ProbeIndex.threadCpu();
                TopDocs x = searcher.search(a, new TopScoreDocCollectorManager(10, 10));
                long c1 = ProbeIndex.threadCpu();
                TopDocs y = searcher.search(b, new TopScoreDocCollectorManager(10, 10));
                long c2 = ProbeIndex.threadCpu();
                if (r >= 2) { ta += (c1 - c0) / 1e6 / reps; tb += (c2 - c1) / 1e6 / reps; }
                Set<Integer> xs = new HashSet<>(); for (ScoreDoc d : x.scoreDocs) xs.add(d.doc);
                overlap = 0; for (ScoreDoc d : y.scoreDocs) if (xs.contains(d.doc)) overlap++;
            }
            System.out.printf("%-45s %9.2f %9.2f %d%n", text, ta, tb, overlap);
        }
    }
}
