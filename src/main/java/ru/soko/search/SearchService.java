package ru.soko.search;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.util.FixedBitSet;
import ru.soko.access.Role;
import ru.soko.search.heap.BitSetFacetsCollector;
import ru.soko.search.heap.ChosenOnly;
import ru.soko.search.heap.ChosenValueCounts;
import ru.soko.search.heap.FacetOrdinals;
import ru.soko.search.heap.HeapDoubleValues;
import ru.soko.search.heap.HeapFacetCounts;
import ru.soko.search.heap.HeapTermBits;
import ru.soko.search.heap.HeapTermFilterQuery;
import ru.soko.search.heap.RankBoostQuery;
import ru.soko.search.heap.SampledMatches;

/** Runs a user's query against the index and shapes the answer: hits, snippets, facet counts. */
public final class SearchService {

    private static final int SNIPPET_PASSAGES = 2;
    private static final int FACET_VALUES = 30;
    private static final Sort NEWEST_FIRST = new Sort(new SortField(IndexFields.ORDER, SortField.Type.LONG, true));
    private static final Sort BY_DATE = new Sort(sortField(), new SortField(IndexFields.ORDER, SortField.Type.LONG, true));
    /**
     * Best first, equal scores by {@link IndexFields#TIE}: internal doc ids, Lucene's own tie-break,
     * change with every rebuild and merge, and the same search must give the same page. Lucene
     * still skips by score under this sort (as cheap as the plain top hits at 1M, docs/BENCHMARKS.md).
     */
    static final Sort BY_RELEVANCE = new Sort(SortField.FIELD_SCORE, new SortField(IndexFields.TIE, SortField.Type.LONG, true));
    /**
     * What a result line shows. The stored text, by far the largest field, is left out: the snippet
     * reads it on its own, and decoding it a second time per hit is wasted.
     */
    private static final Set<String> HIT_FIELDS = Set.of(IndexFields.ID, IndexFields.REGISTRY, IndexFields.TITLE, IndexFields.KIND,
            IndexFields.ISSUER, IndexFields.DATE, IndexFields.NUMBER, IndexFields.STATUS, IndexFields.SOURCE_NAME);

    private final SearchIndex index;
    private final Analyzers analyzers;
    private final QueryFactory queries;
    private final FacetOrdinals facetOrdinals;
    private final ChosenValueCounts chosenValueCounts;
    private final int rankWindow;
    private final SampledMatches sampled;
    private final HeapDoubleValues rank = new HeapDoubleValues(IndexFields.RANK);
    private final HeapTermBits access = new HeapTermBits(IndexFields.ACCESS);
    private IndexReader facetReader;
    private volatile Highlighter highlighter;
    private volatile BrowseMemo browseMemo;
    private SortedSetDocValuesReaderState facetState;

    public SearchService(SearchIndex index, Analyzers analyzers, SearchVocabulary vocabulary) {
        this(index, analyzers, vocabulary, RANK_WINDOW, ENOUGH_TO_ESTIMATE);
    }

    /**
     * {@code rankWindow}: see {@link #RANK_WINDOW}; {@code enoughToEstimate}: see {@link #ENOUGH_TO_ESTIMATE}. Tests
     * narrow them to see the window and the estimates at work on a small archive.
     */
    SearchService(SearchIndex index, Analyzers analyzers, SearchVocabulary vocabulary, int rankWindow, int enoughToEstimate) {
        this.rankWindow = rankWindow;
        this.sampled = new SampledMatches(enoughToEstimate);
        this.index = index;
        this.analyzers = analyzers;
        this.queries = new QueryFactory(analyzers, vocabulary);
        this.facetOrdinals = new FacetOrdinals(index.mapper().facetsConfig().getDimConfig(FacetDims.KIND).indexFieldName);
        this.chosenValueCounts = new ChosenValueCounts(facetOrdinals, sampled);
    }

