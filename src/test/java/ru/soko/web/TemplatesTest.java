package ru.soko.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
