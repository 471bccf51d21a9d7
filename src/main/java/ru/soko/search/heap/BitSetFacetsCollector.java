package ru.soko.search.heap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSet;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BitDocIdSet;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * Gathers a search's matches for facet counting straight into one bit set per segment. Lucene's own
 * collector goes through a {@code DocIdSetBuilder}, which takes a growth check per document and
 * starts as a list that it copies into a bit set once the matches pass 1/128 of the segment: 3–8 % of
 * a search's CPU at 1 M documents (docs/BENCHMARKS.md, fix 23). A bit set is also what
 * {@link HeapFacetCounts} counts value by value. Costs {@code maxDoc / 8} bytes per segment and
 * search whatever the matches.
 */
public final class BitSetFacetsCollector extends FacetsCollector {

    private final List<MatchingDocs> matching = new ArrayList<>();
    private LeafReaderContext context;
    private FixedBitSet bits;
    private int hits;

    public BitSetFacetsCollector() {
        super(false);
    }

    @Override
    protected void doSetNextReader(LeafReaderContext leaf) {
        context = leaf;
        bits = new FixedBitSet(leaf.reader().maxDoc());
        hits = 0;
    }

    @Override
    public void collect(int doc) {
        bits.set(doc);
        hits++;
    }

    @Override
    public void finish() {
        DocIdSet docs = hits == 0 ? DocIdSet.EMPTY : new BitDocIdSet(bits, hits);
        matching.add(new MatchingDocs(context, docs, hits, null));
        context = null;
        bits = null;
    }

    /** Matches gathered elsewhere, for counting as if this collector had gathered them. */
    static BitSetFacetsCollector of(List<MatchingDocs> segments) {
        BitSetFacetsCollector collector = new BitSetFacetsCollector();
        collector.matching.addAll(segments);
        return collector;
    }

    /** A segment's matches as one bit set: the collector's own when it gathered them, else a copy. */
    static FixedBitSet bitsOf(MatchingDocs docs) throws IOException {
        DocIdSetIterator it = docs.bits() == null ? null : docs.bits().iterator();
        if (it instanceof BitSetIterator bits && bits.getBitSet() instanceof FixedBitSet fixed) {
            return fixed;
        }
        FixedBitSet copy = new FixedBitSet(docs.context().reader().maxDoc());
        if (it != null) {
            copy.or(it);
        }
        return copy;
    }

    @Override
    public List<MatchingDocs> getMatchingDocs() {
        return matching;
    }

    /** Hands out {@link BitSetFacetsCollector}s and joins their segments. */
    public static final class Manager extends FacetsCollectorManager {

        public Manager() {
            super(false);
        }

        @Override
        public FacetsCollector newCollector() {
            return new BitSetFacetsCollector();
        }

        @Override
        public FacetsCollector reduce(Collection<FacetsCollector> collectors) {
            List<MatchingDocs> all = new ArrayList<>();
            collectors.forEach(c -> all.addAll(c.getMatchingDocs()));
            return of(all);
        }
    }
}