    /**
     * The facet counts and the total need every match but no score; the page needs scores, but only
     * of documents that can still reach it. So the search runs twice: once counting without scores,
     * once collecting the page — sorted (by date) without scores, or ranking the top hits, which lets
     * Lucene skip blocks of postings that cannot reach the page ({@link RankBoostQuery}): it can for a
     * word, a phrase, two words, a disjunction such as a requisite query, or when a chosen facet value
     * narrows the matches. With a chosen facet value the counting is set algebra on the heap
     * ({@link ChosenValueCounts}) rather than Lucene's drill-sideways scorer. A search without words
     * collects its page while counting the first time; its counts and first hits are then kept per
     * index reader ({@link BrowseMemo}). For three or more required words the skipping saves little,
     * so their page is ranked in a window
     * ({@link #rankedInWindow}) (docs/bench/NOTES-search-twopass.md, docs/BENCHMARKS.md); so is a
     * phrase's, first by its lemma pairs ({@link #rankInWindow}). Where every required word is
     * common, the ranking goes through the flat sum of their clauses ({@link BroadConjunctionTop}); a
     * common chosen facet value is ranked over the whole index, keeping its documents ({@link ChosenOnly}).
     * Passes without scores look for the words in the lemma fields only ({@link MatchingQuery}), which
     * find the same documents. The page and its scores are the same on every path while a query
     * matches no more documents than the window holds. A query matching very many entries (with
     * chosen facet values: whose drill-down holds very many) is counted over a sample of the index
     * ({@link SampledMatches}): its total and facet counts are then estimates, marked as such. Every
     * pass keeps to what the asker may see through bits on the heap ({@link HeapTermFilterQuery}).
     */
    public SearchResult search(SearchRequest request) {
        Query userQuery = queries.build(request.query());
        // The highlighter reads offsets, which the lemma pairs lack: it gets the query with phrases by positions.
        Query marking = QueryFields.of(userQuery).contains(IndexFields.TEXT_PAIRS) ? queries.buildForMarking(request.query()) : userQuery;
        Query visible = keptVisible(request.role(), userQuery);
        Query lemmas = MatchingQuery.of(userQuery);
        Query matching = keptVisible(request.role(), lemmas);
        return index.withSearcher(searcher -> {
            if (searcher.getIndexReader().numDocs() == 0) {
                return new SearchResult(0, false, List.of(), Map.of());
            }
            int wanted = request.offset() + request.limit();
            Sort sort = request.query().isEmpty() && request.order() == SearchRequest.Order.RELEVANCE ? NEWEST_FIRST
                    : request.order() == SearchRequest.Order.DATE ? BY_DATE : null;
            DrillDownQuery ranked = drillDown(new RankBoostQuery(visible, rank), request);
            BrowseKey browse = request.query().isEmpty() ? new BrowseKey(request.role(), request.filters()) : null;
            Counts known = browse == null ? null : browseMemo(searcher).get(browse);
            if (known != null) {
                ScoreDoc[] top = browsePage(searcher, new BrowsePage(browse, request.order()), drillDown(visible, request), sort, ranked, wanted);
                return new SearchResult(known.total(), false, hits(searcher, marking, slice(top, request.offset(), request.limit()), true),
                        known.facets());
            }
            Counted counted;
            ScoreDoc[] top;
            if (browse != null) {
                // Counted once per index reader and kept, so the one pass that also collects the page stays.
                DrillSideways.ConcurrentDrillSidewaysResult<TopFieldDocs> sorted = drillSideways(searcher, facetState(searcher))
                        .search(drillDown(matching, request), new TopFieldCollectorManager(sort, wanted, null, wanted));
                counted = Counted.of(sorted);
                top = sorted.collectorResult.scoreDocs;
                TopFieldCollector.populateScores(top, searcher, ranked);
            } else {
                counted = count(searcher, matching, request);
                if (sort != null) {
                    top = searcher.search(drillDown(matching, request), new TopFieldCollectorManager(sort, wanted, null, wanted)).scoreDocs;
                    // Shown beside each hit as before; scoring the page alone is cheap.
                    TopFieldCollector.populateScores(top, searcher, ranked);
                } else if (request.filters().isEmpty() && rankInWindow(userQuery)) {
                    top = rankedInWindow(searcher, lemmas, matching, request.role(), ranked, wanted);
                } else {
                    Optional<ScoreDoc[]> broad = broadTop(searcher, userQuery, lemmas, request, ranked, wanted);
                    top = broad.isPresent() ? broad.get() : ranked(searcher, ranked, visible, counted.chosen(), wanted);
                }
            }
            ScoreDoc[] page = slice(top, request.offset(), request.limit());
            Counts counts = new Counts(counted.total(), facets(counted.facets(), indexedDims(facetState(searcher)), counted.sample()));
            if (browse != null) {
                browseMemo(searcher).remember(browse, counts);
            }
            return new SearchResult(counts.total(), counted.sample().approximate(), hits(searcher, marking, page, request.query().isEmpty()),
                    counts.facets());
        });
    }

