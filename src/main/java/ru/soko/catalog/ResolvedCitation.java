package ru.soko.catalog;

import java.time.LocalDate;
import ru.soko.requisites.Relation;

/** A stored citation, with the id of the archive document it resolved to (null when none). */
public record ResolvedCitation(Relation relation, String kind, String issuer, LocalDate date, String number,
                               String title, Long targetId) {
}
