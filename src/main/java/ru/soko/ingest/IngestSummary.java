package ru.soko.ingest;

import java.util.List;

/** The result of a batch: every file's outcome, in the order the files were taken. */
public record IngestSummary(List<IngestOutcome> outcomes) {

    public long added() {
        return count(IngestOutcome.Status.ADDED);
    }

    public long duplicates() {
        return count(IngestOutcome.Status.DUPLICATE);
    }

    public long rejectedCount() {
        return count(IngestOutcome.Status.REJECTED);
    }

    public List<IngestOutcome> rejected() {
        return outcomes.stream().filter(o -> o.status() == IngestOutcome.Status.REJECTED).toList();
    }

    private long count(IngestOutcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }
}