    /**
     * The total and facet counts of a search with words: with chosen facet values by set algebra
     * ({@link ChosenValueCounts}), otherwise from the matches; either over a sample when very many match.
     */
    private Counted count(IndexSearcher searcher, Query matching, SearchRequest request) throws IOException {
        if (!request.filters().isEmpty()) {
            ChosenValueCounts.Result chosen = chosenValueCounts.count(searcher, matching, chosenPaths(request), facetState(searcher));
            return new Counted(chosen.total(), chosen.facets(), chosen.sample(), chosen.chosen());
        }
        SampledMatches.Result matches = sampled.collect(searcher, matching);
        return new Counted(matches.total(), new HeapFacetCounts(facetState(searcher), facetOrdinals, matches.matches()), matches, null);
    }

    /** A search without words: who asks and the chosen facet values decide its counts. */
    private record BrowseKey(Role role, Map<String, List<String>> filters) {
    }

    private record Counts(long total, Map<String, List<FacetValue>> facets) {
    }

    /** A search without words in one order: its first hits depend on nothing else but the index reader. */
    private record BrowsePage(BrowseKey key, SearchRequest.Order order) {
    }

    /** Hits of a search without words kept per index reader ({@link BrowseMemo}): the first ten pages. */
    private static final int KEPT_BROWSE_HITS = 100;

    /**
     * The best {@code wanted} hits of a search without words, sorted, with their scores: the first
     * {@value #KEPT_BROWSE_HITS} are found once per index reader and kept beside the counts, as a
     * visitor's home page and its first pages of browsing are the same for everyone until the next
     * upload, and sorting every visible entry was most of such a search at 1M (fix 37).
     */
    private ScoreDoc[] browsePage(IndexSearcher searcher, BrowsePage key, Query query, Sort sort, Query ranked, int wanted) throws IOException {
        BrowseMemo kept = browseMemo(searcher);
        ScoreDoc[] page = kept.pages().get(key);
        if (page != null && (page.length >= wanted || page.length < KEPT_BROWSE_HITS)) {
            return page;
        }
        int n = Math.max(wanted, KEPT_BROWSE_HITS);
        page = searcher.search(query, new TopFieldCollectorManager(sort, n, null, n)).scoreDocs;
        TopFieldCollector.populateScores(page, searcher, ranked);
        if (n == KEPT_BROWSE_HITS) {
            kept.remember(key, page);
        }
        return page;
    }

    /**
     * Facet counts, totals and first hits of searches without words (the home page, browsing by
     * facets), for one index reader: they change only when the index does, and counting and sorting
     * every visible entry was most of such a search. A new reader after a commit starts empty, so
     * nothing kept is stale. Bounded, as the combinations of facet values are many; past the bound
     * they are found afresh.
     */
    private record BrowseMemo(IndexReader reader, Map<BrowseKey, Counts> counts, Map<BrowsePage, ScoreDoc[]> pages) {
        private static final int MAX_ENTRIES = 512;

