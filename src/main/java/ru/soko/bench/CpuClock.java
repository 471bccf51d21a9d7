package ru.soko.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * CPU time used by this JVM and by its child processes (the parse worker), so an ingest rate can be
 * given per core actually used rather than per wall-clock second on a shared machine.
 */
final class CpuClock {

    private CpuClock() {
    }

    /** CPU seconds of this process. */
    static double own() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    /** CPU seconds of the living child processes (read before they are stopped). */
    static double children() {
        return ProcessHandle.current().descendants()
                .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                .mapToDouble(d -> d.toNanos() / 1e9).sum();
    }
}
