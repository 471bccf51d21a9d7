package ru.soko.search.heap;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * A query's score multiplied by a per-document factor held on the heap, scoring exactly as
 * {@code FunctionScoreQuery.boostByValue(query, rank)} (negative products count 0), but able to skip.
 * Lucene's function query reports every score as possibly infinite, so the top hits could only be
 * found by scoring every match. Here a segment's largest factor bounds the boosted score, so the
 * inner query learns the smallest score still worth producing and can skip whole blocks of
 * postings (block-max WAND / MAXSCORE) when only the top few are wanted.
 */
public final class RankBoostQuery extends Query {

    /**
     * Widens the threshold handed to the inner query: the boosted score is rounded to a float, so a
     * document whose product only just reaches the threshold must not be skipped for a rounding.
     */
    private static final double ROUNDING_MARGIN = 1e-6;

    private final Query in;
    private final HeapDoubleValues rank;

    public RankBoostQuery(Query in, HeapDoubleValues rank) {
        this.in = Objects.requireNonNull(in);
        this.rank = Objects.requireNonNull(rank);
    }

    public Query query() {
        return in;
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        Query rewritten = in.rewrite(searcher);
        return rewritten == in ? this : new RankBoostQuery(rewritten, rank);
    }

    @Override
    public void visit(QueryVisitor visitor) {
        in.visit(visitor.getSubVisitor(org.apache.lucene.search.BooleanClause.Occur.MUST, this));
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        Weight inner = in.createWeight(searcher, scoreMode, 1f);
        if (!scoreMode.needsScores()) {
            return inner;
        }
        return new FilterWeight(this, inner) {
            @Override
            public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
                ScorerSupplier supplier = in.scorerSupplier(context);
                if (supplier == null) {
                    return null;
                }
                HeapDoubleValues.Segment segment = rank.segment(context.reader());
                return new ScorerSupplier() {
                    @Override
                    public Scorer get(long leadCost) throws IOException {
                        return new Boosted(supplier.get(leadCost), segment, boost);
                    }

                    @Override
                    public long cost() {
                        return supplier.cost();
                    }

                    @Override
                    public void setTopLevelScoringClause() throws IOException {
                        supplier.setTopLevelScoringClause();
                    }
                };
            }

            @Override
            public Explanation explain(LeafReaderContext context, int doc) throws IOException {
                Explanation inner = in.explain(context, doc);
                if (!inner.isMatch()) {
                    return inner;
                }
                double factor = rank.segment(context.reader()).values()[doc];
                return Explanation.match(score(inner.getValue().floatValue(), factor, boost), "score × rank, from:", inner,
                        Explanation.match(factor, rank.field()));
            }

            @Override
            public int count(LeafReaderContext context) throws IOException {
                return in.count(context);
            }
        };
    }

    static float score(float inner, double factor, float boost) {
        double product = inner * factor;
        return product >= 0 ? (float) (product * boost) : 0f;
    }

    /**
     * The boosted scorer. Besides bounding the score for the inner query, it skips on its own: the
     * per-word disjunction of the archive (several fields, tie-breaker 0.3) does not skip when it is
     * the only scoring clause, so blocks whose best possible score cannot reach the page are jumped
     * over here, using the block boundaries and maximum scores the inner scorer reports.
     */
    private static final class Boosted extends Scorer {
        private final Scorer in;
        private final double[] factors;
        private final double maxFactor;
        private final float boost;
        private final DocIdSetIterator inApproximation;
        private final TwoPhaseIterator twoPhase;
        private final DocIdSetIterator iterator;
        private float minCompetitive;
        private int blockEnd = -1;
        private float blockMax;

        Boosted(Scorer in, HeapDoubleValues.Segment segment, float boost) {
            this.in = in;
            this.factors = segment.values();
            this.maxFactor = segment.max();
            this.boost = boost;
            TwoPhaseIterator inTwoPhase = in.twoPhaseIterator();
            this.inApproximation = inTwoPhase == null ? in.iterator() : inTwoPhase.approximation();
            DocIdSetIterator skipping = new Skipping();
            this.twoPhase = inTwoPhase == null ? null : new TwoPhaseIterator(skipping) {
                @Override
                public boolean matches() throws IOException {
                    return inTwoPhase.matches();
                }

                @Override
                public float matchCost() {
                    return inTwoPhase.matchCost();
                }
            };
            this.iterator = twoPhase == null ? skipping : TwoPhaseIterator.asDocIdSetIterator(twoPhase);
        }

        @Override
        public int docID() {
            return inApproximation.docID();
        }

        @Override
        public DocIdSetIterator iterator() {
            return iterator;
        }

        @Override
        public TwoPhaseIterator twoPhaseIterator() {
            return twoPhase;
        }

        @Override
        public float score() throws IOException {
            return RankBoostQuery.score(in.score(), factors[docID()], boost);
        }

        @Override
        public int advanceShallow(int target) throws IOException {
            return in.advanceShallow(target);
        }

        @Override
        public float getMaxScore(int upTo) throws IOException {
            if (maxFactor <= 0) {
                return 0f;
            }
            float innerMax = in.getMaxScore(upTo);
            if (innerMax == Float.POSITIVE_INFINITY) {
                return innerMax;
            }
            return Math.nextUp((float) (innerMax * maxFactor * boost * (1 + ROUNDING_MARGIN)));
        }

        @Override
        public void setMinCompetitiveScore(float minScore) throws IOException {
            if (maxFactor <= 0 || boost <= 0) {
                return;
            }
            minCompetitive = minScore;
            in.setMinCompetitiveScore(Math.nextDown((float) (minScore / (maxFactor * boost) * (1 - ROUNDING_MARGIN))));
        }

        @Override
        public Collection<ChildScorable> getChildren() {
            return List.of(new ChildScorable(in, "MUST"));
        }

        /** The first document at or after {@code target} whose block may hold a competitive score. */
        private int firstCompetitive(int target) throws IOException {
            while (target != DocIdSetIterator.NO_MORE_DOCS) {
                if (target > blockEnd) {
                    blockEnd = in.advanceShallow(target);
                    blockMax = getMaxScore(blockEnd);
                }
                if (blockMax >= minCompetitive || blockEnd == DocIdSetIterator.NO_MORE_DOCS) {
                    return blockMax >= minCompetitive ? target : DocIdSetIterator.NO_MORE_DOCS;
                }
                target = blockEnd + 1;
            }
            return target;
        }

        private final class Skipping extends DocIdSetIterator {
            @Override
            public int docID() {
                return inApproximation.docID();
            }

            @Override
            public int nextDoc() throws IOException {
                return advance(inApproximation.docID() + 1);
            }

            @Override
            public int advance(int target) throws IOException {
                if (minCompetitive <= 0) {
                    return inApproximation.advance(target);
                }
                while (true) {
                    target = firstCompetitive(target);
                    int doc = inApproximation.advance(target);
                    if (doc == DocIdSetIterator.NO_MORE_DOCS || doc <= blockEnd) {
                        return doc;
                    }
                    // The next match lies in a later block, which has not been weighed yet.
                    int competitive = firstCompetitive(doc);
                    if (competitive == doc) {
                        return doc;
                    }
                    target = competitive;
                    if (target == DocIdSetIterator.NO_MORE_DOCS) {
                        return inApproximation.advance(target);
                    }
                }
            }

            @Override
            public long cost() {
                return inApproximation.cost();
            }
        }
    }

    @Override
    public String toString(String field) {
        return "rank(" + in.toString(field) + " × " + rank + ")";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && in.equals(((RankBoostQuery) other).in) && rank.equals(((RankBoostQuery) other).rank);
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), in, rank);
    }
}
