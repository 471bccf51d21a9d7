package ru.soko.search;

import java.time.LocalDate;

/**
 * One result as the CLI, the API and the pages show it: a document ({@code registry} null, {@code id}
 * its number) or a registry record ({@code registry} its registry, {@code id} «registry/number»).
 * Field names are part of the JSON contract.
 */
public record SearchHit(
        String id,
        String registry,
        String title,
        String kind,
        String issuer,
        LocalDate date,
        String number,
        String status,
        String sourceName,
        float score,
        String snippet) {

    /** For pages: «24.07.2020», as acts are dated in Russian; JSON keeps ISO dates. */
    public String dateText() {
        return ru.soko.requisites.RussianDates.format(date);
    }

    /** For the result list: acts no longer in force are marked. */
    public boolean repealed() {
        return ru.soko.catalog.DocumentRecord.REPEALED.equals(status);
    }
}
