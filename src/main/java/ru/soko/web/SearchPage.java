package ru.soko.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ru.soko.search.ApproximateCount;
import ru.soko.search.FacetValue;
import ru.soko.search.SearchHit;
import ru.soko.search.SearchResult;

/**
 * What the search page template shows: hits, facets as checkboxes of one GET form (no script
 * needed), and the state of the search kept in every link so a result list can be shared.
 */
record SearchPage(String query, long total, boolean approximate, List<SearchHit> hits, boolean emptyQuery, String error,
                  Integer previousPage, Integer nextPage, int page, long documents, List<Facet> facets,
                  String state, boolean byDate, List<Tab> tabs) {

    private static final Map<String, String> LABELS = Map.of("registry", "Раздел", "kind", "Вид документа",
            "issuer", "Издатель", "level", "Уровень", "territory", "Территория", "year", "Год", "status", "Статус",
            "procedure", "Процедура", "format", "Формат");

    record Facet(String name, String label, List<Value> values) {
    }

    record Value(String param, String label, long count, boolean approximate, boolean checked) {
        public String countText() {
            return shown(count, approximate);
        }
    }

    /** «Всё», «Документы», «Записи реестров»: the registry facet as tabs, with its drill-sideways counts. */
    record Tab(String label, String href, long count, boolean approximate, boolean current) {
        public String countText() {
            return shown(count, approximate);
        }
    }

    /** «Найдено: около 470 000» for a very broad query, whose counts are estimated from a sample. */
    public String totalText() {
        return approximate ? "около " + ApproximateCount.of(total) : Long.toString(total);
    }

    private static String shown(long count, boolean approximate) {
        return approximate ? "≈\u00a0" + ApproximateCount.of(count) : Long.toString(count);
    }

    static SearchPage of(String query, SearchResult result, int page, int pageSize, long documents,
                         Map<String, List<String>> filters, boolean byDate, Map<String, String> registryTitles) {
        boolean hasNext = (long) page * pageSize < result.total();
        List<Facet> facets = new ArrayList<>();
        result.facets().forEach((dim, values) -> {
            if (values.isEmpty()) {
                return;
            }
            List<Value> shown = new ArrayList<>();
            for (FacetValue v : values) {
                String label = "registry".equals(dim) ? registryTitles.getOrDefault(v.value(), v.value()) : v.value();
                shown.add(new Value(dim + ":" + v.value(), label, v.count(), result.approximate(),
                        filters.getOrDefault(dim, List.of()).contains(v.value())));
            }
            facets.add(new Facet(dim, LABELS.getOrDefault(dim, dim), shown));
        });
        return new SearchPage(query, result.total(), result.approximate(), result.hits(), query.isBlank(), null,
                page > 1 ? page - 1 : null, hasNext ? page + 1 : null, page, documents, facets, state(query, filters, byDate), byDate,
                tabs(query, filters, byDate, result.facets().getOrDefault("registry", List.of()), result.approximate()));
    }

    static SearchPage failed(String query, String error, long documents) {
        return new SearchPage(query, 0, false, List.of(), false, error, null, null, 1, documents, List.of(), state(query, Map.of(), false), false,
                List.of());
    }

    private static List<Tab> tabs(String query, Map<String, List<String>> filters, boolean byDate, List<FacetValue> registryCounts,
                                  boolean approximate) {
        if (registryCounts.isEmpty()) {
            return List.of();
        }
        String docs = ru.soko.search.DocumentMapper.DOCUMENTS;
        List<String> registries = registryCounts.stream().map(FacetValue::value).filter(v -> !v.equals(docs)).toList();
        long all = registryCounts.stream().mapToLong(FacetValue::count).sum();
        long documentCount = registryCounts.stream().filter(v -> v.value().equals(docs)).mapToLong(FacetValue::count).sum();
        List<String> chosen = filters.getOrDefault("registry", List.of());
        List<Tab> tabs = new ArrayList<>();
        tabs.add(new Tab("Всё", "/?" + state(query, withRegistries(filters, List.of()), byDate), all, approximate, chosen.isEmpty()));
        tabs.add(new Tab("Документы", "/?" + state(query, withRegistries(filters, List.of(docs)), byDate), documentCount,
                approximate, chosen.equals(List.of(docs))));
        if (!registries.isEmpty()) {
            tabs.add(new Tab("Записи реестров", "/?" + state(query, withRegistries(filters, registries), byDate), all - documentCount,
                    approximate, !chosen.isEmpty() && !chosen.contains(docs) && chosen.containsAll(registries)));
        }
        return tabs;
    }

    private static Map<String, List<String>> withRegistries(Map<String, List<String>> filters, List<String> registries) {
        Map<String, List<String>> copy = new java.util.LinkedHashMap<>();
        if (!registries.isEmpty()) {
            copy.put("registry", registries);
        }
        filters.forEach((dim, values) -> {
            if (!dim.equals("registry")) {
                copy.put(dim, values);
            }
        });
        return copy;
    }

    /** The query string of this search without the page: «q=…&f=kind:приказ&sort=date». */
    private static String state(String query, Map<String, List<String>> filters, boolean byDate) {
        StringBuilder s = new StringBuilder("q=").append(URLEncoder.encode(query, StandardCharsets.UTF_8));
        filters.forEach((dim, values) -> values.forEach(v -> s.append("&f=").append(URLEncoder.encode(dim + ":" + v, StandardCharsets.UTF_8))));
        if (byDate) {
            s.append("&sort=date");
        }
        return s.toString();
    }

    /** «q=…» for links to a card, so the card lights up the words searched for; empty without a query. */
    public String highlightParam() {
        return query.isBlank() ? "" : "q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    public boolean hasHits() {
        return !hits.isEmpty();
    }
}
