package ru.soko.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import ru.soko.Archive;
import ru.soko.catalog.DocumentRecord;
import ru.soko.search.SearchRequest;
import ru.soko.search.SearchResult;
import ru.soko.util.Hashes;

/** «Every document is complete»: original with its SHA-256, catalogue row, the same text, one index entry. */
final class Completeness {

    private Completeness() {
    }

    /** Asserts every catalogue row of {@code archive} is a complete document of {@code batch}; returns their SHA-256s. */
    static Set<String> assertEveryDocumentComplete(Archive archive, Batch batch, String when) throws IOException {
        Set<String> shas = new HashSet<>();
        List<Long> ids = archive.catalog().allIds();
        for (long id : ids) {
            DocumentRecord r = archive.catalog().get(id).orElseThrow();
            Batch.Doc doc = batch.bySha().get(r.sha256());
            assertNotNull(doc, when + ": document № " + id + " is not one of the batch: " + r.sourceName());
            assertTrue(shas.add(r.sha256()), when + ": the same file twice in the catalogue: " + r.sourceName());
            Path original = archive.originals().pathOf(r.sha256());
            assertTrue(Files.isRegularFile(original), when + ": no original for № " + id);
            assertEquals(r.sha256(), Hashes.sha256(original), when + ": original of № " + id + " differs");
            String stored = Batch.normalise(r.text());
            String expected = Batch.normalise(doc.text());
            assertTrue(doc.docx() ? stored.contains(expected) : stored.equals(expected),
                    when + ": text of № " + id + " is not the file's text: «" + stored + "»");
            SearchResult found = archive.search().search(new SearchRequest(doc.token(), 0, 10));
            assertEquals(1, found.total(), when + ": search for " + doc.token() + " must find exactly № " + id);
            assertEquals(Long.toString(id), found.hits().get(0).id(), when + ": " + doc.token());
        }
        assertEquals(ids.size(), archive.index().documentCount(), when + ": index entries = catalogue rows");
        return shas;
    }
}
