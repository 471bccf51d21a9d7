package ru.soko.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.soko.search.FacetValue;
import ru.soko.search.SearchResult;

class TemplatesTest {

    @TempDir
    Path dir;

    @Test
    void aSectionOverAListsSizeShowsOnlyWhenTheListHasItems() throws Exception {
        Files.writeString(dir.resolve("t.mustache"),
                "{{#items.size}}<ul>{{#items}}<li>{{.}}</li>{{/items}}</ul>{{/items.size}}{{^items.size}}нет{{/items.size}}");
        Templates templates = new Templates(Optional.of(dir));
        assertEquals("нет", templates.render("t", Map.of("items", List.of())));
        assertEquals("<ul><li>а</li></ul>", templates.render("t", Map.of("items", List.of("а"))));
    }

    @Test
    void theShippedAdminReviewPageShowsNoEmptyWarningList() {
        String page = new Templates(Optional.empty()).render("admin-document", Map.of("warnings", List.of(),
                "doc", Map.of("id", 1, "title", "Приказ"), "fields", List.of(), "kinds", List.of(), "audit", List.of()));
        assertEquals(-1, page.indexOf("<ul class=\"error\">"), "no empty warning list");
    }

    @Test
    void theSearchPageMarksEstimatedCountsAsEstimates() {
        SearchResult estimated = new SearchResult(467_564, true, List.of(), Map.of(
                "kind", List.of(new FacetValue("приказ", 12_345)),
                "registry", List.of(new FacetValue(ru.soko.search.DocumentMapper.DOCUMENTS, 400_100), new FacetValue("achievements", 67_464))));
        String page = render(SearchPage.of("школа", estimated, 1, 10, 1_000_000, Map.of(), false, Map.of()));
        assertTrue(page.contains("Найдено: около 470\u00a0000"), page);
        assertTrue(page.contains("(оценка)"), page);
        assertTrue(page.contains("приказ <span class=\"count\">≈\u00a012\u00a0000</span>"), page);
        assertTrue(page.contains("Документы <span class=\"count\">≈\u00a0400\u00a0000</span>"), page);

        SearchResult exact = new SearchResult(467_564, false, List.of(), Map.of("kind", List.of(new FacetValue("приказ", 12_345))));
        String plain = render(SearchPage.of("школа", exact, 1, 10, 1_000_000, Map.of(), false, Map.of()));
        assertTrue(plain.contains("Найдено: 467564"), plain);
        assertTrue(plain.contains("приказ <span class=\"count\">12345</span>"), plain);
        assertFalse(plain.contains("(оценка)"), plain);
    }

    private static String render(SearchPage page) {
        return new Templates(Optional.empty()).render("search", Map.of("page", page));
    }
}
