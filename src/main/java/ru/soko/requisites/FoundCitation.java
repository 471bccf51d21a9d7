package ru.soko.requisites;

import java.time.LocalDate;

/**
 * A citation as the parser found it in normalised text: the cited act's requisites, the raw words
 * naming its issuer, and where it stands ({@code start}–{@code end} covers the kind word up to the
 * number or the quoted title; {@code titleEnd} marks the title's end so that acts cited inside
 * another act's title can be told apart; {@code nested} marks such an inner citation).
 */
record FoundCitation(
        String kind,
        String issuerText,
        LocalDate date,
        String number,
        String title,
        int start,
        int end,
        int titleStart,
        int titleEnd,
        boolean nested) {
}
