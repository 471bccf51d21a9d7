package ru.soko.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import ru.soko.Archive;
import ru.soko.config.AppConfig;
import ru.soko.ingest.FileCollector;
import ru.soko.ingest.IngestProgress;
import ru.soko.ingest.IngestService;
import ru.soko.ingest.IngestSummary;
import ru.soko.registry.ImportReport;
import ru.soko.registry.RegistryImporter;
import ru.soko.web.Templates;
import ru.soko.web.WebServer;

/**
 * One benchmark run over a generated corpus: ingest into a fresh archive (or reuse one), import the
 * registry sheets, measure sizes, restart and time the first answer, then search in process and over
 * HTTP at 1 and N clients, and page through the largest registry. Reuses the application's own
 * classes end to end; only the extraction of a text corpus is replaced (see {@link PreExtractedText}).
 */
public final class BenchRunner {

    /** What to run. Each of N clients makes max(1, 2·{@code rounds}/N) passes over the query mix. */
    public record Options(Path corpusDir, Path workDir, AppConfig baseConfig, boolean reuseArchive, int rounds,
                          List<Integer> clients, boolean http, boolean rebuild) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final Options options;
    private final PrintWriter log;

    public BenchRunner(Options options, PrintWriter log) {
        this.options = options;
        this.log = log;
    }

    public BenchReport run() throws Exception {
        String startedAt = Instant.now().toString();
        CorpusGenerator.Corpus corpus = CorpusGenerator.Corpus.read(options.corpusDir());
        AppConfig config = options.baseConfig().withDataDir(options.workDir().resolve("data")).withOcrEnabled(false);
        List<String> notes = new ArrayList<>();
        BenchReport.Ingest ingest = null;
        List<BenchReport.RegistryImport> imports = List.of();
        if (!options.reuseArchive() || !Files.isDirectory(config.dataDir())) {
            deleteTree(config.dataDir());
            try (Archive archive = Archive.open(config)) {
                ingest = ingest(archive, corpus);
                imports = importRegistries(archive, corpus);
            }
        } else {
            notes.add("архив из прошлого запуска использован повторно: приём не измерялся");
        }
        BenchReport.Rebuild rebuild = null;
        if (options.rebuild()) {
            rebuild = rebuild(config, corpus);
            notes.add("индекс перестроен из каталога перед замером размера и поиска");
        }
        BenchReport.Storage storage = storage(config);
        long t0 = System.nanoTime();
        try (Archive archive = Archive.open(config)) {
            long opened = System.nanoTime();
            try (WebServer server = new WebServer(archive, new Templates(config.templatesDir())).start(0)) {
                long started = System.nanoTime();
                String base = "http://127.0.0.1:" + server.port();
                get(base + BenchQuery.mix().get(0).apiPath());
                long answered = System.nanoTime();
                BenchReport.Startup startup = new BenchReport.Startup(sec(opened - t0), sec(started - opened),
                        sec(answered - started), sec(answered - t0));
                log.printf("Старт: %.2f с до первого ответа%n", startup.totalSeconds());
                log.flush();
                List<BenchReport.SearchLoad> loads = search(archive, base);
                List<BenchReport.RegistryPage> pages = registryPages(archive, base);
                System.gc();
                var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
                return new BenchReport(startedAt, machine(), corpus.withDir(null), ingest, imports, rebuild,
                        new BenchReport.Storage(storage.indexBytes(), storage.databaseBytes(), storage.originalsBytes(),
                                storage.indexBytesPerDoc(), storage.databaseBytesPerDoc(), archive.index().documentCount()),
                        startup, loads, pages, new BenchReport.Heap(heap.getUsed(), heap.getCommitted(), heap.getMax()), notes);
            }
        }
    }

