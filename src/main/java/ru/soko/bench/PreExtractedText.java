package ru.soko.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import ru.soko.extract.DocumentFormat;
import ru.soko.extract.ExtractRequest;
import ru.soko.extract.Extraction;
import ru.soko.extract.Extractor;
import ru.soko.extract.RejectReason;

/**
 * «Extraction» of a corpus written as plain UTF-8 text: the text is the file. It stands in for the
 * parse worker so that «indexing alone» runs everything after extraction exactly as ingest does
 * (hash, original, catalogue row with requisites and citations, index) and nothing of Tika.
 */
final class PreExtractedText implements Extractor {

    @Override
    public Extraction extract(ExtractRequest request) {
        try {
            String text = Files.readString(Path.of(request.path()), StandardCharsets.UTF_8);
            boolean truncated = text.length() > request.maxChars();
            if (truncated) {
                text = text.substring(0, request.maxChars());
            }
            int pages = Math.max(1, text.length() / DocumentComposer.CHARS_PER_PAGE);
            return new Extraction("text/plain; charset=UTF-8", DocumentFormat.TXT.name(), text, truncated, false, pages,
                    Map.of(), List.of(), null, null);
        } catch (IOException e) {
            return Extraction.failed(RejectReason.UNREADABLE, e.getMessage());
        }
    }

    @Override
    public void close() {
        // nothing held open
    }
}
