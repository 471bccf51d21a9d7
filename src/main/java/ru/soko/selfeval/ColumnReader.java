package ru.soko.selfeval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a table that OCR gave column by column: all codes, then all names, then all units, then all
 * values of a page, each column with gaps where a cell was not recognised. Rows can then only be
 * rebuilt by aligning the value column with the act's list: a value goes to a row whose unit it
 * fits («3/11,1» to a «человек/%» row, «нет» to a «да/нет» row), in order, and values printed on
 * consecutive lines (no blank line between) stand in consecutive rows. A «человек/%» pair also tells
 * its population (3 of 11,1 % is 27 people): pairs of the same population belong to rows that share a
 * base, which keeps a pair of the students' share off a teachers' row and back. What cannot be told
 * apart this way is placed as early as the order allows.
 */
final class ColumnReader {

    private static final Pattern CODE_ONLY = Pattern.compile("^[0-9ОOЗ]{1,2}(?:\\.[0-9ОOЗ]{1,3}){1,2}\\.?$");
    private static final double SKIP_VALUE = 1.0;
    private static final double NOT_ADJACENT = 0.6;
    private static final double WRONG_POPULATION = 0.8;
    private static final double EARLY = 0.001;

    /** A line of the value column and whether the line right above it was a value too. */
    record ValueLine(String cell, int line, boolean follows) {
    }

    private ColumnReader() {
    }

    /** Columns are recognisable by units standing under each other: three pairs of unit lines in a row. */
    static boolean isColumnar(List<TextLine> pieces) {
        int pairs = 0;
        String previous = null;
        for (TextLine p : pieces) {
            if (p.text().isEmpty()) {
                continue;
            }
            boolean unit = isUnitLine(p.text());
            if (unit && previous != null && isUnitLine(previous)) {
                pairs++;
            }
            previous = p.text();
        }
        return pairs >= 3;
    }

    private static boolean isUnitLine(String text) {
        var m = Cells.UNIT.matcher(text);
        return m.matches();
    }

    static List<ValueLine> values(List<TextLine> pieces) {
        List<ValueLine> out = new ArrayList<>();
        int lastValueLine = -10;
        for (TextLine p : pieces) {
            if (p.text().isEmpty() || CODE_ONLY.matcher(p.text()).matches() || !Cells.isValue(p.text())) {
                continue;
            }
            out.add(new ValueLine(p.text(), p.line(), p.line() == lastValueLine + 1));
            lastValueLine = p.line();
        }
        return out;
    }

    /** The value lines aligned with the rows of the list; rows that got no value are left out. */
    static List<IndicatorValue> read(List<TextLine> pieces, IndicatorList list) {
        List<IndicatorDefinition> rows = list.indicators().stream().filter(d -> !d.heading()).toList();
        List<ValueLine> values = values(pieces);
        int[] second = null;
        double bestCost = Double.POSITIVE_INFINITY;
        List<Double> clusters = clusters(values);
        for (Map<String, Double> bases : assignments(rows, clusters)) {
            Alignment a = align(values, rows, bases, clusters);
            // on equal cost the assignment that explains more pairs wins (it comes later in the list)
            if (a.cost() <= bestCost + 1e-9) {
                bestCost = a.cost();
                second = a.rows();
            }
        }
        List<IndicatorValue> out = new ArrayList<>();
        for (int v = 0; v < values.size(); v++) {
            if (second[v] < 0) {
                continue;
            }
            IndicatorDefinition d = rows.get(second[v]);
            Cell cell = Cells.parse(values.get(v).cell(), d.unit());
            out.add(new IndicatorValue(d.code(), d.name(), d.unit(), cell.value(), cell.percent(), cell.text(), true,
                    values.get(v).line()));
        }
        return out;
    }

    /** The population a pair stands for (count × 100 / percent), or null when the percent is 0 or absent. */
    private static Double population(String cell) {
        Cell c = Cells.parse(cell, "человек/%");
        if (c.value() == null || c.percent() == null || c.percent() <= 0) {
            return null;
        }
        return c.value() * 100 / c.percent();
    }

    private static boolean same(double population, double base, double percent) {
        // a percent printed to one decimal place leaves the population this uncertain
        double tolerance = base * 0.06 / Math.max(percent, 0.1) + 1;
        return Math.abs(population - base) <= tolerance;
    }

    /**
     * Populations the pairs of the column agree on: groups of at least two pairs whose count ×
     * 100 / percent is the same number of people (within rounding). One of them is likely all
     * students, another all teachers.
     */
    static List<Double> clusters(List<ValueLine> values) {
        List<Double> pops = new ArrayList<>();
        for (ValueLine v : values) {
            Double p = population(v.cell());
            if (p != null) {
                pops.add(p);
            }
        }
        List<Double> out = new ArrayList<>();
        List<Double> left = new ArrayList<>(pops);
        while (!left.isEmpty()) {
            double best = 0;
            int bestCount = 0;
            for (double candidate : left) {
                int count = (int) left.stream().filter(p -> near(p, candidate)).count();
                if (count > bestCount) {
                    bestCount = count;
                    best = candidate;
                }
            }
            if (bestCount < 2) {
                break;
            }
            double centre = best;
            out.add(centre);
            left.removeIf(p -> near(p, centre));
        }
        return out;
    }

