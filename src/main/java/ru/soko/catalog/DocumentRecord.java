package ru.soko.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ru.soko.requisites.Requisites;

/**
 * One catalogued document as stored in {@code archive.db}: {@code requisites} are the effective ones
 * (read from the text, then corrected by administrators), {@code status} comes from the acts that
 * repeal it.
 */
public record DocumentRecord(
        long id,
        String sha256,
        String sourceName,
        String sourcePath,
        String mediaType,
        String format,
        long sizeBytes,
        String provisionalTitle,
        String text,
        boolean textTruncated,
        TextSource textSource,
        boolean needsOcr,
        Map<String, String> metadata,
        List<String> warnings,
        String visibility,
        java.time.Instant ingestedAt,
        Requisites requisites,
        String status,
        List<String> citedNumbers,
        Instant withdrawnAt,
        String withdrawnReason) {

    public static final String IN_FORCE = "действует";
    public static final String REPEALED = "утратил силу";

    /**
     * The title a person reads: the requisite title, with the kind in front when the title goes on
     * from it («Положение» + «о региональной системе …»), else the provisional title from ingest.
     */
    public String title() {
        String title = requisites.title();
        if (title == null || title.isBlank()) {
            return provisionalTitle;
        }
        if (Character.isLowerCase(title.charAt(0)) && requisites.kind() != null) {
            String kind = requisites.kind();
            return kind.substring(0, 1).toUpperCase(Locale.ROOT) + kind.substring(1) + " " + title;
        }
        return title;
    }

    /** Withdrawn documents are kept, but only administrators see them. */
    public boolean withdrawn() {
        return withdrawnAt != null;
    }

    public Instant ingested() {
        return ingestedAt;
    }
}
