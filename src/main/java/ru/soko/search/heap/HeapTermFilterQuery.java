package ru.soko.search.heap;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * A query kept to the documents holding any of a few terms of one field ({@link HeapTermBits}): the
 * same hits and scores as {@code +in #field:(terms)}. A filter most documents pass (who may see an
 * entry) cost as a clause: Lucene's MAXSCORE stepped it through every candidate of the words, nearly
 * half of ranking one word at 1M, and conjunctions stepped it beside every match (docs/BENCHMARKS.md,
 * fix 36). Here the query's own bulk scorer runs as if without a filter, and the filter's bits join
 * the live documents it is handed, which every bulk scorer tests before it scores or collects. Any
 * other use of a scorer (inside a conjunction, a rescoring) checks the bits per match.
 */
public final class HeapTermFilterQuery extends Query {

    private final Query in;
    private final HeapTermBits bits;
    private final Set<BytesRef> terms;

    public HeapTermFilterQuery(Query in, HeapTermBits bits, Set<BytesRef> terms) {
        this.in = Objects.requireNonNull(in);
        this.bits = Objects.requireNonNull(bits);
        this.terms = Set.copyOf(terms);
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        Query rewritten = in.rewrite(searcher);
        return rewritten == in ? this : new HeapTermFilterQuery(rewritten, bits, terms);
    }

    @Override
    public void visit(QueryVisitor visitor) {
        in.visit(visitor.getSubVisitor(BooleanClause.Occur.MUST, this));
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        return new FilterWeight(this, in.createWeight(searcher, scoreMode, boost)) {
            @Override
            public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
                ScorerSupplier supplier = in.scorerSupplier(context);
                if (supplier == null) {
                    return null;
                }
                FixedBitSet accepted = bits.of(context.reader(), terms);
                Bits live = context.reader().getLiveDocs();
                return new DelegatingScorerSupplier(supplier) {
                    @Override
                    public Scorer get(long leadCost) throws IOException {
                        return new Kept(wrapped.get(leadCost), accepted);
                    }

                    @Override
                    public BulkScorer bulkScorer() throws IOException {
                        // The bits already leave out the segment's deleted documents.
                        return around(wrapped.bulkScorer(), (inner, collector, acceptDocs, min, max) -> inner.score(collector,
                                acceptDocs == null || acceptDocs == live ? accepted : both(acceptDocs, accepted), min, max));
                    }
                };
            }

            @Override
            public Explanation explain(LeafReaderContext context, int doc) throws IOException {
                if (!bits.of(context.reader(), terms).get(doc)) {
                    return Explanation.noMatch("not among " + bits.field() + ":" + terms);
                }
                return in.explain(context, doc);
            }

            @Override
            public int count(LeafReaderContext context) {
                return -1;
            }
        };
    }

    private static Bits both(Bits a, Bits b) {
        return new Bits() {
            @Override
            public boolean get(int index) {
                return a.get(index) && b.get(index);
            }

            @Override
            public int length() {
                return a.length();
            }
        };
    }

    /** The inner scorer's matches that the bits keep, checked after the inner query's cheap approximation. */
    private static final class Kept extends Scorer {
        private final Scorer in;
        private final FixedBitSet accepted;
        private final TwoPhaseIterator twoPhase;

        Kept(Scorer in, FixedBitSet accepted) {
            this.in = in;
            this.accepted = accepted;
            TwoPhaseIterator inner = in.twoPhaseIterator();
            DocIdSetIterator approximation = inner == null ? in.iterator() : inner.approximation();
            this.twoPhase = new TwoPhaseIterator(approximation) {
                @Override
                public boolean matches() throws IOException {
                    return accepted.get(approximation.docID()) && (inner == null || inner.matches());
                }

                @Override
                public float matchCost() {
                    return 1 + (inner == null ? 0 : inner.matchCost());
                }
            };
        }

        @Override
        public int docID() {
            return in.docID();
        }

        @Override
        public DocIdSetIterator iterator() {
            return TwoPhaseIterator.asDocIdSetIterator(twoPhase);
        }

        @Override
        public TwoPhaseIterator twoPhaseIterator() {
            return twoPhase;
        }

        @Override
        public float score() throws IOException {
            return in.score();
        }

        @Override
        public int advanceShallow(int target) throws IOException {
            return in.advanceShallow(target);
        }

        @Override
        public float getMaxScore(int upTo) throws IOException {
            return in.getMaxScore(upTo);
        }

        @Override
        public void setMinCompetitiveScore(float minScore) throws IOException {
            in.setMinCompetitiveScore(minScore);
        }

        @Override
        public Collection<ChildScorable> getChildren() {
            return List.of(new ChildScorable(in, "MUST"));
        }
    }

    @Override
    public String toString(String field) {
        return "+" + in.toString(field) + " #" + bits.field() + ":" + terms;
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && in.equals(((HeapTermFilterQuery) other).in) && bits == ((HeapTermFilterQuery) other).bits
                && terms.equals(((HeapTermFilterQuery) other).terms);
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), in, System.identityHashCode(bits), terms);
    }
}
