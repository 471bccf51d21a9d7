package ru.soko.search.heap;

import java.io.IOException;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * The facet ordinals of every segment, copied once into plain arrays on the heap. Counting facets
 * walks the ordinals of every matching document; read from the memory-mapped doc values each read
 * goes through a decoder and a memory-segment check, which made counting a fifth of the search
 * time. About 4 bytes per facet value of a document (some 50 bytes a document): 50 MB at 1 M
 * documents, dropped with the segment ({@link PerSegment}).
 *
 * <p>Each value is also held as the set of its documents: a bit set where it is common, a list where
 * it is rare. A search matching a large share of a segment is then counted value by value, by
 * intersecting its matches with each value's documents, instead of document by document: a segment
 * holds a few dozen values while a broad query matches hundreds of thousands of documents carrying
 * some ten values each (docs/BENCHMARKS.md, fix 22). The value sets take about 9 MB more at 1 M.
 */
public final class FacetOrdinals {

    /** A value held as a bit set is in at least one document of this many. */
    static final int COMMON_SHARE = 64;

    private final String field;
    private final PerSegment<Segment> segments = new PerSegment<>(this::load);

    /** {@code field}: the doc-values field the facets are indexed in ({@code FacetsConfig}'s «$facets»). */
    public FacetOrdinals(String field) {
        this.field = field;
    }

    /**
     * Ordinals of one segment's documents: those of document {@code d} are {@code ords[start[d]] … ords[start[d + 1] - 1]}.
     * The documents of value {@code v} are {@code common[v]} or, for a rare value, {@code rare[v]} (ascending).
     */
    record Segment(int[] start, int[] ords, int valueCount, FixedBitSet[] common, int[][] rare) {

        /** Words of bit sets and rare documents read when counting value by value. */
        long valueWork() {
            long work = 0;
            for (int v = 0; v < valueCount; v++) {
                work += common[v] != null ? common[v].getBits().length : rare[v].length;
            }
            return work;
        }

        /** How many of {@code matches} carry value {@code v}. */
        int countIn(int v, FixedBitSet matches) {
            if (common[v] != null) {
                return (int) FixedBitSet.intersectionCount(matches, common[v]);
            }
            int count = 0;
            for (int doc : rare[v]) {
                if (matches.get(doc)) {
                    count++;
                }
            }
            return count;
        }

        /** Adds the documents carrying value {@code v} to {@code docs}. */
        void addDocumentsOf(int v, FixedBitSet docs) {
            if (common[v] != null) {
                docs.or(common[v]);
            } else {
                for (int doc : rare[v]) {
                    docs.set(doc);
                }
            }
        }

        /** Values read when counting {@code matches} documents one by one. */
        long documentWork(long matches) {
            int docs = start.length - 1;
            return docs == 0 ? 0 : matches * ords.length / docs;
        }
    }

    Segment of(LeafReader leaf) throws IOException {
        return segments.of(leaf);
    }

    /** The segment ordinal of a facet label ({@code FacetsConfig.pathToString}), negative when no document has it. */
    long ordOf(LeafReader leaf, org.apache.lucene.util.BytesRef label) throws IOException {
        return DocValues.getSortedSet(leaf, field).lookupTerm(label);
    }

    /** Segments whose ordinals are held now (for tests and diagnostics). */
    int cachedSegments() {
        return segments.size();
    }

    private Segment load(LeafReader leaf) throws IOException {
        SortedSetDocValues values = DocValues.getSortedSet(leaf, field);
        int maxDoc = leaf.maxDoc();
        int[] start = new int[maxDoc + 1];
        int[] ords = new int[Math.max(16, maxDoc * 8)];
        int n = 0;
        int next = 0;
        for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
            while (next <= doc) {
                start[next++] = n;
            }
            int count = values.docValueCount();
            if (n + count > ords.length) {
                ords = java.util.Arrays.copyOf(ords, Math.max(n + count, ords.length + (ords.length >> 1)));
            }
            for (int i = 0; i < count; i++) {
                ords[n++] = Math.toIntExact(values.nextOrd());
            }
        }
        while (next <= maxDoc) {
            start[next++] = n;
        }
        int valueCount = Math.toIntExact(values.getValueCount());
        int[] kept = java.util.Arrays.copyOf(ords, n);
        FixedBitSet[] common = new FixedBitSet[valueCount];
        int[][] rare = new int[valueCount][];
        documentsOfEachValue(start, kept, valueCount, common, rare);
        return new Segment(start, kept, valueCount, common, rare);
    }

    /**
     * A value in at least one document of {@link #COMMON_SHARE} gets a bit set (then no more than 64 bits
     * per document it has, against 32 in a list); a rarer one a list of its documents.
     */
    private static void documentsOfEachValue(int[] start, int[] ords, int valueCount, FixedBitSet[] common, int[][] rare) {
        int maxDoc = start.length - 1;
        int[] frequency = new int[valueCount];
        for (int ord : ords) {
            frequency[ord]++;
        }
        int[] filled = new int[valueCount];
        for (int v = 0; v < valueCount; v++) {
            if ((long) frequency[v] * COMMON_SHARE >= maxDoc && frequency[v] > 0) {
                common[v] = new FixedBitSet(maxDoc);
            } else {
                rare[v] = new int[frequency[v]];
            }
        }
        for (int doc = 0; doc < maxDoc; doc++) {
            for (int i = start[doc]; i < start[doc + 1]; i++) {
                int v = ords[i];
                if (common[v] != null) {
                    common[v].set(doc);
                } else {
                    rare[v][filled[v]++] = doc;
                }
            }
        }
    }
}
