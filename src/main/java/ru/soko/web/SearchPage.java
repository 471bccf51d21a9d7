package ru.soko.web;

import java.util.List;
import ru.soko.search.SearchHit;
import ru.soko.search.SearchResult;

/** What the search page template shows. */
record SearchPage(String query, long total, List<SearchHit> hits, boolean emptyQuery, String error,
                  Integer previousPage, Integer nextPage, int page, long documents) {

    static SearchPage of(String query, SearchResult result, int page, int pageSize, long documents) {
        boolean hasNext = (long) page * pageSize < result.total();
        return new SearchPage(query, result.total(), result.hits(), query.isBlank(), null,
                page > 1 ? page - 1 : null, hasNext ? page + 1 : null, page, documents);
    }

    static SearchPage failed(String query, String error, long documents) {
        return new SearchPage(query, 0, List.of(), false, error, null, null, 1, documents);
    }

    public boolean hasHits() {
        return !hits.isEmpty();
    }
}
