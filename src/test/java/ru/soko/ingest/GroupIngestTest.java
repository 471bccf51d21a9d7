package ru.soko.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.soko.Archive;
import ru.soko.bench.CorpusGenerator;
import ru.soko.catalog.DocumentRecord;
import ru.soko.requisites.IssuerDirectory;
import ru.soko.requisites.RequisiteExtractor;
import ru.soko.search.IndexFields;
import ru.soko.testing.TestArchives;

/**
 * Ingest writes rows a group per transaction and indexes from the records in memory, re-indexing only
 * older acts whose status changed: the index it builds must be the one a rebuild from the catalogue
 * gives, document by document.
 */
class GroupIngestTest {

    @TempDir
    Path dir;

    @Test
    void indexBuiltWhileIngestingEqualsTheIndexRebuiltFromTheCatalogue() throws Exception {
        CorpusGenerator.Corpus corpus = CorpusGenerator.generate(CorpusGenerator.Spec.of(400, 3, "text"), dir.resolve("corpus"), n -> { });
        List<FileCollector.Input> inputs;
        try (Stream<Path> folders = Files.list(corpus.docsDir())) {
            inputs = FileCollector.collect(folders.filter(Files::isDirectory).sorted().toList());
        }
        try (Archive archive = Archive.open(TestArchives.withoutOcr(dir.resolve("archive")))) {
            // Several batches, so that acts repeal and approve across batches as well as within a group.
            int added = 0;
            for (int from = 0; from < inputs.size(); from += 130) {
                added += archive.ingest().ingest(inputs.subList(from, Math.min(inputs.size(), from + 130)), "test",
                        IngestProgress.NONE).added();
            }
            assertEquals(inputs.size(), added);
            Map<String, String> whileIngesting = storedFields(archive);
            assertTrue(whileIngesting.values().stream().filter(v -> v.contains(DocumentRecord.REPEALED)).count() >= 3,
                    "the corpus repeals acts, so statuses change as it comes in");
            archive.reindex();
            Map<String, String> rebuilt = storedFields(archive);
            assertEquals(rebuilt.keySet(), whileIngesting.keySet());
            for (String id : rebuilt.keySet()) {
                assertEquals(rebuilt.get(id), whileIngesting.get(id), "index entry " + id);
            }
        }
    }

    @Test
    void reopeningAfterACrashAlsoReindexesTheActsTheUnindexedRowsRepeal() throws Exception {
        Path home = dir.resolve("archive");
        long old;
        try (Archive archive = Archive.open(TestArchives.withoutOcr(home))) {
            Path file = Files.writeString(Files.createDirectories(dir.resolve("in")).resolve("1291.txt"),
                    ru.soko.testing.ActTexts.OLD_ORDER);
            old = archive.ingest().ingest(FileCollector.collect(List.of(file)), "test", IngestProgress.NONE)
                    .outcomes().get(0).documentId();
            // The repealing act's row commits, then the process dies before the index commit: the index
            // still holds the old act as in force.
            RequisiteExtractor extractor = new RequisiteExtractor(IssuerDirectory.load(archive.config().indexConfigDir()));
            String text = ru.soko.testing.ActTexts.REPEALING_ORDER;
            archive.catalog().insertAll(List.of(new ru.soko.catalog.NewDocument(ru.soko.util.Hashes.sha256(text), "2830.txt",
                    "2830.txt", "text/plain", "txt", text.length(), "2830", text, false, ru.soko.catalog.TextSource.LAYER, false,
                    Map.of(), List.of(), extractor.extract(text, Map.of()))), "test", "public");
            assertEquals(DocumentRecord.IN_FORCE, indexedStatus(archive, old));
        }
        try (Archive reopened = Archive.open(TestArchives.withoutOcr(home))) {
            assertEquals(DocumentRecord.REPEALED, indexedStatus(reopened, old));
            assertTrue(reopened.catalog().unindexedIds().isEmpty());
        }
    }

    private static String indexedStatus(Archive archive, long id) {
        return storedFields(archive).get(Long.toString(id)).lines().filter(l -> l.startsWith(IndexFields.STATUS + "="))
                .map(l -> l.substring(IndexFields.STATUS.length() + 1)).findFirst().orElse("");
    }

    /** Every live index entry's stored fields, one «name=value» line each, by entry id. */
    private static Map<String, String> storedFields(Archive archive) {
        return archive.index().withSearcher(searcher -> {
            Map<String, String> entries = new TreeMap<>();
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                var stored = leaf.reader().storedFields();
                for (int i = 0; i < leaf.reader().maxDoc(); i++) {
                    if (live != null && !live.get(i)) {
                        continue;
                    }
                    Document doc = stored.document(i);
                    List<String> lines = new ArrayList<>();
                    for (IndexableField field : doc.getFields()) {
                        lines.add(field.name() + "=" + (field.numericValue() != null ? field.numericValue() : field.stringValue()));
                    }
                    lines.sort(null);
                    entries.put(doc.get(IndexFields.ID), String.join("\n", lines));
                }
            }
            return entries;
        });
    }
}
