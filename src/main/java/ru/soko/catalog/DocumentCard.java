package ru.soko.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A document's card as {@code show --json} and the API give it (the text itself is left out). */
public record DocumentCard(
        long id,
        String title,
        String kind,
        String issuer,
        LocalDate date,
        String number,
        String sourceName,
        String sourcePath,
        String mediaType,
        String format,
        long sizeBytes,
        String sha256,
        int textLength,
        String textSource,
        boolean textTruncated,
        boolean needsOcr,
        List<String> warnings,
        String visibility,
        Instant ingestedAt,
        Map<String, String> metadata) {

    public static DocumentCard of(DocumentRecord r) {
        return new DocumentCard(r.id(), r.title(), null, null, null, null, r.sourceName(), r.sourcePath(),
                r.mediaType(), r.format(), r.sizeBytes(), r.sha256(), r.text().length(), r.textSource().dbValue(),
                r.textTruncated(), r.needsOcr(), r.warnings(), r.visibility(), r.ingestedAt(), r.metadata());
    }
}
