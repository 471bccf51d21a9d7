package ru.soko.search.heap;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

/**
 * A double doc-values field read once per segment into an array on the heap, for a value looked up
 * for every hit: the rank factor multiplies the score of every matching document, and reading it
 * from the memory-mapped doc values cost about a tenth of a query. 8 bytes a document (8 MB at 1 M).
 * A document without the value gets 1, as {@code FunctionScoreQuery.boostByValue} does.
 */
public final class HeapDoubleValues extends DoubleValuesSource {

    private final String field;
    private final PerSegment<Segment> segments = new PerSegment<>(this::load);

    /** One segment's values, and their largest, which bounds how much a value can lift a score. */
    record Segment(double[] values, double max) {
    }

    public HeapDoubleValues(String field) {
        this.field = field;
    }

    @Override
    public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
        double[] values = segments.of(ctx.reader()).values();
        return new DoubleValues() {
            private int doc = -1;

            @Override
            public double doubleValue() {
                return values[doc];
            }

            @Override
            public boolean advanceExact(int target) {
                doc = target;
                return true;
            }
        };
    }

    Segment segment(LeafReader leaf) throws IOException {
        return segments.of(leaf);
    }

    String field() {
        return field;
    }

    private Segment load(LeafReader leaf) throws IOException {
        double[] values = new double[leaf.maxDoc()];
        Arrays.fill(values, 1.0);
        NumericDocValues stored = DocValues.getNumeric(leaf, field);
        for (int doc = stored.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = stored.nextDoc()) {
            values[doc] = Double.longBitsToDouble(stored.longValue());
        }
        double max = values.length == 0 ? 1.0 : Double.NEGATIVE_INFINITY;
        for (double v : values) {
            max = Math.max(max, v);
        }
        return new Segment(values, max);
    }

    int cachedSegments() {
        return segments.size();
    }

    @Override
    public boolean needsScores() {
        return false;
    }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher reader) {
        return this;
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
        return DocValues.isCacheable(ctx, field);
    }

    @Override
    public int hashCode() {
        return field.hashCode();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HeapDoubleValues o && o.field.equals(field);
    }

    @Override
    public String toString() {
        return "heap-double(" + field + ")";
    }
}