    private BenchReport.Ingest ingest(Archive archive, CorpusGenerator.Corpus corpus) throws IOException {
        boolean text = "text".equals(corpus.format());
        IngestService service = text ? archive.ingestWith(new PreExtractedText()) : archive.ingest();
        List<Path> folders;
        try (Stream<Path> list = Files.list(corpus.docsDir())) {
            folders = list.filter(Files::isDirectory).sorted().toList();
        }
        long added = 0;
        long rejected = 0;
        double cpu0 = CpuClock.own();
        long t0 = System.nanoTime();
        for (Path folder : folders) {
            // A thousand files per batch: as an administrator would upload, and the file list stays small.
            IngestSummary summary = service.ingest(FileCollector.collect(List.of(folder)), "bench", IngestProgress.NONE);
            added += summary.added();
            rejected += summary.rejectedCount();
            if (rejected > 0 && summary.rejectedCount() > 0) {
                log.println("  отклонены: " + summary.rejected().get(0).message());
            }
            log.printf("  принято %d из %d (%.0f док/с)%n", added + rejected, corpus.documents(), (added + rejected) / sec(System.nanoTime() - t0));
            log.flush();
        }
        double seconds = sec(System.nanoTime() - t0);
        double cpuMain = CpuClock.own() - cpu0;
        double cpuWorker = text ? 0 : CpuClock.children();
        double mb = 1024.0 * 1024.0;
        return new BenchReport.Ingest(text ? "indexing" : "full", corpus.documents(), added, rejected, r(seconds),
                r(added / seconds), r(corpus.textBytes() / mb / seconds), r(corpus.fileBytes() / mb / seconds),
                r(cpuMain), r(cpuWorker), r((cpuMain + cpuWorker) / seconds), r(added / (cpuMain + cpuWorker)));
    }

    /**
     * Indexing of text already extracted, on its own: the index rebuilt from the catalogue, documents
     * and registry records, as {@code reindex} does. The rate per document counts the whole rebuild.
     */
    private BenchReport.Rebuild rebuild(AppConfig config, CorpusGenerator.Corpus corpus) {
        try (Archive archive = Archive.open(config)) {
            long documents = archive.catalog().count();
            double cpu0 = CpuClock.own();
            long t0 = System.nanoTime();
            long entries = archive.reindex(n -> {
                if (n % 100_000 == 0) {
                    synchronized (log) {
                        log.printf("  переиндексировано %d записей (%.0f в секунду)%n", n, n / sec(System.nanoTime() - t0));
                        log.flush();
                    }
                }
            });
            double seconds = sec(System.nanoTime() - t0);
            double cpu = CpuClock.own() - cpu0;
            log.printf("Переиндексация: %d записей за %.1f с%n", entries, seconds);
            log.flush();
            return new BenchReport.Rebuild(documents, entries, r(seconds), r(documents / seconds), r(entries / seconds),
                    r(corpus.textBytes() / 1048576.0 / seconds), r(cpu), r(cpu / seconds), r(documents / cpu));
        }
    }

    private List<BenchReport.RegistryImport> importRegistries(Archive archive, CorpusGenerator.Corpus corpus) throws IOException {
        List<BenchReport.RegistryImport> imports = new ArrayList<>();
        for (String registry : RegistrySheets.ORDER) {
            Path sheet = corpus.registriesDir().resolve(registry + ".csv");
            long t = System.nanoTime();
            ImportReport report = archive.importRegistry(registry, sheet, new RegistryImporter.Options(false, true, true), "bench");
            imports.add(new BenchReport.RegistryImport(registry, report.rows(), report.added(), r(sec(System.nanoTime() - t))));
            log.printf("  реестр %s: %d записей за %.1f с%n", registry, report.added(), sec(System.nanoTime() - t));
            log.flush();
        }
        return imports;
    }

    private List<BenchReport.SearchLoad> search(Archive archive, String base) throws Exception {
        List<BenchQuery> mix = BenchQuery.mix();
        LoadDriver.Client inProcess = q -> archive.search().search(q.request());
        LoadDriver.Client overHttp = q -> get(base + q.apiPath());
        // Warm-up: JIT, the page cache and the facet state, so the runs below measure a running server.
        LoadDriver.run(mix, 1, 2, inProcess);
        if (options.http()) {
            LoadDriver.run(mix, 1, 1, overHttp);
        }
        List<BenchReport.SearchLoad> loads = new ArrayList<>();
        for (int clients : options.clients()) {
            int rounds = Math.max(1, options.rounds() / clients * 2);
            loads.add(load("in-process", mix, clients, rounds, inProcess));
            if (options.http()) {
                loads.add(load("http", mix, clients, rounds, overHttp));
            }
        }
        return loads;
    }

