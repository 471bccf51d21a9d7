package ru.soko.web;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import ru.soko.search.InvalidQueryException;

/** Reading request parameters strictly: a wrong value is a 400 with a Russian message, never a 500. */
final class WebParams {

    private WebParams() {
    }

    static int integer(Context ctx, String name, int fallback) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidQueryException("параметр " + name + " должен быть целым числом");
        }
    }

    static LocalDate date(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        return ru.soko.requisites.RussianDates.parseWhole(value.strip())
                .orElseThrow(() -> new InvalidQueryException("параметр " + name + ": не дата (ГГГГ-ММ-ДД или ДД.ММ.ГГГГ)"));
    }

    /** A document id from a path; anything that is not one is simply no document. */
    static Optional<Long> id(String value) {
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
