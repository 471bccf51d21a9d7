package ru.soko.requisites;

import java.time.LocalDate;

/** One act cited in a document's text, as written there; any part but the number may be missing. */
public record Citation(Relation relation, String kind, String issuer, LocalDate date, String number, String title) {
}
