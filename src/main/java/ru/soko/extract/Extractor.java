package ru.soko.extract;

/** Turns a file into text and metadata. Implementations never throw for a bad file: they say why. */
public interface Extractor extends AutoCloseable {

    Extraction extract(ExtractRequest request);

    @Override
    void close();
}
