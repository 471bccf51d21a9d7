package ru.soko.maintenance;

import java.util.List;

/** What {@code check} found (and, with {@code --repair}, what it did); problems are in Russian for the user. */
public record CheckReport(long documents, long indexEntries, List<String> problems, List<String> repairs) {

    public boolean healthy() {
        return problems.isEmpty();
    }
}
