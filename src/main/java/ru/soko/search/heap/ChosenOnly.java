package ru.soko.search.heap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FilterCollector;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.util.FixedBitSet;

/**
 * Hands on to another collector only the documents holding the chosen facet values, from the bit
 * sets {@link ChosenValueCounts} made while counting. A query of one common word narrowed to a
 * common facet value is then ranked as the word alone, over the whole index, where Lucene's MAXSCORE
 * skips the documents whose fields cannot reach the page; as a conjunction with the facet filter it
 * scored every match among the value's documents (2–4× the ranking CPU at 1M, docs/BENCHMARKS.md,
 * fix 35). The page's threshold comes from the documents handed on only, so the page is the same.
 */
public final class ChosenOnly<C extends Collector, T> implements CollectorManager<Collector, T> {

    /**
     * The chosen documents must be at least one entry in this many for ranking over the whole index
     * to pay: with a rarer value the conjunction, led by the value, reads less.
     */
    public static final int SMALLEST_SHARE = 8;

    private final List<FixedBitSet> chosen;
    private final CollectorManager<C, T> in;
    private final List<C> made = Collections.synchronizedList(new ArrayList<>());

    /** {@code chosen}: by segment ({@code LeafReaderContext.ord}), the documents to hand on. */
    public ChosenOnly(List<FixedBitSet> chosen, CollectorManager<C, T> in) {
        this.chosen = chosen;
        this.in = in;
    }

    /** Whether the chosen documents are common enough among {@code maxDoc} for this to pay. */
    public static boolean pays(List<FixedBitSet> chosen, int maxDoc) {
        long count = 0;
        for (FixedBitSet bits : chosen) {
            count += bits.cardinality();
        }
        return count * SMALLEST_SHARE >= maxDoc;
    }

    @Override
    public Collector newCollector() throws IOException {
        C collector = in.newCollector();
        made.add(collector);
        return new FilterCollector(collector) {
            @Override
            public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
                FixedBitSet bits = chosen.get(context.ord);
                if (bits.length() == 0 || bits.nextSetBit(0) == DocIdSetIterator.NO_MORE_DOCS) {
                    throw new CollectionTerminatedException();
                }
                return new FilterLeafCollector(super.getLeafCollector(context)) {
                    @Override
                    public void collect(int doc) throws IOException {
                        if (bits.get(doc)) {
                            in.collect(doc);
                        }
                    }
                };
            }
        };
    }

    @Override
    public T reduce(Collection<Collector> collectors) throws IOException {
        return in.reduce(made);
    }
}
