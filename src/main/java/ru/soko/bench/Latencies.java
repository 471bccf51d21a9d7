package ru.soko.bench;

import java.util.Arrays;

/** Latencies of one measured series, in microseconds, and their percentiles. */
final class Latencies {

    /** Percentiles in milliseconds, for the report. */
    record Summary(int count, double p50, double p95, double p99, double max, double mean, double perSecond) {
    }

    private long[] micros = new long[1024];
    private int count;

    synchronized void add(long nanos) {
        if (count == micros.length) {
            micros = Arrays.copyOf(micros, count * 2);
        }
        micros[count++] = nanos / 1000;
    }

    synchronized void addAll(Latencies other) {
        for (int i = 0; i < other.count; i++) {
            add(other.micros[i] * 1000);
        }
    }

    synchronized Summary summary(double wallSeconds) {
        if (count == 0) {
            return new Summary(0, 0, 0, 0, 0, 0, 0);
        }
        long[] sorted = Arrays.copyOf(micros, count);
        Arrays.sort(sorted);
        double sum = 0;
        for (long v : sorted) {
            sum += v;
        }
        return new Summary(count, ms(percentile(sorted, 50)), ms(percentile(sorted, 95)), ms(percentile(sorted, 99)),
                ms(sorted[count - 1]), round(sum / count / 1000), wallSeconds > 0 ? round(count / wallSeconds) : 0);
    }

    /** Nearest-rank percentile. */
    private static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double ms(long micros) {
        return round(micros / 1000.0);
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
