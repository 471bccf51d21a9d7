package ru.soko.search;

/** One value of a facet with the number of hits that carry it. */
public record FacetValue(String value, long count) {
}
