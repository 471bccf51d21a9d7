package ru.soko.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.soko.Archive;
import ru.soko.catalog.DocumentRecord;
import ru.soko.ingest.FileCollector;
import ru.soko.ingest.IngestProgress;
import ru.soko.testing.TestArchives;
import ru.soko.testing.TestFiles;

class ReindexTest {

    private static final List<String> QUERIES = List.of("самообследование", "приказ", "мониторинг качества",
            "\"оценки качества образования\"", "ВПР OR ГИА", "школа -детский", "");

    @TempDir
    Path dir;

    @Test
    void rebuiltIndexAnswersQueriesExactlyAsBefore() throws Exception {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        String[] paragraphs = {
                "Приказ о проведении мониторинга качества образования и ВПР в школах города",
                "Отчёт о результатах самообследования школы: показатели деятельности, ГИА и ВПР",
                "Положение о региональной системе оценки качества образования",
                "Аналитическая справка по итогам самообследования детских садов",
                "Методические рекомендации по подготовке отчёта о самообследовании для школ"};
        for (int i = 0; i < paragraphs.length; i++) {
            TestFiles.text(docs, "doc" + i + ".txt", paragraphs[i] + "\n" + TestFiles.RUSSIAN_TEXT.substring(0, 40 * (i + 1)), StandardCharsets.UTF_8);
        }
        TestFiles.docx(docs, "doc5.docx", "Приказ об утверждении положения о мониторинге качества образования");
        List<SearchResult> before;
        try (Archive archive = Archive.open(TestArchives.withoutOcr(dir))) {
            archive.ingest().ingest(FileCollector.collect(List.of(docs)), "test", IngestProgress.NONE);
            before = runAll(archive);
            assertTrue(before.get(0).total() > 0, "the queries must find something to compare");
            assertEquals(6, archive.reindex());
            assertEquals(before, runAll(archive));
        }
        deleteIndexFiles(dir.resolve("data/index"));
        try (Archive fresh = Archive.open(TestArchives.withoutOcr(dir))) {
            assertEquals(0, fresh.index().documentCount());
            fresh.reindex();
            assertEquals(6, fresh.index().documentCount());
            assertEquals(before, runAll(fresh));
        }
    }

    @Test
    void indexRebuiltFromEmptyFolderMatchesOriginalResults() throws Exception {
        List<SearchResult> before;
        try (Archive archive = Archive.open(TestArchives.withoutOcr(dir))) {
            before = ingestTwoTexts(archive);
        }
        deleteIndexFiles(dir.resolve("data/index"));
        try (Archive fresh = Archive.open(TestArchives.withoutOcr(dir))) {
            fresh.reindex();
            assertEquals(before, runAll(fresh));
        }
    }

    @Test
    void rebuildThatFailsOnARecordLeavesTheOldIndexWhole() throws Exception {
        Path docs = texts(0, 40, i -> "Мониторинг качества образования, школа № " + i + ". " + TestFiles.RUSSIAN_TEXT);
        List<SearchResult> before;
        try (Archive archive = Archive.open(TestArchives.withoutOcr(dir))) {
            ingest(archive, docs);
            before = runAll(archive);
            List<DocumentRecord> records = new ArrayList<>();
            archive.catalog().forEach(records::add);
            // A record without text cannot become an index entry: one of the loader's threads fails on it midway.
            DocumentRecord broken = withoutText(records.get(records.size() / 2));
            records.set(records.size() / 2, broken);
            assertThrows(RuntimeException.class, () -> archive.index().rebuild(loader -> records.forEach(loader::add)));
        }
        assertEquals(40, before.get(QUERIES.indexOf("")).total(), "the empty query lists every document");
        assertEquals(before, answersAfterReopening());
    }

