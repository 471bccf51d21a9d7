package ru.soko.search;

import java.util.List;
import java.util.Map;

/** The answer to a query: {@code {"total", "hits", "facets"}} in JSON. */
public record SearchResult(long total, List<SearchHit> hits, Map<String, List<FacetValue>> facets) {
}
