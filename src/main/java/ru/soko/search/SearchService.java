package ru.soko.search;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.TotalHitCountCollectorManager;

/** Runs a user's query against the index and shapes the answer. */
public final class SearchService {

    private static final int SNIPPET_PASSAGES = 2;
    private static final int MAX_QUERY_LENGTH = 1000;
    private static final int FALLBACK_SNIPPET_CHARS = 240;

    private final SearchIndex index;

    public SearchService(SearchIndex index) {
        this.index = index;
    }

    public SearchResult search(SearchRequest request) {
        Query userQuery = parse(request.query());
        Query query = publicOnly(userQuery);
        return index.withSearcher(searcher -> {
            int wanted = request.offset() + request.limit();
            TopDocs top = request.query().isEmpty()
                    ? searcher.search(query, wanted, new Sort(new SortField(IndexFields.ORDER, SortField.Type.LONG, true)))
                    : searcher.search(query, wanted);
            long total = searcher.search(query, new TotalHitCountCollectorManager(searcher.getSlices()));
            ScoreDoc[] page = slice(top.scoreDocs, request.offset(), request.limit());
            String[] snippets = snippets(searcher, userQuery, page, request.query().isEmpty());
            List<SearchHit> hits = new ArrayList<>(page.length);
            for (int i = 0; i < page.length; i++) {
                Document doc = searcher.storedFields().document(page[i].doc);
                String snippet = snippets[i] != null ? snippets[i] : leadingText(doc.get(IndexFields.TEXT));
                String date = doc.get(IndexFields.DATE);
                hits.add(new SearchHit(doc.get(IndexFields.ID), doc.get(IndexFields.TITLE), doc.get(IndexFields.KIND),
                        doc.get(IndexFields.ISSUER), date == null ? null : LocalDate.parse(date),
                        doc.get(IndexFields.NUMBER), doc.get(IndexFields.STATUS),
                        doc.get(IndexFields.SOURCE_NAME), Float.isNaN(page[i].score) ? 0f : page[i].score, snippet));
            }
            return new SearchResult(total, hits, Map.of());
        });
    }

    Query parse(String text) {
        if (text.isEmpty()) {
            return new MatchAllDocsQuery();
        }
        if (text.length() > MAX_QUERY_LENGTH) {
            throw new InvalidQueryException("запрос слишком длинный: не больше " + MAX_QUERY_LENGTH + " символов");
        }
        MultiFieldQueryParser parser = new MultiFieldQueryParser(
                new String[] {IndexFields.TITLE, IndexFields.TEXT}, index.analyzer(),
                Map.of(IndexFields.TITLE, 3f, IndexFields.TEXT, 1f));
        parser.setDefaultOperator(QueryParser.Operator.AND);
        try {
            return parser.parse(text);
        } catch (ParseException | RuntimeException e) {
            // A stray quote or bracket should not cost the user their search: retry with the text taken literally.
            try {
                return parser.parse(QueryParser.escape(text));
            } catch (ParseException | RuntimeException again) {
                throw new InvalidQueryException("не удалось разобрать запрос «" + text + "»: проверьте кавычки и скобки");
            }
        }
    }

    private static Query publicOnly(Query query) {
        return new BooleanQuery.Builder()
                .add(query, BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(IndexFields.VISIBILITY, "public")), BooleanClause.Occur.FILTER)
                .build();
    }

    private String[] snippets(IndexSearcher searcher, Query query, ScoreDoc[] page, boolean emptyQuery)
            throws IOException {
        if (emptyQuery || page.length == 0) {
            return new String[page.length];
        }
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, index.analyzer())
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxLength(500_000)
                .build();
        TopDocs pageDocs = new TopDocs(new org.apache.lucene.search.TotalHits(page.length,
                org.apache.lucene.search.TotalHits.Relation.EQUAL_TO), page);
        return highlighter.highlight(IndexFields.TEXT, query, pageDocs, SNIPPET_PASSAGES);
    }

    private static String leadingText(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        String cut = flat.length() > FALLBACK_SNIPPET_CHARS ? flat.substring(0, FALLBACK_SNIPPET_CHARS) + "…" : flat;
        return HtmlEscape.text(cut);
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
