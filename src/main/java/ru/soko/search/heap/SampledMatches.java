package ru.soko.search.heap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.DocIdSet;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitDocIdSet;
import org.apache.lucene.util.FixedBitSet;

/**
 * A query's matches for its total and facet counts, found in an even sample of the index when they
 * are too many to be worth finding all. Finding the 470 000 matches of a phrase at 1 M documents
 * costs ≈ 160 ms of CPU, reading positions the page never needs; the ranking pass still sees every
 * match, so the hits are those of the full search, and only the counts become estimates.
 *
 * <p>Each segment is cut into {@value #CHUNKS} short runs of documents; the sample takes every
 * {@code stride}-th run of every segment, so its documents come from the whole index (old and new
 * acts, every upload batch) rather than from its start. The stride halves, adding the runs in
 * between, until the sample holds {@code enough} matches or is the whole index — a query with few
 * matches is therefore always counted exactly, whatever the archive's size, and so is every query in
 * an index of fewer than 16 × {@code enough} entries. The matches found are
 * real, visible documents; an estimate is their number times the share of the index not read.
 */
public final class SampledMatches {

    /**
     * Runs per segment: 8 192 (≈ 45 documents each in a segment of 370 000). Neighbouring documents
     * resemble each other (one upload, one issuer), so an estimate from a few long runs is off by more
     * than its size suggests: 1 024 runs left top facet values 6–8 % off, 8 192 runs 0–3.5 %, at
     * ≈ 1.5× the sample's cost but the same CPU in the query mix (docs/bench/NOTES-search-sample.md).
     */
    private static final int CHUNKS = 8192;
    private static final int FIRST_STRIDE = 512;
    /**
     * Sample only where a sample of at most 1/16 of the index could hold enough: below that (at 100k
     * documents, 150 000 entries) the query cache and Lucene's whole-segment scorers left sampling
     * nothing to save in the mix, and an estimate is then not worth showing.
     */
    private static final int SMALLEST_SHARE = 16;

    /** The matches found (sampled or all), how many of them counted towards enough, and by how much to multiply counts. */
    public record Result(BitSetFacetsCollector matches, long found, double scale) {
        public boolean approximate() {
            return scale > 1.0;
        }

        public long total() {
            return approximate() ? Math.round(found * scale) : found;
        }

        /** A count made over {@link #matches()}, as an estimate for the whole index. */
        public long scaled(long count) {
            return approximate() ? Math.round(count * scale) : count;
        }
    }

    private final int enough;

    /** {@code enough}: matches a sample must hold before its counts stand for the whole index. */
    public SampledMatches(int enough) {
        if (enough < 1) {
            throw new IllegalArgumentException("enough must be positive: " + enough);
        }
        this.enough = enough;
    }

    /** A sampler that always counts every match. */
    public static SampledMatches never() {
        return new SampledMatches(Integer.MAX_VALUE / SMALLEST_SHARE);
    }

    public Result collect(IndexSearcher searcher, Query query) throws IOException {
        return collect(searcher, query, null);
    }

    /**
     * As {@link #collect(IndexSearcher, Query)}, but only matches among a segment's {@code within}
     * documents count towards enough: with facet values chosen, the sample must hold enough of the
     * documents the user narrowed the search to, not merely of the query's matches.
     */
    public Result collect(IndexSearcher searcher, Query query, Function<LeafReaderContext, FixedBitSet> within) throws IOException {
        int maxDoc = searcher.getIndexReader().maxDoc();
        if (maxDoc < (long) SMALLEST_SHARE * enough) {
            return all(searcher, query, within);
        }
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        // No sparser start than the index, or Lucene's cost estimate, could fill: for the queries built
        // here that estimate is at least the number of matches; were it lower, the sample would only
        // start denser.
        int stride = sparsestFilling(Math.min(maxDoc, cost(weight, leaves)));
        if (stride == 1) {
            return all(searcher, query, within);
        }
        List<Sample> samples = new ArrayList<>(leaves.size());
        leaves.forEach(leaf -> samples.add(new Sample(leaf, within == null ? null : within.apply(leaf))));
        for (boolean first = true; ; first = false, stride /= 2) {
            long found = 0;
            for (Sample sample : samples) {
                sample.addChunks(weight, stride, first);
                found += sample.found();
            }
            if (found >= enough || stride == 1) {
                return result(samples, found);
            }
        }
    }

