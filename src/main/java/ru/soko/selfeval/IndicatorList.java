package ru.soko.selfeval;

import java.util.List;

/**
 * One list of the act: the indicators of a general school, a kindergarten, a college or an
 * additional-education organisation, in the order the act prints them.
 *
 * @param list       school, kindergarten, college or additional
 * @param title      the table title the act gives the list
 * @param titleWords lower-case word stems that, found in a report's table title, name this list
 * @param indicators the indicators in the act's order
 */
public record IndicatorList(String list, String title, List<String> titleWords, List<IndicatorDefinition> indicators) {

    public IndicatorList {
        titleWords = titleWords == null ? List.of() : List.copyOf(titleWords);
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }

    IndicatorDefinition byCode(String code) {
        for (IndicatorDefinition d : indicators) {
            if (d.code().equals(code)) {
                return d;
            }
        }
        return null;
    }
}
