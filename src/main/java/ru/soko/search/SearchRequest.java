package ru.soko.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.soko.access.Role;

/**
 * A query as a user typed it, with the chosen facet values (several values of one facet combine
 * with OR, different facets with AND), the order, the page, and the role of the person asking, which
 * decides what may be found.
 */
public record SearchRequest(String query, int offset, int limit, Map<String, List<String>> filters, Order order, Role role) {

    public static final int MAX_LIMIT = 100;
    public static final int MAX_OFFSET = 10_000;

    public enum Order { RELEVANCE, DATE }

    public SearchRequest {
        query = query == null ? "" : query.strip();
        if (offset < 0 || offset > MAX_OFFSET) {
            throw new InvalidQueryException("смещение должно быть от 0 до " + MAX_OFFSET);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidQueryException("число результатов должно быть от 1 до " + MAX_LIMIT);
        }
        filters = filters == null ? Map.of() : copy(filters);
        for (String dim : filters.keySet()) {
            if (!FacetDims.ALL.contains(dim)) {
                throw new InvalidQueryException("неизвестный фильтр «" + dim + "»: можно " + String.join(", ", FacetDims.ALL));
            }
        }
        order = order == null ? Order.RELEVANCE : order;
        role = role == null ? Role.PUBLIC : role;
    }

    /** A search as the public sees it. */
    public SearchRequest(String query, int offset, int limit, Map<String, List<String>> filters, Order order) {
        this(query, offset, limit, filters, order, Role.PUBLIC);
    }

    public SearchRequest(String query, int offset, int limit) {
        this(query, offset, limit, Map.of(), Order.RELEVANCE);
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> filters) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        filters.forEach((k, v) -> {
            if (v != null && !v.isEmpty()) {
                copy.put(k, List.copyOf(v));
            }
        });
        return Map.copyOf(copy);
    }
}
