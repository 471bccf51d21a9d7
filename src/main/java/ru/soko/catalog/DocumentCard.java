package ru.soko.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import ru.soko.requisites.Requisites;

/**
 * A document's card as {@code show --json} and the API give it (the text itself is left out):
 * requisites, status and the links to other acts, then the file facts.
 */
public record DocumentCard(
        long id,
        String title,
        String kind,
        String issuer,
        List<String> coIssuers,
        LocalDate date,
        Integer year,
        String number,
        String place,
        String signatory,
        String level,
        Territory territory,
        String organisation,
        Integer reportYear,
        String status,
        List<Reference> references,
        List<Long> approves,
        List<Long> approvedBy,
        List<Long> amends,
        List<Long> amendedBy,
        List<Long> repeals,
        List<Long> repealedBy,
        List<Long> citedBy,
        List<Related> similar,
        List<String> corrected,
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
        Map<String, String> metadata,
        Instant withdrawnAt,
        String withdrawnReason) {

    /** For the page: «24.07.2020», as acts are dated in Russian; JSON keeps ISO dates. */
    public String dateText() {
        return ru.soko.requisites.RussianDates.format(date);
    }

    /** For the page: the repealed badge is drawn differently. */
    public boolean repealed() {
        return DocumentRecord.REPEALED.equals(status);
    }

    /** Region and, where it applies, municipality. */
    public record Territory(String region, String municipality) {
    }

    /** Another archive document, named for a person. */
    public record Related(long id, String title) {
    }

    /** A cited act as written, with the archive document it resolved to. */
    public record Reference(String relation, String kind, String issuer, LocalDate date, String number, String title,
                            Long targetId) {
        public String dateText() {
            return ru.soko.requisites.RussianDates.format(date);
        }
    }

    public boolean withdrawn() {
        return withdrawnAt != null;
    }

    /**
     * The card as one viewer may see it: links to documents {@code visible} refuses are left out, and
     * a citation of such a document keeps its words but not its target, so nothing hidden is named.
     */
    public static DocumentCard of(DocumentRecord r, DocumentLinks links, Map<String, String> overrides,
                                  List<Related> similar, java.util.function.LongPredicate visible) {
        Requisites q = r.requisites();
        Territory territory = q.region() == null && q.municipality() == null ? null : new Territory(q.region(), q.municipality());
        List<Reference> references = links.references().stream()
                .map(c -> new Reference(c.relation().name().toLowerCase(java.util.Locale.ROOT), c.kind(), c.issuer(),
                        c.date(), c.number(), c.title(), c.targetId() != null && visible.test(c.targetId()) ? c.targetId() : null))
                .toList();
        return new DocumentCard(r.id(), r.title(), q.kind(), q.issuer(), q.coIssuers(), q.date(), q.year(), q.number(),
                q.place(), q.signatory(), q.level(), territory, q.organisation(), q.reportYear(), r.status(),
                references, only(links.approves(), visible), only(links.approvedBy(), visible), only(links.amends(), visible),
                only(links.amendedBy(), visible), only(links.repeals(), visible), only(links.repealedBy(), visible),
                only(links.citedBy(), visible), List.copyOf(similar), List.copyOf(overrides.keySet()), r.sourceName(), r.sourcePath(),
                r.mediaType(), r.format(), r.sizeBytes(), r.sha256(), r.text().length(), r.textSource().dbValue(),
                r.textTruncated(), r.needsOcr(), r.warnings(), r.visibility(), r.ingestedAt(), r.metadata(),
                r.withdrawnAt(), r.withdrawnReason());
    }

    private static List<Long> only(List<Long> ids, java.util.function.LongPredicate visible) {
        return ids.stream().filter(visible::test).toList();
    }
}
