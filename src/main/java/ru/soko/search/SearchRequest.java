package ru.soko.search;

/** A query as a user typed it, with paging. */
public record SearchRequest(String query, int offset, int limit) {

    public static final int MAX_LIMIT = 100;

    public SearchRequest {
        query = query == null ? "" : query.strip();
        if (offset < 0) {
            throw new InvalidQueryException("смещение не может быть отрицательным");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidQueryException("число результатов должно быть от 1 до " + MAX_LIMIT);
        }
    }
}
