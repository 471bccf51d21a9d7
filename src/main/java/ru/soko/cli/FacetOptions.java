package ru.soko.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads repeated {@code --facet name=value} options into the filters of a search. */
final class FacetOptions {

    private FacetOptions() {
    }

    static Map<String, List<String>> parse(List<String> options) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (String option : options) {
            int eq = option.indexOf('=');
            if (eq <= 0 || eq == option.length() - 1) {
                throw new IllegalArgumentException("--facet ждёт имя=значение, например kind=приказ, а не «" + option + "»");
            }
            filters.computeIfAbsent(option.substring(0, eq).strip(), k -> new ArrayList<>()).add(option.substring(eq + 1).strip());
        }
        return filters;
    }
}