    private static boolean near(double a, double b) {
        return Math.abs(a - b) <= Math.max(a, b) * 0.03 + 0.6;
    }

    /**
     * Every way to give the base rows of the list distinct populations from the clusters (or none):
     * the alignment then tries each and keeps the cheapest, so which population is whose is decided
     * by how well the whole column fits, not guessed.
     */
    static List<Map<String, Double>> assignments(List<IndicatorDefinition> rows, List<Double> clusters) {
        List<String> bases = rows.stream().map(IndicatorDefinition::base).filter(java.util.Objects::nonNull)
                .distinct().toList();
        List<Map<String, Double>> out = new ArrayList<>();
        out.add(Map.of());
        for (String base : bases) {
            List<Map<String, Double>> next = new ArrayList<>();
            for (Map<String, Double> partial : out) {
                next.add(partial);
                for (double c : clusters) {
                    if (!partial.containsValue(c)) {
                        Map<String, Double> m = new HashMap<>(partial);
                        m.put(base, c);
                        next.add(Map.copyOf(m));
                    }
                }
            }
            out = next;
        }
        return out;
    }

    /**
     * What it costs to put a pair on a row given which population each base row stands for: a pair
     * of another population than its row's base, a pair of a known population on a row of another
     * base or of none, or a pair of a recurring population left unexplained on a base row.
     */
    private static double populationCost(String cell, IndicatorDefinition row, Map<String, Double> bases,
                                         List<Double> clusters) {
        Double p = population(cell);
        if (p == null) {
            return 0;
        }
        double percent = Cells.parse(cell, "человек/%").percent();
        if (row.base() != null && bases.containsKey(row.base())) {
            return same(p, bases.get(row.base()), percent) ? 0 : WRONG_POPULATION;
        }
        for (double c : bases.values()) {
            if (same(p, c, percent)) {
                return WRONG_POPULATION;
            }
        }
        if (row.base() != null) {
            for (double c : clusters) {
                if (same(p, c, percent)) {
                    return WRONG_POPULATION / 2;
                }
            }
        }
        return 0;
    }

    /** Where each value went (row index or -1) and what the placement cost. */
    record Alignment(int[] rows, double cost) {
    }

    static Alignment align(List<ValueLine> values, List<IndicatorDefinition> rows, Map<String, Double> bases,
                           List<Double> clusters) {
        int n = values.size();
        int r = rows.size();
        // state k: 0 = nothing placed yet, k = row index + 1 of the last placed value
        double[][][] cost = new double[n + 1][r + 1][2];
        int[][][] from = new int[n + 1][r + 1][2];
        for (double[][] a : cost) {
            for (double[] b : a) {
                java.util.Arrays.fill(b, Double.POSITIVE_INFINITY);
            }
        }
        cost[0][0][0] = 0;
        for (int v = 0; v < n; v++) {
            ValueLine value = values.get(v);
            for (int k = 0; k <= r; k++) {
                for (int placed = 0; placed < 2; placed++) {
                    double c = cost[v][k][placed];
                    if (c == Double.POSITIVE_INFINITY) {
                        continue;
                    }
                    // skip this value
                    relax(cost, from, v + 1, k, 0, c + SKIP_VALUE, k * 2 + placed);
                    for (int j = k; j < r; j++) { // row index j > last row (k - 1)
                        IndicatorDefinition row = rows.get(j);
                        if (!Cells.fits(value.cell(), row.unit())) {
                            continue;
                        }
                        double step = EARLY * j + populationCost(value.cell(), row, bases, clusters);
                        if (value.follows() && placed == 1 && j != k) {
                            step += NOT_ADJACENT;
                        }
                        relax(cost, from, v + 1, j + 1, 1, c + step, k * 2 + placed);
                    }
                }
            }
        }
        int bestK = 0;
        int bestPlaced = 0;
        for (int k = 0; k <= r; k++) {
            for (int placed = 0; placed < 2; placed++) {
                if (cost[n][k][placed] < cost[n][bestK][bestPlaced]) {
                    bestK = k;
                    bestPlaced = placed;
                }
            }
        }
        int[] at = new int[n];
        int k = bestK;
        int placed = bestPlaced;
        for (int v = n; v > 0; v--) {
            at[v - 1] = placed == 1 ? k - 1 : -1;
            int prev = from[v][k][placed];
            k = prev / 2;
            placed = prev % 2;
        }
        return new Alignment(at, cost[n][bestK][bestPlaced]);
    }

    private static void relax(double[][][] cost, int[][][] from, int v, int k, int placed, double c, int prev) {
        if (c < cost[v][k][placed]) {
            cost[v][k][placed] = c;
            from[v][k][placed] = prev;
        }
    }
}
