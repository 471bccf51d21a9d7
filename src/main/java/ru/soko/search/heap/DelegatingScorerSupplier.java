package ru.soko.search.heap;

import java.io.IOException;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.util.Bits;

/**
 * A scorer supplier around another, for queries that change what the wrapped query's scorers hand
 * on (a rank factor, a filter held as bits) but keep its cost and its hint that it scores at the top
 * level, which decides whether Lucene uses its skipping bulk scorers.
 */
abstract class DelegatingScorerSupplier extends ScorerSupplier {

    /** How a bulk scorer around another passes on one call. */
    interface Scoring {
        int score(BulkScorer inner, LeafCollector collector, Bits acceptDocs, int min, int max) throws IOException;
    }

    protected final ScorerSupplier wrapped;

    DelegatingScorerSupplier(ScorerSupplier wrapped) {
        this.wrapped = wrapped;
    }

    /** {@code inner}, each call passed on by {@code scoring}. */
    static BulkScorer around(BulkScorer inner, Scoring scoring) {
        return new BulkScorer() {
            @Override
            public int score(LeafCollector collector, Bits acceptDocs, int min, int max) throws IOException {
                return scoring.score(inner, collector, acceptDocs, min, max);
            }

            @Override
            public long cost() {
                return inner.cost();
            }
        };
    }

    @Override
    public long cost() {
        return wrapped.cost();
    }

    @Override
    public void setTopLevelScoringClause() throws IOException {
        wrapped.setTopLevelScoringClause();
    }
}
