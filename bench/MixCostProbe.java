package ru.soko.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.soko.search.Analyzers;
import ru.soko.search.DocumentMapper;
import ru.soko.search.SearchIndex;
import ru.soko.search.SearchRequest;
import ru.soko.search.SearchResult;
import ru.soko.search.SearchService;
import ru.soko.search.SearchVocabulary;

/**
 * Thread CPU of each query of `bench run`'s mix, one at a time, through SearchService over an
 * existing index (counts, ranking and snippets as the site runs them; no HTTP, no other clients):
 * which queries of a class cost what, where `bench run` reports classes. The whole mix runs
 * {@code -Dwarm=N} times first (default 5), then each query {@code RUNS} times. {@code -Dextra=a|b}
 * adds queries of class «extra»; {@code -Dids} prints each page's ids, to compare two builds' pages.
 * Lives in the package of BenchQuery, so it is compiled against a build (round 11, fix 34):
 *   javac -cp target/soko-archive.jar -d /tmp/mixprobe bench/MixCostProbe.java
 *   java -Xmx2g --add-modules jdk.incubator.vector -cp /tmp/mixprobe:target/soko-archive.jar ru.soko.bench.MixCostProbe \
 *       DATA/index 10 [CLASS]
 * The index must not be open elsewhere (the archive's writer holds its lock).
 */
public class MixCostProbe {
    public static void main(String[] args) throws Exception {
        SearchVocabulary vocabulary = SearchVocabulary.load(Optional.of(Path.of("index-config")));
        Analyzers analyzers = new Analyzers(vocabulary);
        try (SearchIndex index = new SearchIndex(Path.of(args[0]), analyzers.perField(), new DocumentMapper(vocabulary, analyzers))) {
            SearchService service = new SearchService(index, analyzers, vocabulary);
            int runs = Integer.parseInt(args[1]);
            String onlyClass = args.length > 2 ? args[2] : null;
            List<BenchQuery> queries = new ArrayList<>(BenchQuery.mix());
            for (String extra : System.getProperty("extra", "").split("\\|")) {
                if (!extra.isBlank()) {
                    queries.add(new BenchQuery("extra", extra, Map.of(), 0, SearchRequest.Order.RELEVANCE));
                }
            }
            for (int i = 0; i < Integer.getInteger("warm", 5); i++) {
                queries.forEach(q -> service.search(q.request()));
            }
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            double sum = 0;
            int measured = 0;
            for (BenchQuery q : queries) {
                if (onlyClass != null && !q.kind().equals(onlyClass)) {
                    continue;
                }
                double ms = 0;
                SearchResult result = null;
                for (int r = 0; r < runs; r++) {
                    long before = threads.getCurrentThreadCpuTime();
                    result = service.search(q.request());
                    ms += (threads.getCurrentThreadCpuTime() - before) / 1e6 / runs;
                }
                sum += ms;
                measured++;
                System.out.printf("%-9s %-50s %-40s %8.2f ms %9d%n", q.kind(), q.query(), q.filters(), ms, result.total());
                if (System.getProperty("ids") != null) {
                    System.out.println("  ids " + result.hits().stream().map(h -> h.id() + ":" + h.registry()).toList());
                }
            }
            System.out.printf("mean of %d queries: %.2f ms%n", measured, sum / Math.max(1, measured));
        }
    }
}