    @Test
    void rebuildWhoseFeedFailsLeavesTheOldIndexWhole() throws Exception {
        List<SearchResult> before;
        try (Archive archive = Archive.open(TestArchives.withoutOcr(dir))) {
            before = ingestTwoTexts(archive);
            assertThrows(IllegalStateException.class, () -> archive.index().rebuild(loader -> {
                archive.catalog().forEach(loader::add);
                throw new IllegalStateException("каталог недоступен");
            }));
        }
        assertEquals(before, answersAfterReopening());
    }

    @Test
    void rebuildReportsProgressAndCountsEveryEntryOnce() throws Exception {
        Path docs = texts(0, 30, i -> "Отчёт о самообследовании школы № " + i);
        try (Archive archive = Archive.open(TestArchives.withoutOcr(dir))) {
            ingest(archive, docs);
            List<DocumentRecord> records = new ArrayList<>();
            archive.catalog().forEach(records::add);
            java.util.concurrent.atomic.AtomicLong heard = new java.util.concurrent.atomic.AtomicLong();
            int copies = IndexLoader.PROGRESS_EVERY / records.size() + 1;
            // The same records again and again under new ids: enough entries for the loader to report progress.
            long added = archive.index().rebuild(loader -> {
                for (int copy = 0; copy < copies; copy++) {
                    for (DocumentRecord r : records) {
                        loader.add(withId(r, r.id() + 1000L * copy));
                    }
                }
            }, heard::set);
            assertEquals((long) copies * records.size(), added);
            assertEquals(IndexLoader.PROGRESS_EVERY, heard.get());
            assertEquals(copies, archive.search().search(new SearchRequest("\"школы № 7\"", 0, 10)).total(),
                    "each copy of the one document holding the phrase is in the index once");
        }
    }

    @Test
    void indexOfAnOlderFieldLayoutIsRebuiltAtOpen() throws Exception {
        List<SearchResult> before;
        try (Archive archive = Archive.open(TestArchives.withoutOcr(dir))) {
            before = ingestTwoTexts(archive);
        }
        // As an older build would have left it: another schema mark, and an entry the catalogue does not have.
        try (org.apache.lucene.store.Directory index = org.apache.lucene.store.FSDirectory.open(dir.resolve("data/index"));
             org.apache.lucene.index.IndexWriter writer = new org.apache.lucene.index.IndexWriter(index,
                     new org.apache.lucene.index.IndexWriterConfig().setOpenMode(org.apache.lucene.index.IndexWriterConfig.OpenMode.APPEND))) {
            org.apache.lucene.document.Document stray = new org.apache.lucene.document.Document();
            stray.add(new org.apache.lucene.document.StringField(IndexFields.ID, "999", org.apache.lucene.document.Field.Store.YES));
            writer.addDocument(stray);
            writer.setLiveCommitData(java.util.Map.of("soko.schema", "1").entrySet());
            writer.commit();
        }
        try (Archive reopened = Archive.open(TestArchives.withoutOcr(dir))) {
            assertEquals(2, reopened.index().documentCount(), "the stray entry went with the old index");
            assertFalse(reopened.index().outdated());
            assertEquals(before, runAll(reopened));
        }
    }

    @Test
    void indexMadeWithAnotherListOfPairWordsIsOutdated() {
        SearchVocabulary vocabulary = SearchVocabulary.load(java.util.Optional.empty());
        SearchVocabulary otherList = new SearchVocabulary(vocabulary.abbreviations(), vocabulary.procedures(), vocabulary.stopWords(),
                new org.apache.lucene.analysis.CharArraySet(List.of("оценка", "качество", "образование"), true), vocabulary.weights());
        Path indexDir = dir.resolve("pairs-index");
        try (SearchIndex index = indexWith(indexDir, vocabulary)) {
            index.rebuild(target -> ru.soko.testing.SampleArchive.get().archive().catalog().forEach(target::add));
            assertFalse(index.outdated());
        }
        try (SearchIndex sameList = indexWith(indexDir, vocabulary)) {
            assertFalse(sameList.outdated(), "the same list, in the same order or not, needs no rebuild");
        }
        try (SearchIndex changed = indexWith(indexDir, otherList)) {
            assertTrue(changed.outdated(), "pairs of a word added to the list were never indexed");
        }
    }

