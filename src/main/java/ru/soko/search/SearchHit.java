package ru.soko.search;

import java.time.LocalDate;

/** One result as the CLI, the API and the pages show it. Field names are part of the JSON contract. */
public record SearchHit(
        String id,
        String title,
        String kind,
        String issuer,
        LocalDate date,
        String number,
        String status,
        String sourceName,
        float score,
        String snippet) {

    /** For the result list: acts no longer in force are marked. */
    public boolean repealed() {
        return "утратил силу".equals(status);
    }
}
