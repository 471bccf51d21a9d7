package ru.soko.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import ru.soko.search.SearchRequest;

/**
 * One query of the mix, of a named class (one word, several words, phrase, requisites, with facets,
 * browsing, deep page, by date). Every answer carries highlighted snippets and facet counts, as the
 * search page and the API always return them.
 */
record BenchQuery(String kind, String query, Map<String, List<String>> filters, int offset, SearchRequest.Order order) {

    static final int PAGE = 10;

    SearchRequest request() {
        return new SearchRequest(query, offset, PAGE, filters, order);
    }

    /** The same request as {@code GET /api/search}. */
    String apiPath() {
        StringBuilder s = new StringBuilder("/api/search?q=").append(enc(query)).append("&limit=").append(PAGE)
                .append("&offset=").append(offset);
        if (order == SearchRequest.Order.DATE) {
            s.append("&sort=date");
        }
        filters.forEach((dim, values) -> values.forEach(v -> s.append("&facet=").append(enc(dim + ":" + v))));
        return s.toString();
    }

    private static String enc(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }

    private static BenchQuery q(String kind, String query) {
        return new BenchQuery(kind, query, Map.of(), 0, SearchRequest.Order.RELEVANCE);
    }

    private static BenchQuery f(String kind, String query, String dim, String value) {
        return new BenchQuery(kind, query, Map.of(dim, List.of(value)), 0, SearchRequest.Order.RELEVANCE);
    }

    /** The mix: what experts and the public type, per the archive's users (docs/SEARCH.md, DOMAIN). */
    static List<BenchQuery> mix() {
        return List.of(
                q("word", "самообследование"), q("word", "мониторинга"), q("word", "объективности"),
                q("word", "наблюдателей"), q("word", "олимпиады"), q("word", "ВПР"), q("word", "наставничество"),
                q("word", "Старомайнский"),
                q("words", "оценка качества образования"), q("words", "повышение квалификации педагогов"),
                q("words", "результаты ВПР по математике"), q("words", "школы с низкими образовательными результатами"),
                q("words", "положение о муниципальной системе оценки"), q("words", "экспертиза сайта школы"),
                q("phrase", "\"функциональной грамотности\""), q("phrase", "\"независимых наблюдателей\""),
                q("phrase", "\"оценки качества образования\""), q("phrase", "\"показатели деятельности\" самообследованию"),
                q("requisite", "№ 273-ФЗ"), q("requisite", "приказ 1324"), q("requisite", "от 14.06.2013 № 462"),
                q("requisite", "приказ 125"), q("requisite", "590/219"),
                f("facet", "мониторинг", "kind", "приказ"), f("facet", "оценка качества образования", "year", "2023"),
                f("facet", "самообследования", "territory", "Кемеровская область – Кузбасс"),
                f("facet", "олимпиады", "level", "муниципальный"), f("facet", "ВПР", "kind", "аналитическая справка"),
                f("browse", "", "kind", "экспертное заключение"), q("browse", ""),
                new BenchQuery("deep", "образовательных организаций", Map.of(), 500, SearchRequest.Order.RELEVANCE),
                new BenchQuery("deep", "мониторинг", Map.of(), 2000, SearchRequest.Order.RELEVANCE),
                new BenchQuery("date", "аттестации педагогических работников", Map.of(), 0, SearchRequest.Order.DATE),
                new BenchQuery("date", "приказ", Map.of("year", List.of("2024")), 0, SearchRequest.Order.DATE));
    }
}
