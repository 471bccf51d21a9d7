package ru.soko.catalog;

import java.util.List;
import java.util.Map;
import ru.soko.requisites.ExtractedRequisites;

/** What ingest hands the catalogue for one new original. {@code title} is the provisional title. */
public record NewDocument(
        String sha256,
        String sourceName,
        String sourcePath,
        String mediaType,
        String format,
        long sizeBytes,
        String title,
        String text,
        boolean textTruncated,
        TextSource textSource,
        boolean needsOcr,
        Map<String, String> metadata,
        List<String> warnings,
        ExtractedRequisites requisites) {
}
