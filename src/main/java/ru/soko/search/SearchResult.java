package ru.soko.search;

import java.util.List;
import java.util.Map;

/**
 * The answer to a query: {@code {"total", "approximate", "hits", "facets"}} in JSON. With
 * {@code approximate}, the total and the facet counts are estimates from a sample of a very broad
 * query's matches; the hits are always those of the full search.
 */
public record SearchResult(long total, boolean approximate, List<SearchHit> hits, Map<String, List<FacetValue>> facets) {
}