        Counts get(BrowseKey key) {
            return counts.get(key);
        }

        void remember(BrowseKey key, Counts value) {
            if (counts.size() < MAX_ENTRIES) {
                counts.putIfAbsent(key, value);
            }
        }

        void remember(BrowsePage key, ScoreDoc[] page) {
            if (pages.size() < MAX_ENTRIES) {
                pages.putIfAbsent(key, page);
            }
        }
    }

    private BrowseMemo browseMemo(IndexSearcher searcher) {
        BrowseMemo current = browseMemo;
        if (current == null || current.reader() != searcher.getIndexReader()) {
            current = new BrowseMemo(searcher.getIndexReader(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
            browseMemo = current;
        }
        return current;
    }

    /** Beyond two required words, skipping in the full ranking pass saves little (BENCHMARKS, fix 19): they are ranked in a window. */
    private static final int MAX_REQUIRED_FOR_TWO_PASSES = 2;

    /** Documents beyond the page that the lemma fields' ranking hands to the full ranking. */
    static final int RANK_WINDOW = 500;

    /**
     * Matches a sample of the index must hold before the counts of a query are estimated from it
     * rather than counted: ±1–3 % on the total at 1 M documents (docs/BENCHMARKS.md, fix 25). A query
     * with fewer matches, and any query in an index of fewer than 160 000 entries, is counted exactly.
     */
    static final int ENOUGH_TO_ESTIMATE = 10_000;

    /**
     * The top hits of three or more required words, or of a phrase of common words: ranked first by
     * the lemma fields (the phrase's by its lemma pairs) alone, where Lucene can skip (the as-written fields only add to
     * a score the lemmas already earned),
     * then the best {@code wanted + RANK_WINDOW} of them ranked by the full query. Exact whenever the
     * query matches no more than the window; over a million documents the page may differ among
     * documents whose full scores differ in the third or fourth digit, at about a quarter less CPU
     * (docs/BENCHMARKS.md, fix 21).
     */
    private ScoreDoc[] rankedInWindow(IndexSearcher searcher, Query lemmas, Query matching, Role role, Query full, int wanted)
            throws IOException {
        int window = wanted + rankWindow;
        Optional<TopDocs> broad = BroadConjunctionTop.top(searcher, lemmas, lemmas, q -> keptVisible(role, q), q -> new RankBoostQuery(q, rank),
                BY_RELEVANCE, window);
        TopDocs first = broad.isPresent() ? broad.get()
                : searcher.search(new RankBoostQuery(matching, rank), new TopFieldCollectorManager(BY_RELEVANCE, window, null, window));
        return rescored(searcher, first, full, wanted);
    }

    /**
     * The top hits of a conjunction of common words without the window ({@link BroadConjunctionTop}):
     * the flat sum's scores may differ from the query's in the last bit, so its best, with a margin
     * for such near ties, are scored again by the query itself and the page is cut from those.
     */
    private Optional<ScoreDoc[]> broadTop(IndexSearcher searcher, Query userQuery, Query lemmas, SearchRequest request, Query ranked,
            int wanted) throws IOException {
        Optional<TopDocs> broad = BroadConjunctionTop.top(searcher, userQuery, lemmas,
                q -> drillDown(keptVisible(request.role(), q), request), q -> new RankBoostQuery(q, rank), BY_RELEVANCE,
                wanted + Math.max(NEAR_TIE_MARGIN, wanted / 10));
        return broad.isEmpty() ? Optional.empty() : Optional.of(rescored(searcher, broad.get(), ranked, wanted));
    }

    /**
     * The page ranked in one pass that may skip. With chosen facet values common in the index, the
     * query is ranked over the whole index and only their documents are kept ({@link ChosenOnly}):
     * the same hits and scores, as the facet filter does not score.
     */
    private ScoreDoc[] ranked(IndexSearcher searcher, Query ranked, Query visible, List<FixedBitSet> chosen, int wanted) throws IOException {
        TopFieldCollectorManager page = new TopFieldCollectorManager(BY_RELEVANCE, wanted, null, wanted);
        TopDocs top = chosen != null && ChosenOnly.pays(chosen, searcher.getIndexReader().maxDoc())
                ? searcher.search(new RankBoostQuery(visible, rank), new ChosenOnly<>(chosen, page))
                : searcher.search(ranked, page);
        return withScores(top.scoreDocs);
    }

    /** Hits beyond the page that {@link #broadTop} scores again, in case the flat sum rounded them below it. */
    private static final int NEAR_TIE_MARGIN = 10;

    /** The first pass's hits scored by {@code full}, best first (equal scores by {@link IndexFields#TIE}), the best {@code wanted}. */
    private static ScoreDoc[] rescored(IndexSearcher searcher, TopDocs first, Query full, int wanted) throws IOException {
        ScoreDoc[] rescored = new QueryRescorer(full) {
            @Override
            protected float combine(float firstPassScore, boolean secondPassMatches, float secondPassScore) {
                return secondPassMatches ? secondPassScore : 0f;
            }
        }.rescore(searcher, first, first.scoreDocs.length).scoreDocs;
        // The rescorer orders equal scores by internal doc id; its hits are the first pass's, which carry their tie value.
        java.util.Arrays.sort(rescored, java.util.Comparator.comparingDouble((ScoreDoc hit) -> hit.score).reversed()
                .thenComparing(hit -> (Long) ((FieldDoc) hit).fields[1], java.util.Comparator.reverseOrder()));
        return java.util.Arrays.copyOf(rescored, Math.min(wanted, rescored.length));
    }

    /** Hits sorted by {@link #BY_RELEVANCE} carry their score as the first sort value; the hit's own score is left unset. */
    private static ScoreDoc[] withScores(ScoreDoc[] hits) {
        for (ScoreDoc hit : hits) {
            hit.score = (Float) ((FieldDoc) hit).fields[0];
        }
        return hits;
    }

    /**
     * Three or more required words, or a phrase of common words: ranked in a window. Such a phrase's
     * lemma part is found by the lemma pairs, where Lucene skips; its as-written part needs the
     * positions of every word, so it is left to the window (docs/BENCHMARKS.md, fix 33).
     */
    private static boolean rankInWindow(Query userQuery) {
        return requiredClauses(userQuery) > MAX_REQUIRED_FOR_TWO_PASSES || QueryFields.of(userQuery).contains(IndexFields.TEXT_PAIRS);
    }

    /** Required clauses of the query: a word, a phrase or a disjunction is one. */
    private static int requiredClauses(Query query) {
        if (query instanceof BooleanQuery bool) {
            long required = bool.clauses().stream().filter(c -> c.occur() == BooleanClause.Occur.MUST).count();
            return (int) Math.max(1, required);
        }
        return 1;
    }

    /** The query narrowed to the chosen facet values (OR within a facet, AND across facets). */
    private DrillDownQuery drillDown(Query query, SearchRequest request) {
        DrillDownQuery drill = new DrillDownQuery(index.mapper().facetsConfig(), query);
        request.filters().forEach((dim, values) -> values.forEach(v -> drill.add(dim, path(dim, v))));
        return drill;
    }

    /**
     * The whole stored text of one document, HTML-escaped, with every form of the query's words
     * marked; empty when the query is blank, unparsable or matches nothing in the text.
     */
    public Optional<String> markedText(long id, String query, Role role) {
        if (query == null || query.isBlank()) {
            return Optional.empty();
        }
        Query parsed;
        try {
            parsed = queries.buildForMarking(query);
        } catch (InvalidQueryException e) {
            return Optional.empty();
        }
        return index.withSearcher(searcher -> {
            TopDocs self = searcher.search(keptVisible(role, new TermQuery(new Term(IndexFields.ID, Long.toString(id)))), 1);
            if (self.scoreDocs.length == 0) {
                return Optional.<String>empty();
            }
            UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, index.analyzer())
                    .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "", true))
                    .withMaxLength(Integer.MAX_VALUE - 1)
                    .withMaxNoHighlightPassages(0)
                    .withBreakIterator(WholeBreakIterator::new)
                    .withMaskedFieldsFunc(field -> IndexFields.TEXT.equals(field) ? Set.of(IndexFields.TEXT_LEMMA) : Set.of())
                    .build();
            String[] marked = highlighter.highlight(IndexFields.TEXT, parsed, self, 1);
            return Optional.ofNullable(marked[0]).filter(t -> t.contains("<mark>"));
        });
    }

    /** How many archive documents (not registry records) the role may see. */
    public long countDocuments(Role role) {
        DrillDownQuery documents = new DrillDownQuery(index.mapper().facetsConfig(),
                keptVisible(role, new MatchAllDocsQuery()));
        documents.add(FacetDims.REGISTRY, DocumentMapper.DOCUMENTS);
        return index.withSearcher(searcher -> (long) searcher.count(documents));
    }

    /** Documents (never registry records) most like this one by their words, those the role may see, without copies of the same text. */
    public List<SearchHit> similar(long id, int limit, Role role) {
        return index.withSearcher(searcher -> {
            TopDocs self = searcher.search(new TermQuery(new Term(IndexFields.ID, Long.toString(id))), 1);
            if (self.scoreDocs.length == 0) {
                return List.of();
            }
            Document source = searcher.storedFields().document(self.scoreDocs[0].doc);
            MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
            mlt.setAnalyzer(analyzers.lemma());
            mlt.setFieldNames(new String[] {IndexFields.TEXT_LEMMA});
            mlt.setMinTermFreq(2);
            mlt.setMinDocFreq(1);
            mlt.setMaxQueryTerms(40);
            Query like = mlt.like(IndexFields.TEXT_LEMMA, new StringReader(source.get(IndexFields.TEXT)));
            // Registry records share the index and their words; a card links documents only.
            DrillDownQuery documents = new DrillDownQuery(index.mapper().facetsConfig(), keptVisible(role, like));
            documents.add(FacetDims.REGISTRY, DocumentMapper.DOCUMENTS);
            BooleanQuery query = new BooleanQuery.Builder()
                    .add(documents, BooleanClause.Occur.MUST)
                    .add(new TermQuery(new Term(IndexFields.ID, Long.toString(id))), BooleanClause.Occur.MUST_NOT)
                    .add(new TermQuery(new Term(IndexFields.TEXT_SHA, source.get(IndexFields.TEXT_SHA))), BooleanClause.Occur.MUST_NOT)
                    .build();
            TopDocs top = searcher.search(query, limit);
            return hits(searcher, like, top.scoreDocs, true);
        });
    }

    /** Lucene's drill-sideways search, with the matches gathered in bit sets and counted from the ordinals held on the heap. */
    private DrillSideways drillSideways(IndexSearcher searcher, SortedSetDocValuesReaderState state) {
        return new DrillSideways(searcher, index.mapper().facetsConfig(), state) {
            @Override
            protected org.apache.lucene.facet.FacetsCollectorManager createDrillDownFacetsCollectorManager() {
                return new BitSetFacetsCollector.Manager();
            }

            @Override
            protected org.apache.lucene.facet.FacetsCollectorManager createDrillSidewaysFacetsCollectorManager() {
                return new BitSetFacetsCollector.Manager();
            }

            @Override
            protected Facets buildFacetsResult(FacetsCollector drillDowns, FacetsCollector[] drillSideways, String[] dims)
                    throws IOException {
                Facets drillDown = new HeapFacetCounts(state, facetOrdinals, drillDowns);
                if (drillSideways == null || drillSideways.length == 0) {
                    return drillDown;
                }
                Map<String, Facets> sideways = new HashMap<>();
                for (int i = 0; i < drillSideways.length; i++) {
                    sideways.put(dims[i], new HeapFacetCounts(state, facetOrdinals, drillSideways[i]));
                }
                return new org.apache.lucene.facet.MultiFacets(sideways, drillDown);
            }
        };
    }

    private synchronized SortedSetDocValuesReaderState facetState(IndexSearcher searcher) throws IOException {
        // Building the state walks every facet value; it is kept until the index changes.
        if (facetReader != searcher.getIndexReader()) {
            facetState = new DefaultSortedSetDocValuesReaderState(searcher.getIndexReader(), index.mapper().facetsConfig());
            facetReader = searcher.getIndexReader();
        }
        return facetState;
    }

    private static String[] path(String dim, String value) {
        return FacetDims.TERRITORY.equals(dim) ? value.split(java.util.regex.Pattern.quote(FacetDims.PATH_SEPARATOR)) : new String[] {value};
    }

    /** Counts over every match. */
    private static final SampledMatches.Result EXACT = new SampledMatches.Result(null, 0, 1.0);

    /**
     * The total and facet counts of a search, however they were counted; {@code sample} turns counts
     * over a sample into estimates. {@code chosen}: the documents with the chosen facet values, by
     * segment; null when none were chosen or they were not gathered.
     */
    private record Counted(long total, Facets facets, SampledMatches.Result sample, List<FixedBitSet> chosen) {
        static Counted of(DrillSideways.DrillSidewaysResult result) {
            long total = 0;
            for (FacetsCollector.MatchingDocs docs : result.drillDownFacetsCollector.getMatchingDocs()) {
                total += docs.totalHits();
            }
            return new Counted(total, result.facets, EXACT, null);
        }
    }

    /** The chosen values' paths by dimension. */
    private static Map<String, List<String[]>> chosenPaths(SearchRequest request) {
        Map<String, List<String[]>> paths = new LinkedHashMap<>();
        request.filters().forEach((dim, values) -> paths.put(dim, values.stream().map(v -> path(dim, v)).toList()));
        return paths;
    }

    private static Set<String> indexedDims(SortedSetDocValuesReaderState state) {
        Set<String> dims = new java.util.HashSet<>();
        state.getDims().forEach(dims::add);
        return dims;
    }

    private static Map<String, List<FacetValue>> facets(Facets facets, Set<String> indexed, SampledMatches.Result sample) throws IOException {
        Map<String, List<FacetValue>> out = new LinkedHashMap<>();
        for (String dim : FacetDims.ALL) {
            List<FacetValue> values = new ArrayList<>();
            // Lucene refuses to count a dimension no document has yet; it is simply empty here.
            FacetResult top = indexed.contains(dim) ? facets.getTopChildren(FACET_VALUES, dim) : null;
            if (top != null) {
                for (LabelAndValue lv : top.labelValues) {
                    values.add(new FacetValue(lv.label, sample.scaled(lv.value.longValue())));
                    if (FacetDims.TERRITORY.equals(dim)) {
                        FacetResult children = facets.getTopChildren(FACET_VALUES, dim, lv.label);
                        if (children != null) {
                            for (LabelAndValue child : children.labelValues) {
                                values.add(new FacetValue(lv.label + FacetDims.PATH_SEPARATOR + child.label,
                                        sample.scaled(child.value.longValue())));
                            }
                        }
                    }
                }
            }
            out.put(dim, values);
        }
        return out;
    }

    private List<SearchHit> hits(IndexSearcher searcher, Query query, ScoreDoc[] page, boolean noHighlight) throws IOException {
        String[] snippets = snippets(searcher, query, page, noHighlight);
        List<SearchHit> hits = new ArrayList<>(page.length);
        org.apache.lucene.index.StoredFields stored = searcher.storedFields();
        for (int i = 0; i < page.length; i++) {
            Document doc = stored.document(page[i].doc, HIT_FIELDS);
            String date = doc.get(IndexFields.DATE);
            float score = Float.isNaN(page[i].score) ? 0f : page[i].score;
            hits.add(new SearchHit(doc.get(IndexFields.ID), doc.get(IndexFields.REGISTRY), doc.get(IndexFields.TITLE), doc.get(IndexFields.KIND),
                    doc.get(IndexFields.ISSUER), date == null ? null : LocalDate.parse(date), doc.get(IndexFields.NUMBER),
                    doc.get(IndexFields.STATUS), doc.get(IndexFields.SOURCE_NAME), score,
                    snippets[i] == null ? "" : snippets[i]));
        }
        return hits;
    }

    private String[] snippets(IndexSearcher searcher, Query query, ScoreDoc[] page, boolean noHighlight) throws IOException {
        if (page.length == 0) {
            return new String[0];
        }
        Query forHighlight = noHighlight ? new org.apache.lucene.search.MatchNoDocsQuery() : SnippetQuery.of(query);
        TopDocs docs = new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page);
        return snippetHighlighter(searcher).highlight(IndexFields.TEXT, forHighlight, docs, SNIPPET_PASSAGES);
    }

    /**
     * One highlighter per index reader: it is thread-safe, and building one per search merged the
     * field infos of every segment each time.
     */
    private UnifiedHighlighter snippetHighlighter(IndexSearcher searcher) {
        Highlighter current = highlighter;
        if (current == null || current.searcher() != searcher) {
            current = new Highlighter(searcher, UnifiedHighlighter.builder(searcher, index.analyzer())
                    .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                    .withMaxLength(500_000)
                    .withMaxNoHighlightPassages(1)
                    // Passages of about two lines: a sentence of a regulation can run for half a page.
                    .withBreakIterator(() -> org.apache.lucene.search.uhighlight.LengthGoalBreakIterator.createClosestToLength(
                            new SentenceLineBreakIterator(), 180, 0.5f))
                    // Lemma matches are drawn on the stored text: «самообследованию» lights up «самообследования».
                    .withMaskedFieldsFunc(field -> IndexFields.TEXT.equals(field) ? Set.of(IndexFields.TEXT_LEMMA) : Set.of())
                    .build());
            highlighter = current;
        }
        return current.snippets();
    }

    private record Highlighter(IndexSearcher searcher, UnifiedHighlighter snippets) {
    }

    /**
     * {@code query} kept to what the role may see: the same hits and scores as a filter clause on
     * the role's audiences, but held as bits beside the deleted documents, so Lucene's ranking of
     * the top hits skips as it does without a filter, and counting and sorted pages test a bit
     * instead of stepping a filter ({@link HeapTermFilterQuery}; docs/BENCHMARKS.md, fix 36).
     */
    private Query keptVisible(Role role, Query query) {
        return new HeapTermFilterQuery(query, access, AUDIENCE_TERMS.get(role));
    }

    /** Each role's audiences as index terms, made once rather than for every query. */
    private static final Map<Role, Set<org.apache.lucene.util.BytesRef>> AUDIENCE_TERMS = audienceTerms();

    private static Map<Role, Set<org.apache.lucene.util.BytesRef>> audienceTerms() {
        Map<Role, Set<org.apache.lucene.util.BytesRef>> terms = new java.util.EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            terms.put(role, role.audiences().stream().map(a -> new org.apache.lucene.util.BytesRef(a.term()))
                    .collect(java.util.stream.Collectors.toUnmodifiableSet()));
        }
        return java.util.Collections.unmodifiableMap(terms);
    }

    private static SortField sortField() {
        SortField field = new SortField(IndexFields.DATE_SORT, SortField.Type.LONG, true);
        field.setMissingValue(Long.MIN_VALUE);
        return field;
    }

    private static ScoreDoc[] slice(ScoreDoc[] all, int offset, int limit) {
        if (offset >= all.length) {
            return new ScoreDoc[0];
        }
        int end = Math.min(all.length, offset + limit);
        ScoreDoc[] page = new ScoreDoc[end - offset];
        System.arraycopy(all, offset, page, 0, page.length);
        return page;
    }
}
