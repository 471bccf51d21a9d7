package ru.soko.selfeval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The geometry of a small line chart of one indicator over the years: a point per year on record,
 * the line broken where a year is missing. The page draws it as inline SVG from a template, so every
 * text goes through the template's escaping and no script or external library is needed.
 */
public record SvgChart(String title, int width, int height, int axisY, int left, int right, String maxLabel,
                       String minLabel, List<Point> points, List<Gap> gaps, List<YearLabel> years, String path,
                       int labelX, int topY) {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 260;
    private static final int LEFT = 60;
    private static final int RIGHT = 620;
    private static final int TOP = 20;
    private static final int BOTTOM = 220;

    public record Point(String x, String y, String labelY, String label) {
    }

    public record Gap(String x) {
    }

    public record YearLabel(String x, int year) {
    }

    public static SvgChart of(SchoolHistory.Indicator indicator, List<Integer> years, boolean percent) {
        List<Double> values = new ArrayList<>();
        for (int y : years) {
            SchoolHistory.YearValue v = indicator.values().get(Integer.toString(y));
            values.add(v == null ? null : percent ? v.percent() : v.value());
        }
        double top = values.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).max().orElse(1);
        double bottom = values.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).min().orElse(0);
        // The axis spans the figures with a margin, not from zero: a change of 2 % must be visible.
        double margin = top == bottom ? Math.max(1, Math.abs(top) * 0.1) : (top - bottom) * 0.15;
        double max = top + margin;
        double min = Math.max(bottom >= 0 ? 0 : Double.NEGATIVE_INFINITY, bottom - margin);
        List<Point> points = new ArrayList<>();
        List<Gap> gaps = new ArrayList<>();
        List<YearLabel> labels = new ArrayList<>();
        StringBuilder path = new StringBuilder();
        boolean pen = false;
        for (int i = 0; i < years.size(); i++) {
            double x = years.size() == 1 ? (LEFT + RIGHT) / 2.0 : LEFT + i * (RIGHT - LEFT) / (double) (years.size() - 1);
            labels.add(new YearLabel(fmt(x), years.get(i)));
            Double v = values.get(i);
            if (v == null) {
                gaps.add(new Gap(fmt(x)));
                pen = false;
                continue;
            }
            double y = BOTTOM - (v - min) / (max - min) * (BOTTOM - TOP);
            points.add(new Point(fmt(x), fmt(y), fmt(y - 8), number(v)));
            path.append(pen ? " L" : " M").append(fmt(x)).append(' ').append(fmt(y));
            pen = true;
        }
        String title = indicator.code() + " " + (indicator.name() == null ? "" : indicator.name()) + (percent ? ", %" : "");
        return new SvgChart(title, WIDTH, HEIGHT, BOTTOM, LEFT, RIGHT, number(max), number(min), points, gaps, labels,
                path.toString().strip(), LEFT - 8, TOP + 4);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String number(double v) {
        double rounded = Math.round(v * 10) / 10.0;
        return rounded == Math.rint(rounded) ? Long.toString((long) rounded) : String.format(Locale.ROOT, "%.1f", rounded).replace('.', ',');
    }
}
