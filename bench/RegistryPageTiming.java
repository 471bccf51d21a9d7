import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import ru.soko.Archive;
import ru.soko.config.AppConfig;
import ru.soko.config.ConfigLoader;
import ru.soko.registry.RegistryImporter;
import ru.soko.web.Templates;
import ru.soko.web.WebServer;

/**
 * Registry page latency alone, without ingesting documents: imports an achievements sheet into a
 * fresh data folder (or reuses it), starts the real WebServer and times the same pages as «bench
 * run», one client over HTTP. Runs as a source file against any build, so old and new code are
 * measured the same way:
 *   java -Xmx2g -cp target/soko-archive.jar bench/RegistryPageTiming.java SHEET DATA_DIR [ROUNDS]
 */
public class RegistryPageTiming {
    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** CPU time of this whole process (client and server threads), in ns. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    public static void main(String[] args) throws Exception {
        Path sheet = Path.of(args[0]);
        Path data = Path.of(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        AppConfig config = ConfigLoader.fromEnvironment().withDataDir(data).withOcrEnabled(false);
        boolean fresh = !Files.isDirectory(data);
        long t0 = System.nanoTime();
        try (Archive archive = Archive.open(config)) {
            if (fresh) {
                archive.importRegistry("achievements", sheet, RegistryImporter.Options.DEFAULT, "bench");
                System.out.printf("import %.1f s, cpu %.1f s%n", (System.nanoTime() - t0) / 1e9, cpu() / 1e9);
            }
        }
        if (!fresh) {
            // An archive of an older schema is migrated and gets its field indexes here.
            System.out.printf("first open %.1f s, cpu %.1f s%n", (System.nanoTime() - t0) / 1e9, cpu() / 1e9);
        }
        long t1 = System.nanoTime();
        try (Archive archive = Archive.open(config);
             WebServer server = new WebServer(archive, new Templates(config.templatesDir())).start(0)) {
            System.out.printf("open %.1f s, %d achievements%n", (System.nanoTime() - t1) / 1e9, archive.registries().count("achievements"));
            String base = "http://127.0.0.1:" + server.port();
            HttpClient http = HttpClient.newHttpClient();
            for (String path : List.of("/registries/achievements?result=%D0%BF%D0%BE%D0%B1%D0%B5%D0%B4%D0%B8%D1%82%D0%B5%D0%BB%D1%8C",
                    "/registries/achievements?year=2020&page=3", "/registries/achievements?page=40&sort=year",
                    "/registries/achievements", "/registries/achievements?page=1000&sort=student",
                    "/registries/achievements?event=%D0%BE%D0%BB%D0%B8%D0%BC%D0%BF&year=2021",
                    // added with the field indexes: a deep default page, a status, two filters with
                    // another sort. (The site filters achievements by result and year only — the
                    // fields marked «filter»; «event» above is ignored, so text filters are timed
                    // in process below.)
                    "/registries/achievements?page=1000", "/registries/achievements?status=" + enc("действует") + "&page=2",
                    "/registries/achievements?year=2019&result=" + enc("призёр") + "&sort=code")) {
                double[] ms = new double[rounds];
                long cpu0 = cpu();
                for (int i = -3; i < rounds; i++) {
                    if (i == 0) {
                        cpu0 = cpu();
                    }
                    long t = System.nanoTime();
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException(r.statusCode() + " " + path);
                    }
                    if (i >= 0) {
                        ms[i] = (System.nanoTime() - t) / 1e6;
                    }
                }
                Arrays.sort(ms);
                double cpuMs = (cpu() - cpu0) / 1e6 / rounds;
                System.out.printf("%-70s p50 %7.1f  p95 %7.1f ms  cpu %6.1f ms/request%n", java.net.URLDecoder.decode(path, "UTF-8"),
                        ms[rounds / 2], ms[(int) Math.ceil(rounds * 0.95) - 1], cpuMs);
            }
            // Registries.page in process (first page of 25, default sort unless given), for filters
            // on any field, as the command line and the API of other registries use them.
            String[][] queries = {{"event", "олимп"}, {"event", "олимп", "year", "2021"}, {"stage", "муниц", "sort", "organisation"},
                    {"organisation", "кемерово"}, {"result", "призёр", "year", "2019"}, {"student", "у-2021-1"}};
            for (String[] q : queries) {
                java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
                String sort = "event";
                for (int i = 0; i < q.length; i += 2) {
                    if (q[i].equals("sort")) {
                        sort = q[i + 1];
                    } else {
                        fields.put(q[i], q[i + 1]);
                    }
                }
                ru.soko.registry.RegistryQuery query = new ru.soko.registry.RegistryQuery(fields, null, null);
                int n = Math.min(rounds, 5);
                double[] ms = new double[n];
                long total = 0;
                long cpu0 = cpu();
                for (int i = -1; i < n; i++) {
                    if (i == 0) {
                        cpu0 = cpu();
                    }
                    long t = System.nanoTime();
                    total = archive.registries().page("achievements", query, sort, 0, 25).total();
                    if (i >= 0) {
                        ms[i] = (System.nanoTime() - t) / 1e6;
                    }
                }
                Arrays.sort(ms);
                System.out.printf("page(%s, sort=%s) %d found: p50 %7.1f  max %7.1f ms  cpu %6.1f ms%n", fields, sort, total,
                        ms[n / 2], ms[n - 1], (cpu() - cpu0) / 1e6 / n);
            }
        }
    }
}
