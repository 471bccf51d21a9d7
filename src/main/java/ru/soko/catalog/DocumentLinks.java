package ru.soko.catalog;

import java.util.List;

/** A document's place in the network of acts, as ids of archive documents. */
public record DocumentLinks(
        List<ResolvedCitation> references,
        List<Long> approves,
        List<Long> approvedBy,
        List<Long> amends,
        List<Long> amendedBy,
        List<Long> repeals,
        List<Long> repealedBy,
        List<Long> citedBy) {
}
