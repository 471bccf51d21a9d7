package ru.soko.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import ru.soko.search.heap.SampledMatches;

/**
 * The top hits of a conjunction of words that most documents hold, found through the sum of its
 * clauses instead. Each required word is a disjunction of its fields (title and text, by lemma and
 * as written); in a conjunction of such words Lucene bounds a block of documents by the sum of every
 * word's title and text maxima, and for common words nearly every block holds a title that reaches
 * it, so nothing is skipped. Summed as one flat disjunction, the same clauses let Lucene's MAXSCORE
 * set aside the text clauses, whose scores are small for such words, once the page's threshold
 * passes them, and read only the documents that hold some word in the title (several common words
 * −35 to −40 % of CPU a query at 1M, docs/BENCHMARKS.md, fix 34).
 *
 * <p>A document that holds every word scores the same sum either way. The flat disjunction's best
 * {@code wanted × 3/2} are kept if at least {@code wanted} of them hold every word (checked
 * against the conjunction): no document outside them can score higher than those, so they are the
 * conjunction's top hits exactly. When fewer qualify, the caller ranks the conjunction itself.
 */
final class BroadConjunctionTop {

    /**
     * The rarest required word must be in at least one entry in this many for the flat pass: a
     * conjunction led by a rarer word reads little anyway, and the disjunction would read every
     * document holding any of the words.
     */
    static final int BROAD_SHARE = 8;

    private BroadConjunctionTop() {
    }

    /**
     * The best {@code wanted} of {@code narrow(scored)} sorted by {@code sort} (score first), with the
     * rank boost {@code boosted} applies; empty when {@code scored} is not a broad conjunction or too
     * few of the flat pass's hits hold every word. {@code matching} finds the same documents as
     * {@code scored} ({@link MatchingQuery}); {@code narrow} adds what the reader may see and the
     * chosen facet values.
     */
    static Optional<TopDocs> top(IndexSearcher searcher, Query scored, Query matching, UnaryOperator<Query> narrow,
            UnaryOperator<Query> boosted, Sort sort, int wanted) throws IOException {
        Optional<Query> flat = flattened(scored);
        if (flat.isEmpty()) {
            return Optional.empty();
        }
        Weight conjunction = searcher.createWeight(searcher.rewrite(matching), ScoreMode.COMPLETE_NO_SCORES, 1f);
        // A conjunction's cost is that of its rarest required part.
        if (SampledMatches.cost(conjunction, searcher.getIndexReader().leaves()) * BROAD_SHARE < searcher.getIndexReader().maxDoc()) {
            return Optional.empty();
        }
        int taken = wanted + wanted / 2;
        ScoreDoc[] candidates = searcher.search(boosted.apply(narrow.apply(flat.get())),
                new TopFieldCollectorManager(sort, taken, null, taken)).scoreDocs;
        boolean[] holdsAll = holdsAll(searcher, conjunction, candidates);
        List<ScoreDoc> kept = new ArrayList<>(wanted);
        for (int i = 0; i < candidates.length && kept.size() < wanted; i++) {
            if (holdsAll[i]) {
                kept.add(candidates[i]);
            }
        }
        // Fewer hits than asked for means the flat pass saw every document holding any of the words.
        if (kept.size() < wanted && candidates.length == taken) {
            return Optional.empty();
        }
        return Optional.of(new TopDocs(new TotalHits(kept.size(), TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO),
                kept.toArray(ScoreDoc[]::new)));
    }

    /**
     * The required clauses of a conjunction as one disjunction of their scoring parts, or empty when
     * the query is not a conjunction of at least two parts. Optional alternatives inside a part are
     * lifted out with their boosts, so a document holding every part scores the same sum.
     */
    static Optional<Query> flattened(Query query) {
        if (!(query instanceof BooleanQuery bool) || bool.clauses().size() < 2 || bool.getMinimumNumberShouldMatch() > 0
                || !bool.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.MUST)) {
            return Optional.empty();
        }
        BooleanQuery.Builder flat = new BooleanQuery.Builder();
        for (BooleanClause clause : bool.clauses()) {
            addScoringParts(clause.query(), 1f, flat);
        }
        return Optional.of(flat.build());
    }

    private static void addScoringParts(Query query, float boost, BooleanQuery.Builder flat) {
        if (query instanceof BoostQuery boosted) {
            addScoringParts(boosted.getQuery(), boost * boosted.getBoost(), flat);
        } else if (query instanceof BooleanQuery bool && bool.getMinimumNumberShouldMatch() <= 1
                && bool.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.SHOULD)) {
            bool.clauses().forEach(c -> addScoringParts(c.query(), boost, flat));
        } else {
            flat.add(boost == 1f ? query : new BoostQuery(query, boost), BooleanClause.Occur.SHOULD);
        }
    }

    /** For each candidate, whether the conjunction matches it; candidates are visited in index order. */
    private static boolean[] holdsAll(IndexSearcher searcher, Weight conjunction, ScoreDoc[] candidates) throws IOException {
        Integer[] byDoc = new Integer[candidates.length];
        Arrays.setAll(byDoc, i -> i);
        Arrays.sort(byDoc, Comparator.comparingInt(i -> candidates[i].doc));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        boolean[] holds = new boolean[candidates.length];
        int leafIndex = -1;
        DocIdSetIterator approximation = null;
        TwoPhaseIterator twoPhase = null;
        LeafReaderContext leaf = null;
        for (int i : byDoc) {
            int doc = candidates[i].doc;
            int index = ReaderUtil.subIndex(doc, leaves);
            if (index != leafIndex) {
                leafIndex = index;
                leaf = leaves.get(index);
                Scorer scorer = conjunction.scorer(leaf);
                twoPhase = scorer == null ? null : scorer.twoPhaseIterator();
                approximation = scorer == null ? null : twoPhase == null ? scorer.iterator() : twoPhase.approximation();
            }
            if (approximation == null) {
                continue;
            }
            int target = doc - leaf.docBase;
            int at = approximation.docID() < target ? approximation.advance(target) : approximation.docID();
            holds[i] = at == target && (twoPhase == null || twoPhase.matches());
        }
        return holds;
    }
}
