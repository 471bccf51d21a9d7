package ru.soko.registry;

import java.util.List;

/** A registry record as its page and {@code registry NAME KEY --json} show it: values, history, linked documents. */
public record RegistryCard(String registry, String title, RegistryRecord record, List<HistoryEntry> history,
                           List<LinkedDocument> documents) {

    /** An archive document linked to the record (a report of the school, a conclusion by the expert). */
    public record LinkedDocument(long id, String title, String kind) {
    }
}
