package ru.soko.search.heap;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FilterScorer;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * A query's score multiplied by a per-document factor held on the heap, scoring exactly as
 * {@code FunctionScoreQuery.boostByValue(query, rank)} (negative products count 0), but able to skip.
 * Lucene's function query reports every score as possibly infinite, so the top hits could only be
 * found by scoring every match. Here a segment's largest factor bounds the boosted score, so the
 * inner query learns the smallest score still worth producing and can skip whole blocks of
 * postings (block-max WAND / MAXSCORE) when only the top few are wanted. At the top level the
 * inner query's own bulk scorer runs and only the scores it hands on are boosted.
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
                return new DelegatingScorerSupplier(supplier) {
                    @Override
                    public Scorer get(long leadCost) throws IOException {
                        return new Boosted(wrapped.get(leadCost), segment, boost);
                    }

                    @Override
                    public BulkScorer bulkScorer() throws IOException {
                        if (scoreMode != ScoreMode.TOP_SCORES) {
                            // Every match is scored anyway; the inner bulk scorers were measured slower here.
                            return super.bulkScorer();
                        }
                        return around(wrapped.bulkScorer(), (inner, collector, acceptDocs, min, max) ->
                                inner.score(new Boosting(collector, segment, boost), acceptDocs, min, max));
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

    /** Translates the smallest competitive boosted score into one for the inner query, rounding down. */
    private static float innerThreshold(float minScore, double maxFactor, float boost) {
        return Math.nextDown((float) (minScore / (maxFactor * boost) * (1 - ROUNDING_MARGIN)));
    }

    /** The boosted scorer, for when the query is a clause of another (a facet filter around it). */
    private static final class Boosted extends FilterScorer {
        private final double[] factors;
        private final double maxFactor;
        private final float boost;

        Boosted(Scorer in, HeapDoubleValues.Segment segment, float boost) {
            super(in);
            this.factors = segment.values();
            this.maxFactor = segment.max();
            this.boost = boost;
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
            if (maxFactor > 0 && boost > 0) {
                in.setMinCompetitiveScore(innerThreshold(minScore, maxFactor, boost));
            }
        }

        @Override
        public Collection<ChildScorable> getChildren() {
            return List.of(new ChildScorable(in, "MUST"));
        }
    }

    /**
     * Boosts the scores an inner bulk scorer hands to the collector. At the top level Lucene scores
     * a disjunction (the requisite query) or a conjunction of words with its own bulk scorers, which
     * skip far better than a scorer iterated one document at a time; they are kept.
     */
    private static final class Boosting implements LeafCollector {
        private final LeafCollector in;
        private final double[] factors;
        private final double maxFactor;
        private final float boost;
        private int doc = -1;

        Boosting(LeafCollector in, HeapDoubleValues.Segment segment, float boost) {
            this.in = in;
            this.factors = segment.values();
            this.maxFactor = segment.max();
            this.boost = boost;
        }

        @Override
        public void setScorer(Scorable inner) throws IOException {
            in.setScorer(new Scorable() {
                @Override
                public float score() throws IOException {
                    return RankBoostQuery.score(inner.score(), factors[doc], boost);
                }

                @Override
                public void setMinCompetitiveScore(float minScore) throws IOException {
                    if (maxFactor > 0 && boost > 0) {
                        inner.setMinCompetitiveScore(innerThreshold(minScore, maxFactor, boost));
                    }
                }

                @Override
                public Collection<ChildScorable> getChildren() {
                    return List.of(new ChildScorable(inner, "MUST"));
                }
            });
        }

        @Override
        public void collect(int doc) throws IOException {
            this.doc = doc;
            in.collect(doc);
        }

        @Override
        public DocIdSetIterator competitiveIterator() throws IOException {
            return in.competitiveIterator();
        }

        @Override
        public void finish() throws IOException {
            in.finish();
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