    private static SearchIndex indexWith(Path indexDir, SearchVocabulary vocabulary) {
        Analyzers analyzers = new Analyzers(vocabulary);
        return new SearchIndex(indexDir, analyzers.perField(), new DocumentMapper(vocabulary, analyzers));
    }

    @Test
    void equalScoresComeNewestFirstAndKeepTheirOrderAfterARebuild() throws Exception {
        Path docs = texts(10, 50, i -> "Отчёт о мониторинге школы " + i);
        try (Archive archive = Archive.open(TestArchives.withoutOcr(dir))) {
            ingest(archive, docs);
            List<SearchHit> before = archive.search().search(new SearchRequest("мониторинг", 0, 40)).hits();
            assertEquals(40, before.size());
            assertEquals(before.get(0).score(), before.get(39).score(), "the forty reports must score alike for this test");
            List<Long> ids = before.stream().map(h -> Long.parseLong(h.id())).toList();
            assertEquals(ids.stream().sorted(java.util.Comparator.reverseOrder()).toList(), ids, "newest first among equals");
            // Several threads add the entries in an order of their own: the page must not follow it.
            archive.reindex();
            assertEquals(before, archive.search().search(new SearchRequest("мониторинг", 0, 40)).hits());
            assertEquals(before.subList(10, 20), archive.search().search(new SearchRequest("мониторинг", 10, 10)).hits());
        }
    }

    /** A fresh folder of text files «doc<i>.txt», i from {@code from} up to {@code to}, with the given texts. */
    private Path texts(int from, int to, java.util.function.IntFunction<String> text) throws Exception {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        for (int i = from; i < to; i++) {
            TestFiles.text(docs, "doc" + i + ".txt", text.apply(i), StandardCharsets.UTF_8);
        }
        return docs;
    }

    private static void ingest(Archive archive, Path docs) {
        archive.ingest().ingest(FileCollector.collect(List.of(docs)), "test", IngestProgress.NONE);
    }

    /** Ingests two short texts; returns the answers to {@link #QUERIES} before any rebuild. */
    private List<SearchResult> ingestTwoTexts(Archive archive) throws Exception {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        TestFiles.text(docs, "a.txt", "Мониторинг качества образования в школах", StandardCharsets.UTF_8);
        TestFiles.text(docs, "b.txt", "Самообследование школы и мониторинг", StandardCharsets.UTF_8);
        ingest(archive, docs);
        return runAll(archive);
    }

    private List<SearchResult> answersAfterReopening() {
        try (Archive reopened = Archive.open(TestArchives.withoutOcr(dir))) {
            return runAll(reopened);
        }
    }

    private static DocumentRecord withoutText(DocumentRecord r) {
        return copy(r, r.id(), null);
    }

    private static DocumentRecord withId(DocumentRecord r, long id) {
        return copy(r, id, r.text());
    }

    private static DocumentRecord copy(DocumentRecord r, long id, String text) {
        return new DocumentRecord(id, r.sha256(), r.sourceName(), r.sourcePath(), r.mediaType(), r.format(), r.sizeBytes(),
                r.provisionalTitle(), text, r.textTruncated(), r.textSource(), r.needsOcr(), r.metadata(), r.warnings(),
                r.visibility(), r.ingestedAt(), r.requisites(), r.status(), r.citedNumbers(), r.withdrawnAt(), r.withdrawnReason());
    }

    private static List<SearchResult> runAll(Archive archive) {
        List<SearchResult> results = new ArrayList<>();
        for (String q : QUERIES) {
            results.add(archive.search().search(new SearchRequest(q, 0, 10)));
        }
        return results;
    }

    private static void deleteIndexFiles(Path index) throws Exception {
        try (Stream<Path> files = Files.list(index)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
    }
}