    /** The largest stride up to {@link #FIRST_STRIDE} whose sample of {@code entries} could still hold enough. */
    private int sparsestFilling(long entries) {
        int stride = FIRST_STRIDE;
        while (stride > 1 && entries / stride < enough) {
            stride /= 2;
        }
        return stride;
    }

    /** Lucene's estimate of how many documents {@code weight} will read, over all {@code leaves}. */
    public static long cost(Weight weight, List<LeafReaderContext> leaves) throws IOException {
        long cost = 0;
        for (LeafReaderContext leaf : leaves) {
            ScorerSupplier supplier = weight.scorerSupplier(leaf);
            cost += supplier == null ? 0 : supplier.cost();
        }
        return cost;
    }

    private static Result all(IndexSearcher searcher, Query query, Function<LeafReaderContext, FixedBitSet> within) throws IOException {
        BitSetFacetsCollector matches = (BitSetFacetsCollector) searcher.search(query, new BitSetFacetsCollector.Manager());
        long found = 0;
        for (FacetsCollector.MatchingDocs docs : matches.getMatchingDocs()) {
            found += within == null ? docs.totalHits()
                    : FixedBitSet.intersectionCount(BitSetFacetsCollector.bitsOf(docs), within.apply(docs.context()));
        }
        return new Result(matches, found, 1.0);
    }

    private static Result result(List<Sample> samples, long found) {
        long maxDoc = 0;
        long covered = 0;
        List<FacetsCollector.MatchingDocs> matching = new ArrayList<>(samples.size());
        for (Sample sample : samples) {
            maxDoc += sample.leaf.reader().maxDoc();
            covered += sample.covered;
            DocIdSet docs = sample.hits == 0 ? DocIdSet.EMPTY : new BitDocIdSet(sample.bits, sample.hits);
            matching.add(new FacetsCollector.MatchingDocs(sample.leaf, docs, sample.hits, null));
        }
        double scale = covered >= maxDoc ? 1.0 : (double) maxDoc / covered;
        return new Result(BitSetFacetsCollector.of(matching), found, scale);
    }

    /** One segment's sampled runs and the matches found in them. */
    private static final class Sample implements LeafCollector {
        private final LeafReaderContext leaf;
        private final FixedBitSet within;
        private final FixedBitSet bits;
        private final int chunkSize;
        private long covered;
        private int hits;

        Sample(LeafReaderContext leaf, FixedBitSet within) {
            this.leaf = leaf;
            this.within = within;
            int maxDoc = leaf.reader().maxDoc();
            this.bits = new FixedBitSet(Math.max(1, maxDoc));
            this.chunkSize = Math.max(1, (maxDoc + CHUNKS - 1) / CHUNKS);
        }

        long found() {
            return within == null ? hits : FixedBitSet.intersectionCount(bits, within);
        }

        /** The runs every {@code stride}-th apart not read yet; Lucene's bulk scorer wants them in order. */
        void addChunks(Weight weight, int stride, boolean first) throws IOException {
            int maxDoc = leaf.reader().maxDoc();
            BulkScorer scorer = weight.bulkScorer(leaf);
            for (int chunk = 0; chunk < CHUNKS && (long) chunk * chunkSize < maxDoc; chunk += stride) {
                if (!first && chunk % (2 * stride) == 0) {
                    continue;
                }
                int from = chunk * chunkSize;
                int to = Math.min(maxDoc, from + chunkSize);
                covered += to - from;
                if (scorer != null) {
                    scorer.score(this, leaf.reader().getLiveDocs(), from, to);
                }
            }
        }

        @Override
        public void setScorer(Scorable scorer) {
        }

        @Override
        public void collect(int doc) {
            bits.set(doc);
            hits++;
        }
    }
}
