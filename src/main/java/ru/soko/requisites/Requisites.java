package ru.soko.requisites;

import java.time.LocalDate;
import java.util.List;

/**
 * What a document is, as read from its text: every field may be null when the text does not say it
 * (precision over guessing). {@code year} is kept even when a draft has no full date.
 */
public record Requisites(
        String kind,
        String issuer,
        List<String> coIssuers,
        LocalDate date,
        Integer year,
        String number,
        String place,
        String title,
        String signatory,
        String level,
        String region,
        String municipality,
        String organisation,
        Integer reportYear) {

    public static final Requisites EMPTY = new Requisites(null, null, List.of(), null, null, null, null, null,
            null, null, null, null, null, null);

    public Requisites {
        coIssuers = coIssuers == null ? List.of() : List.copyOf(coIssuers);
    }
}
