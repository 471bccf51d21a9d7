package ru.soko.extract;

import java.util.List;
import java.util.Map;

/**
 * The worker's answer for one file: either the text and metadata ({@code failure} is null), or
 * the reason the file could not be read. Travels as a line of JSON, hence a flat record.
 */
public record Extraction(
        String mediaType,
        String format,
        String text,
        boolean truncated,
        boolean ocrUsed,
        int pages,
        Map<String, String> metadata,
        List<String> warnings,
        RejectReason failure,
        String failureDetail) {

    public static Extraction failed(RejectReason reason, String detail) {
        return new Extraction(null, null, "", false, false, 0, Map.of(), List.of(), reason, detail);
    }

    public boolean ok() {
        return failure == null;
    }

    public DocumentFormat documentFormat() {
        return DocumentFormat.valueOf(format);
    }
}
