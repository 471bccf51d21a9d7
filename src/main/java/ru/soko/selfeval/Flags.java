package ru.soko.selfeval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Figures that look wrong to an auditor: a share above 100 %, a count that jumps by more than a
 * factor from one year to the next, and a count/share pair that disagrees with its base (the row
 * whose count is 100 %, as {@code indicators.json} names it: all students for 1.5, all teachers for 1.29…).
 */
final class Flags {

    private static final double TOLERANCE_POINTS = 1.5;

    private Flags() {
    }

    static List<SchoolHistory.Flag> find(List<StoredValue> values, double jumpFactor) {
        List<SchoolHistory.Flag> flags = new ArrayList<>();
        for (StoredValue v : values) {
            if (v.percent() != null && v.percent() > 100) {
                flags.add(new SchoolHistory.Flag(v.year(), v.code(), "share-over-100",
                        String.format(Locale.ROOT, "%d, %s: доля %.1f%% больше 100%%", v.year(), v.code(), v.percent())));
            }
        }
        flags.addAll(jumps(values, jumpFactor));
        flags.addAll(inconsistent(values));
        return flags;
    }

    private static List<SchoolHistory.Flag> jumps(List<StoredValue> values, double factor) {
        Map<String, List<StoredValue>> byCode = new LinkedHashMap<>();
        values.forEach(v -> byCode.computeIfAbsent(v.code(), k -> new ArrayList<>()).add(v));
        List<SchoolHistory.Flag> flags = new ArrayList<>();
        for (List<StoredValue> series : byCode.values()) {
            series.sort(Comparator.comparingInt(StoredValue::year));
            for (int i = 1; i < series.size(); i++) {
                StoredValue a = series.get(i - 1);
                StoredValue b = series.get(i);
                if (isCount(b) && a.value() != null && b.value() != null && a.value() > 0 && b.value() > 0
                        && Math.max(a.value(), b.value()) / Math.min(a.value(), b.value()) > factor) {
                    flags.add(new SchoolHistory.Flag(b.year(), b.code(), "jump", String.format(Locale.ROOT,
                            "%d, %s: %s → %s, изменение больше чем в %.0f раза", b.year(), b.code(),
                            number(a.value()), number(b.value()), factor)));
                }
            }
        }
        return flags;
    }

    private static List<SchoolHistory.Flag> inconsistent(List<StoredValue> values) {
        List<SchoolHistory.Flag> flags = new ArrayList<>();
        Map<String, StoredValue> byYearAndCode = new LinkedHashMap<>();
        values.forEach(v -> byYearAndCode.put(v.year() + "|" + v.code(), v));
        for (StoredValue v : values) {
            StoredValue total = v.base() == null ? null : byYearAndCode.get(v.year() + "|" + v.base());
            if (total == null || total.value() == null || total.value() <= 0 || v.value() == null || v.percent() == null
                    || v.percent() > 100) {
                continue;
            }
            double expected = v.value() / total.value() * 100;
            if (Math.abs(expected - v.percent()) > TOLERANCE_POINTS) {
                flags.add(new SchoolHistory.Flag(v.year(), v.code(), "inconsistent", String.format(Locale.ROOT,
                        "%d, %s: %s из %s (%s) — это %.1f%%, а указано %.1f%%", v.year(), v.code(), number(v.value()),
                        number(total.value()), total.code(), expected, v.percent())));
            }
        }
        return flags;
    }

    private static boolean isCount(StoredValue v) {
        return v.unit() != null && v.unit().toLowerCase(Locale.ROOT).startsWith("человек");
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
