package ru.soko.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the query mix from {@code clients} threads at once, each going through the mix {@code rounds}
 * times in its own shuffled order (closed loop: a client sends its next query when the answer came).
 * Latencies are kept per query class and overall.
 */
final class LoadDriver {

    interface Client {
        void send(BenchQuery query) throws Exception;
    }

    /** Percentiles overall and per class, with the throughput of the whole run. */
    record Result(int clients, Latencies.Summary all, Map<String, Latencies.Summary> byKind) {
    }

    private LoadDriver() {
    }

    static Result run(List<BenchQuery> mix, int clients, int rounds, Client client) throws Exception {
        Map<String, Latencies> byKind = new LinkedHashMap<>();
        mix.forEach(q -> byKind.computeIfAbsent(q.kind(), k -> new Latencies()));
        Latencies all = new Latencies();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int seed = c;
                futures.add(pool.submit(() -> {
                    List<BenchQuery> order = new ArrayList<>(mix);
                    Random random = new Random(seed);
                    for (int r = 0; r < rounds; r++) {
                        Collections.shuffle(order, random);
                        for (BenchQuery q : order) {
                            long t = System.nanoTime();
                            client.send(q);
                            long took = System.nanoTime() - t;
                            all.add(took);
                            byKind.get(q.kind()).add(took);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double wall = (System.nanoTime() - start) / 1e9;
        Map<String, Latencies.Summary> kinds = new LinkedHashMap<>();
        byKind.forEach((k, v) -> kinds.put(k, v.summary(wall)));
        return new Result(clients, all.summary(wall), kinds);
    }
}
