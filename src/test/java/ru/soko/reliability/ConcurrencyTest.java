package ru.soko.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.soko.Archive;
import ru.soko.ingest.FileCollector;
import ru.soko.ingest.IngestOutcome;
import ru.soko.ingest.IngestProgress;
import ru.soko.ingest.IngestSummary;
import ru.soko.registry.ImportReport;
import ru.soko.registry.RegistryImporter;
import ru.soko.search.SearchRequest;
import ru.soko.testing.TestArchives;
import ru.soko.testing.TestFiles;
import ru.soko.util.Json;
import ru.soko.web.Templates;
import ru.soko.web.WebServer;

/** Searches, a batch ingest and registry imports at the same time; many ingests of one file at once. */
class ConcurrencyTest {

    static final int CLIENTS = 4;
    static final int BATCH = 30;
    static final int IMPORTS = 6;
    static final int SAME_FILE_THREADS = 16;

    @TempDir
    Path dir;

    @Test
    void searchesKeepAnsweringCorrectlyDuringABatchIngestAndRegistryImports() throws Exception {
        Path known = Files.createDirectories(dir.resolve("known"));
        TestFiles.text(known, "prikaz.txt", TestFiles.RUSSIAN_TEXT, StandardCharsets.UTF_8);
        Batch batch = Batch.create(dir.resolve("batch"), BATCH, 0);
        try (Archive archive = Archive.open(TestArchives.withoutOcr(dir.resolve("home")))) {
            long knownId = archive.ingest().ingest(FileCollector.collect(List.of(known)), "test", IngestProgress.NONE)
                    .outcomes().get(0).documentId();
            archive.importRegistry("experts", experts(0), RegistryImporter.Options.DEFAULT, "test");
            try (WebServer server = new WebServer(archive, new Templates(Optional.empty())).start(0)) {
                AtomicBoolean writing = new AtomicBoolean(true);
                AtomicInteger requests = new AtomicInteger();
                ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
                ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 2);
                CountDownLatch clientsRunning = new CountDownLatch(CLIENTS);
                List<Future<?>> clients = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    int client = c;
                    clients.add(pool.submit(() -> client(server.port(), client, knownId, writing, clientsRunning, requests, errors)));
                }
                clientsRunning.await();
                Future<IngestSummary> ingest = pool.submit(() -> archive.ingest().ingest(
                        FileCollector.collect(List.of(batch.folder())), "test", IngestProgress.NONE));
                Future<List<ImportReport>> imports = pool.submit(() -> {
                    List<ImportReport> reports = new ArrayList<>();
                    for (int i = 1; i <= IMPORTS; i++) {
                        reports.add(archive.importRegistry("experts", experts(i), RegistryImporter.Options.DEFAULT, "test"));
                    }
                    return reports;
                });
                IngestSummary summary = ingest.get(5, TimeUnit.MINUTES);
                List<ImportReport> reports = imports.get(5, TimeUnit.MINUTES);
                writing.set(false);
                for (Future<?> client : clients) {
                    client.get(1, TimeUnit.MINUTES);
                }
                pool.shutdown();

                assertEquals(BATCH, summary.added(), "every file of the batch is added: " + summary.rejected());
                assertTrue(reports.stream().allMatch(ImportReport::written), "every import is written");
                assertEquals(2 + IMPORTS, archive.registries().list("experts", ru.soko.registry.RegistryQuery.ALL).size());
                assertTrue(errors.isEmpty(), errors.size() + " wrong answers of " + requests.get() + ", e.g. " + errors.peek());
                assertTrue(requests.get() >= 100, "clients kept asking during the writes: " + requests.get());
                assertEquals(BATCH, archive.search().search(new SearchRequest("шифр", 0, 10)).total());
                System.out.printf("ConcurrencyTest: %d requests from %d clients during an ingest of %d files and %d registry imports, errors: %d%n",
                        requests.get(), CLIENTS, BATCH, IMPORTS, errors.size());
            }
        }
    }

    /**
     * One client: the known document is always found, the registry always answers, the number of batch
     * documents found never goes down (documents are only ever added), and nothing answers 5xx.
     */
    private static void client(int port, int client, long knownId, AtomicBoolean writing, CountDownLatch running,
                               AtomicInteger requests, ConcurrentLinkedQueue<String> errors) {
        long seenBatch = 0;
        running.countDown();
        int after = 0;
        while (writing.get() || after++ < 5) {
            int kind = requests.get() % 4;
            String path = switch (kind) {
                case 0 -> "/api/search?q=" + enc("самообследования") + "&limit=5";
                case 1 -> "/api/search?q=" + enc("шифр") + "&limit=1";
                case 2 -> "/api/registries/experts";
                default -> "/?q=" + enc("самообследование образовательных организаций");
            };
            try {
                Http.Response r = Http.get(port, path);
                requests.incrementAndGet();
                if (r.status() != 200) {
                    errors.add(path + " → " + r.status() + ": " + Http.abbreviate(r.body()));
                    continue;
                }
                switch (kind) {
                    case 0 -> {
                        JsonNode json = Json.mapper().readTree(r.body());
                        boolean found = false;
                        for (JsonNode hit : json.get("hits")) {
                            found |= hit.get("id").asText().equals(Long.toString(knownId));
                        }
                        if (!found) {
                            errors.add("client " + client + ": the known document is missing: " + Http.abbreviate(r.body()));
                        }
                    }
                    case 1 -> {
                        long total = Json.mapper().readTree(r.body()).get("total").asLong();
                        if (total < seenBatch) {
                            errors.add("client " + client + ": batch documents found went down from " + seenBatch + " to " + total);
                        }
                        seenBatch = total;
                    }
                    case 2 -> {
                        if (Json.mapper().readTree(r.body()).get("total").asInt() < 2) {
                            errors.add("client " + client + ": registry shrank: " + Http.abbreviate(r.body()));
                        }
                    }
                    default -> {
                        if (!r.body().contains("prikaz.txt")) {
                            errors.add("client " + client + ": search page lost the known document");
                        }
                    }
                }
            } catch (Exception e) {
                requests.incrementAndGet();
                errors.add(path + " → " + e);
            }
        }
    }

    /** The experts sheet with {@code extra} more experts each time. */
    private Path experts(int extra) throws Exception {
        StringBuilder csv = new StringBuilder("ФИО;Регистрационный номер;Дата включения;Направления экспертизы\n"
                + "Иванова Марина Сергеевна;Э-2021-017;15.03.2021;математика\n"
                + "Петров Алексей Николаевич;Э-2021-023;01.06.2021;физика\n");
        for (int i = 0; i < extra; i++) {
            csv.append("Сидоров Эксперт").append((char) ('А' + i)).append(" Иванович;Э-2024-").append(100 + i).append(";10.01.2024;химия\n");
        }
        return TestFiles.text(dir, "experts-" + extra + ".csv", csv.toString(), StandardCharsets.UTF_8);
    }

    @Test
    void sixteenSimultaneousIngestsOfOneFileMakeOneDocument() throws Exception {
        Path in = Files.createDirectories(dir.resolve("same"));
        Path file = TestFiles.docx(in, "положение.docx", "Положение о внутренней системе оценки качества образования");
        List<Path> copies = new ArrayList<>();
        for (int i = 0; i < SAME_FILE_THREADS; i++) {
            // Half the threads send the very same path, half a byte-identical copy under another name.
            copies.add(i % 2 == 0 ? file : Files.copy(file, in.resolve("копия-" + i + ".docx")));
        }
        try (Archive archive = Archive.open(TestArchives.withoutOcr(dir.resolve("home")))) {
            CyclicBarrier start = new CyclicBarrier(SAME_FILE_THREADS);
            ExecutorService pool = Executors.newFixedThreadPool(SAME_FILE_THREADS);
            List<Future<IngestSummary>> results = new ArrayList<>();
            for (Path copy : copies) {
                results.add(pool.submit(() -> {
                    start.await();
                    return archive.ingest().ingest(FileCollector.collect(List.of(copy)), "thread", IngestProgress.NONE);
                }));
            }
            List<IngestOutcome> outcomes = new ArrayList<>();
            for (Future<IngestSummary> r : results) {
                outcomes.addAll(r.get(3, TimeUnit.MINUTES).outcomes());
            }
            pool.shutdown();
            long added = outcomes.stream().filter(o -> o.status() == IngestOutcome.Status.ADDED).count();
            long duplicates = outcomes.stream().filter(o -> o.status() == IngestOutcome.Status.DUPLICATE).count();
            assertEquals(1, added, outcomes.toString());
            assertEquals(SAME_FILE_THREADS - 1, duplicates, outcomes.toString());
            long id = outcomes.stream().filter(o -> o.status() == IngestOutcome.Status.ADDED).findFirst().orElseThrow().documentId();
            assertTrue(outcomes.stream().allMatch(o -> o.documentId() == id), "every thread is told the same document");
            assertEquals(1, archive.catalog().count());
            assertEquals(1, archive.search().search(new SearchRequest("внутренней системе оценки", 0, 10)).total());
            assertEquals(1, archive.index().documentCount());
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
