package ru.soko.search.heap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.PrimitiveIterator;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.LongValues;

/**
 * Exact facet counts of the documents a search matched, read from {@link FacetOrdinals} instead of
 * the doc values. Gives the same answers as Lucene's {@code SortedSetDocValuesFacetCounts} for what
 * the archive asks ({@link #getTopChildren}: values by count, ties in label order; children of a
 * hierarchical value), which {@code HeapFacetCountsTest} checks against it.
 */
public final class HeapFacetCounts extends Facets {

    private final SortedSetDocValuesReaderState state;
    private final int[] counts;
    /** The labels of global ordinals; read by this object only, as doc values are not shared between threads. */
    private final SortedSetDocValues labels;

    public HeapFacetCounts(SortedSetDocValuesReaderState state, FacetOrdinals ordinals, FacetsCollector hits) throws IOException {
        this.state = state;
        this.counts = new int[state.getSize()];
        this.labels = state.getDocValues();
        // The state's values span all segments through an ordinal map; one segment needs none.
        OrdinalMap map = labels instanceof MultiDocValues.MultiSortedSetDocValues multi ? multi.mapping : null;
        for (FacetsCollector.MatchingDocs docs : hits.getMatchingDocs()) {
            if (ReaderUtil.getTopLevelContext(docs.context()).reader() != state.getReader()) {
                throw new IllegalStateException("facet state belongs to another reader than the search");
            }
            count(ordinals.of(docs.context().reader()), docs,
                    map == null ? LongValues.IDENTITY : map.getGlobalOrds(docs.context().ord));
        }
    }

    private void count(FacetOrdinals.Segment segment, FacetsCollector.MatchingDocs docs, LongValues toGlobal) throws IOException {
        if (docs.totalHits() == 0 || docs.bits() == null) {
            return;
        }
        DocIdSetIterator it = docs.bits().iterator();
        if (it == null) {
            return;
        }
        // Counted by segment ordinal, then moved to global ordinals once per value rather than once per document.
        int[] local = it instanceof BitSetIterator bits && bits.getBitSet() instanceof FixedBitSet matches
                && segment.valueWork() < segment.documentWork(docs.totalHits())
                ? byValue(segment, matches) : byDocument(segment, it);
        for (int ord = 0; ord < local.length; ord++) {
            if (local[ord] != 0) {
                counts[(int) toGlobal.get(ord)] += local[ord];
            }
        }
    }

    private static int[] byDocument(FacetOrdinals.Segment segment, DocIdSetIterator it) throws IOException {
        int[] local = new int[segment.valueCount()];
        int[] start = segment.start();
        int[] ords = segment.ords();
        for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
            for (int i = start[doc], end = start[doc + 1]; i < end; i++) {
                local[ords[i]]++;
            }
        }
        return local;
    }

    /** The matches are live documents only, so intersecting them with a value's documents counts exactly. */
    private static int[] byValue(FacetOrdinals.Segment segment, FixedBitSet matches) {
        int[] local = new int[segment.valueCount()];
        for (int v = 0; v < local.length; v++) {
            local[v] = segment.countIn(v, matches);
        }
        return local;
    }

    @Override
    public FacetResult getTopChildren(int topN, String dim, String... path) throws IOException {
        if (topN <= 0) {
            throw new IllegalArgumentException("topN must be > 0");
        }
        FacetsConfig.DimConfig config = state.getFacetsConfig().getDimConfig(dim);
        PrimitiveIterator.OfInt children;
        if (config.hierarchical) {
            SortedSetDocValuesReaderState.DimTree tree = state.getDimTree(dim);
            if (tree == null) {
                throw new IllegalArgumentException("dimension \"" + dim + "\" was not indexed");
            }
            int parent = tree.dimStartOrd;
            if (path.length > 0) {
                long ord = labels.lookupTerm(new BytesRef(FacetsConfig.pathToString(dim, path)));
                if (ord < 0) {
                    return null;
                }
                parent = (int) ord;
            }
            children = tree.iterator(parent);
        } else {
            if (path.length > 0) {
                throw new IllegalArgumentException("dimension \"" + dim + "\" is not hierarchical");
            }
            SortedSetDocValuesReaderState.OrdRange range = state.getOrdRange(dim);
            if (range == null) {
                throw new IllegalArgumentException("dimension \"" + dim + "\" was not indexed");
            }
            children = range.iterator();
        }
        List<int[]> counted = new ArrayList<>();
        int childCount = 0;
        long sum = 0;
        while (children.hasNext()) {
            int ord = children.nextInt();
            if (counts[ord] > 0) {
                counted.add(new int[] {ord, counts[ord]});
                childCount++;
                sum += counts[ord];
            }
        }
        if (counted.isEmpty()) {
            return null;
        }
        counted.sort((a, b) -> a[1] != b[1] ? Integer.compare(b[1], a[1]) : Integer.compare(a[0], b[0]));
        int shown = Math.min(topN, counted.size());
        LabelAndValue[] top = new LabelAndValue[shown];
        for (int i = 0; i < shown; i++) {
            String[] parts = FacetsConfig.stringToPath(labels.lookupOrd(counted.get(i)[0]).utf8ToString());
            top[i] = new LabelAndValue(parts[parts.length - 1], counted.get(i)[1]);
        }
        // A document may carry several values of a multi-valued dimension: the sum is not its count.
        Number value = config.multiValued ? -1 : sum;
        return new FacetResult(dim, path, value, top, childCount);
    }

    @Override
    public FacetResult getAllChildren(String dim, String... path) throws IOException {
        throw new UnsupportedOperationException("the archive asks for the top values only");
    }

    @Override
    public Number getSpecificValue(String dim, String... path) throws IOException {
        long ord = labels.lookupTerm(new BytesRef(FacetsConfig.pathToString(dim, path)));
        return ord < 0 ? -1 : counts[(int) ord];
    }

    @Override
    public List<FacetResult> getAllDims(int topN) throws IOException {
        List<FacetResult> all = new ArrayList<>();
        for (String dim : state.getDims()) {
            FacetResult r = getTopChildren(topN, dim);
            if (r != null) {
                all.add(r);
            }
        }
        return all;
    }
}
