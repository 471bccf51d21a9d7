package ru.soko.ingest;

/** Told about each file as a batch goes; the CLI draws a progress line from it. */
public interface IngestProgress {

    IngestProgress NONE = new IngestProgress() { };

    default void starting(int done, int total, String file) {
    }

    default void finished(int done, int total, IngestOutcome outcome) {
    }
}
