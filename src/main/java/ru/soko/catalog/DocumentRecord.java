package ru.soko.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One catalogued document as stored in {@code archive.db}. */
public record DocumentRecord(
        long id,
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
        String visibility,
        Instant ingestedAt) {
}
