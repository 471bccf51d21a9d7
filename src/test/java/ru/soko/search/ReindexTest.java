package ru.soko.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        Path docs = Files.createDirectories(dir.resolve("docs"));
        TestFiles.text(docs, "a.txt", "Мониторинг качества образования в школах", StandardCharsets.UTF_8);
        TestFiles.text(docs, "b.txt", "Самообследование школы и мониторинг", StandardCharsets.UTF_8);
        List<SearchResult> before;
        try (Archive archive = Archive.open(TestArchives.withoutOcr(dir))) {
            archive.ingest().ingest(FileCollector.collect(List.of(docs)), "test", IngestProgress.NONE);
            before = runAll(archive);
        }
        deleteIndexFiles(dir.resolve("data/index"));
        try (Archive fresh = Archive.open(TestArchives.withoutOcr(dir))) {
            fresh.reindex();
            assertEquals(before, runAll(fresh));
        }
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
