package ru.soko.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import ru.soko.access.Role;

/**
 * A very broad query is counted over a sample of the index. On the sample archive, with a sample of
 * three matches counting as enough, that happens for most queries; the page, ranked or sorted by
 * date, must stay exactly the one of the full search, and the estimated facets may only hold values
 * the role's full search shows.
 */
class EstimatedCountsTest {

    @Test
    void aBroadQueryGetsEstimatedCountsButTheSamePageAndNoValueTheRoleCannotSee() throws Exception {
        List<String> texts = SampleSearch.queries("приказ", "");
        SearchVocabulary vocabulary = SearchVocabulary.load(Optional.empty());
        Analyzers analyzers = new Analyzers(vocabulary);
        int estimated = 0;
        int estimatedWithChosen = 0;
        int estimatedByDate = 0;
        int exactOnly = 0;
        try (SearchIndex index = SampleSearch.index(analyzers, new DocumentMapper(vocabulary, analyzers))) {
            SearchService full = new SearchService(index, analyzers, vocabulary);
            SearchService sampling = new SearchService(index, analyzers, vocabulary, SearchService.RANK_WINDOW, 3);
            for (Role role : List.of(Role.PUBLIC, Role.ADMIN)) {
                for (String text : texts) {
                  for (Map<String, List<String>> filters : FILTERS) {
                   for (SearchRequest.Order order : SearchRequest.Order.values()) {
                    SearchRequest request = new SearchRequest(text, 0, 10, filters, order, role);
                    SearchResult exact = full.search(request);
                    SearchResult actual = sampling.search(request);
                    String what = role + " «" + text + "» " + filters + " " + order;
                    assertFalse(exact.approximate(), what);
                    assertEquals(ids(exact), ids(actual), what);
                    assertEquals(exact.hits().stream().map(SearchHit::score).toList(), actual.hits().stream().map(SearchHit::score).toList(), what);
                    if (actual.approximate()) {
                        estimated++;
                        estimatedWithChosen += filters.isEmpty() ? 0 : 1;
                        estimatedByDate += order == SearchRequest.Order.DATE ? 1 : 0;
                        assertTrue(actual.total() > 0 && exact.total() >= 3, what + ": only a query with enough matches is estimated");
                        actual.facets().forEach((dim, values) -> {
                            assertTrue(labels(exact.facets().get(dim)).containsAll(labels(values)), what + " " + dim + ": " + values);
                            values.forEach(v -> assertTrue(v.count() > 0, what + " " + dim + " " + v));
                        });
                    } else {
                        exactOnly += exact.total() > 0 ? 1 : 0;
                        assertEquals(exact.total(), actual.total(), what);
                        assertEquals(exact.facets(), actual.facets(), what);
                    }
                   }
                  }
                }
            }
        }
        assertTrue(estimated > 10, "broad queries must be estimated, were " + estimated);
        assertTrue(estimatedWithChosen > 0, "a broad drill-down must be estimated too");
        assertTrue(estimatedByDate > 0, "a page sorted by date is counted the same way");
        assertTrue(exactOnly > 0, "a query with few matches must still be counted exactly");
    }

    /** None chosen, and chosen values: their drill-down must hold enough documents of a sample to be estimated. */
    private static final List<Map<String, List<String>>> FILTERS = List.of(Map.of(),
            Map.of(FacetDims.REGISTRY, List.of(DocumentMapper.DOCUMENTS)),
            Map.of(FacetDims.KIND, List.of("приказ"), FacetDims.REGISTRY, List.of(DocumentMapper.DOCUMENTS)));

    private static List<String> ids(SearchResult result) {
        return result.hits().stream().map(SearchHit::id).toList();
    }

    private static Set<String> labels(List<FacetValue> values) {
        return values == null ? Set.of() : values.stream().map(FacetValue::value).collect(Collectors.toSet());
    }
}