    private BenchReport.SearchLoad load(String via, List<BenchQuery> mix, int clients, int rounds, LoadDriver.Client client)
            throws Exception {
        LoadDriver.Result result = LoadDriver.run(mix, clients, rounds, client);
        log.printf("  поиск %-10s %d клиент(ов): p50 %.1f мс, p95 %.1f, p99 %.1f, %.0f запр/с, ЦП %.1f мс/запрос%n", via, clients,
                result.all().p50(), result.all().p95(), result.all().p99(), result.all().perSecond(), result.processCpuMsPerQuery());
        result.byKind().forEach((kind, s) -> log.printf("    %-10s p50 %.1f, p95 %.1f, p99 %.1f мс; ЦП потока %.1f мс%n", kind,
                s.p50(), s.p95(), s.p99(), result.threadCpuMsByKind().get(kind)));
        log.flush();
        return new BenchReport.SearchLoad(via, clients, result.all(), result.byKind(), result.processCpuMsPerQuery(),
                result.threadCpuMsByKind());
    }

    private List<BenchReport.RegistryPage> registryPages(Archive archive, String base) throws Exception {
        long total = archive.registries().count("achievements");
        List<String> paths = List.of("/registries/achievements?result=%D0%BF%D0%BE%D0%B1%D0%B5%D0%B4%D0%B8%D1%82%D0%B5%D0%BB%D1%8C",
                "/registries/achievements?year=2020&page=3", "/registries/achievements?page=40&sort=year",
                "/registries/experts?areas=%D0%92%D0%9F%D0%A0", "/registries");
        List<BenchReport.RegistryPage> pages = new ArrayList<>();
        int rounds = total > 200_000 ? 5 : 20;
        for (String path : paths) {
            get(base + path);
            Latencies latencies = new Latencies();
            long t0 = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                long t = System.nanoTime();
                get(base + path);
                latencies.add(System.nanoTime() - t);
            }
            BenchReport.RegistryPage page = new BenchReport.RegistryPage(path, total, latencies.summary(sec(System.nanoTime() - t0)));
            log.printf("  реестр %s: p50 %.1f мс%n", path, page.latency().p50());
            log.flush();
            pages.add(page);
        }
        return pages;
    }

    private static String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " на " + url + ": "
                    + response.body().substring(0, Math.min(300, response.body().length())));
        }
        return response.body();
    }

    private static BenchReport.Storage storage(AppConfig config) throws IOException {
        long index = size(config.indexDir());
        long db = size(config.databaseFile()) + size(config.dataDir().resolve("archive.db-wal"));
        long originals = size(config.originalsDir());
        long docs;
        try (Archive archive = Archive.open(config)) {
            docs = archive.catalog().count();
        }
        return new BenchReport.Storage(index, db, originals, docs == 0 ? 0 : r((double) index / docs),
                docs == 0 ? 0 : r((double) db / docs), 0);
    }

    static long size(Path path) throws IOException {
        if (!Files.exists(path)) {
            return 0;
        }
        if (Files.isRegularFile(path)) {
            return Files.size(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                p.toFile().setWritable(true);
                Files.delete(p);
            }
        }
    }

    static BenchReport.Machine machine() {
        String cpu = "?";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("?");
        } catch (IOException ignored) {
            // not Linux: the model stays unknown
        }
        long memory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : 0;
        return new BenchReport.Machine(cpu, Runtime.getRuntime().availableProcessors(), memory,
                System.getProperty("java.vm.name") + " " + Runtime.version(), Runtime.getRuntime().maxMemory(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"));
    }

    private static double sec(long nanos) {
        return nanos / 1e9;
    }

    private static double r(double v) {
        return Latencies.round(v);
    }
}
