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

    /**
     * Percentiles overall and per class, with the throughput of the whole run, and CPU milliseconds
     * per query: of the whole process, and of the client thread per class (the work itself when the
     * client runs the search in process; only the HTTP client's share over HTTP).
     */
    record Result(int clients, Latencies.Summary all, Map<String, Latencies.Summary> byKind, double processCpuMsPerQuery,
                  Map<String, Double> threadCpuMsByKind) {
    }

    private LoadDriver() {
    }

    static Result run(List<BenchQuery> mix, int clients, int rounds, Client client) throws Exception {
        Map<String, Latencies> byKind = new LinkedHashMap<>();
        mix.forEach(q -> byKind.computeIfAbsent(q.kind(), k -> new Latencies()));
        Latencies all = new Latencies();
        Map<String, java.util.concurrent.atomic.LongAdder> cpuByKind = new LinkedHashMap<>();
        mix.forEach(q -> cpuByKind.computeIfAbsent(q.kind(), k -> new java.util.concurrent.atomic.LongAdder()));
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double cpu0 = CpuClock.own();
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
                            long cpuStart = threads.getCurrentThreadCpuTime();
                            long t = System.nanoTime();
                            client.send(q);
                            long took = System.nanoTime() - t;
                            cpuByKind.get(q.kind()).add(threads.getCurrentThreadCpuTime() - cpuStart);
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
        double cpu = CpuClock.own() - cpu0;
        Map<String, Latencies.Summary> kinds = new LinkedHashMap<>();
        byKind.forEach((k, v) -> kinds.put(k, v.summary(wall)));
        Map<String, Double> cpuKinds = new LinkedHashMap<>();
        cpuByKind.forEach((k, v) -> cpuKinds.put(k, Latencies.round(v.sum() / 1e6 / Math.max(1, kinds.get(k).count()))));
        Latencies.Summary summary = all.summary(wall);
        return new Result(clients, summary, kinds, Latencies.round(cpu * 1000 / Math.max(1, summary.count())), cpuKinds);
    }
}
