package ru.soko.search.heap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.MultiFacets;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSet;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BitDocIdSet;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * The total and facet counts Lucene's {@code DrillSideways} gives a search with chosen facet values,
 * from set operations on the heap instead of its scorer, which checks every chosen dimension and
 * calls the collectors document by document. The query's matches are collected once, without the
 * chosen values; each chosen value's documents come from {@link FacetOrdinals}. The drill-down is the
 * matches AND every dimension's chosen values (values of one dimension OR-ed); a chosen dimension's
 * own counts are the matches AND the other dimensions' chosen values, so its other values stay
 * visible. The matches hold live documents only, so the counts are exact — unless even the
 * drill-down holds very many documents: then the matches come from a sample of the index that holds
 * enough of the drill-down's documents ({@link SampledMatches}), and every count is an estimate.
 */
public final class ChosenValueCounts {

    /**
     * The total of the drill-down and the counts of every dimension; {@code sample} scales counts made
     * over a sample. {@code chosen} holds, by segment ({@code LeafReaderContext.ord}), the documents
     * with every dimension's chosen values, deleted ones included: the ranking pass may keep to them
     * ({@link ChosenOnly}).
     */
    public record Result(long total, Facets facets, SampledMatches.Result sample, List<FixedBitSet> chosen) {
    }

    private final FacetOrdinals ordinals;
    private final SampledMatches sampled;

    public ChosenValueCounts(FacetOrdinals ordinals, SampledMatches sampled) {
        this.ordinals = ordinals;
        this.sampled = sampled;
    }

    /** {@code chosen}: paths of the chosen values by dimension. */
    public Result count(IndexSearcher searcher, Query matching, Map<String, List<String[]>> chosen,
                        SortedSetDocValuesReaderState state) throws IOException {
        List<String> dims = List.copyOf(chosen.keySet());
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        FixedBitSet[][] chosenIn = new FixedBitSet[leaves.size()][];
        FixedBitSet[] allChosenIn = new FixedBitSet[leaves.size()];
        for (LeafReaderContext leaf : leaves) {
            chosenIn[leaf.ord] = new FixedBitSet[dims.size()];
            for (int i = 0; i < dims.size(); i++) {
                chosenIn[leaf.ord][i] = documentsWithAny(leaf.reader(), dims.get(i), chosen.get(dims.get(i)));
            }
            allChosenIn[leaf.ord] = intersection(chosenIn[leaf.ord][0], chosenIn[leaf.ord], 0);
        }
        // Enough of the drill-down's documents, not merely of the query's matches, must be in a sample.
        SampledMatches.Result sample = sampled.collect(searcher, matching, leaf -> allChosenIn[leaf.ord]);
        List<FacetsCollector.MatchingDocs> drillDown = new ArrayList<>();
        List<List<FacetsCollector.MatchingDocs>> sideways = new ArrayList<>();
        dims.forEach(d -> sideways.add(new ArrayList<>()));
        for (FacetsCollector.MatchingDocs docs : sample.matches().getMatchingDocs()) {
            FixedBitSet matches = BitSetFacetsCollector.bitsOf(docs);
            FixedBitSet[] withChosen = chosenIn[docs.context().ord];
            FixedBitSet drilled = matches.clone();
            drilled.and(allChosenIn[docs.context().ord]);
            drillDown.add(matchingDocs(docs.context(), drilled));
            for (int i = 0; i < dims.size(); i++) {
                sideways.get(i).add(matchingDocs(docs.context(), intersection(matches, withChosen, i)));
            }
        }
        Map<String, Facets> own = new HashMap<>();
        for (int i = 0; i < dims.size(); i++) {
            own.put(dims.get(i), new HeapFacetCounts(state, ordinals, BitSetFacetsCollector.of(sideways.get(i))));
        }
        long total = drillDown.stream().mapToLong(FacetsCollector.MatchingDocs::totalHits).sum();
        return new Result(sample.scaled(total), new MultiFacets(own, new HeapFacetCounts(state, ordinals, BitSetFacetsCollector.of(drillDown))),
                sample, List.of(allChosenIn));
    }

    private FixedBitSet documentsWithAny(LeafReader leaf, String dim, List<String[]> paths) throws IOException {
        FacetOrdinals.Segment segment = ordinals.of(leaf);
        FixedBitSet docs = new FixedBitSet(leaf.maxDoc());
        for (String[] path : paths) {
            long ord = ordinals.ordOf(leaf, new BytesRef(FacetsConfig.pathToString(dim, path)));
            if (ord >= 0) {
                segment.addDocumentsOf((int) ord, docs);
            }
        }
        return docs;
    }

    /** {@code matches} AND every dimension's chosen values but the one at {@code except}. */
    private static FixedBitSet intersection(FixedBitSet matches, FixedBitSet[] withChosen, int except) {
        FixedBitSet out = matches.clone();
        for (int i = 0; i < withChosen.length; i++) {
            if (i != except) {
                out.and(withChosen[i]);
            }
        }
        return out;
    }

    private static FacetsCollector.MatchingDocs matchingDocs(LeafReaderContext context, FixedBitSet docs) {
        int count = docs.cardinality();
        return new FacetsCollector.MatchingDocs(context, count == 0 ? DocIdSet.EMPTY : new BitDocIdSet(docs, count), count, null);
    }
}
