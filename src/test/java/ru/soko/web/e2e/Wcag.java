package ru.soko.web.e2e;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** WCAG 2 contrast of CSS colours as the browser computes them («rgb(…)» and «rgba(…)»). */
final class Wcag {

    /** The least contrast of normal-size text against its background (WCAG 2.1, 1.4.3, level AA). */
    static final double AA_TEXT = 4.5;

    private static final Pattern RGB = Pattern.compile("rgba?\\(\\s*([\\d.]+)[,\\s]+([\\d.]+)[,\\s]+([\\d.]+)(?:[,\\s/]+([\\d.]+))?\\s*\\)");

    private Wcag() {
    }

    record Rgba(double r, double g, double b, double a) {

        static Rgba parse(String css) {
            Matcher m = RGB.matcher(css);
            if (!m.find()) {
                throw new IllegalArgumentException("not an rgb() colour: " + css);
            }
            double alpha = m.group(4) == null ? 1 : Double.parseDouble(m.group(4));
            return new Rgba(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)), alpha);
        }

        /** This colour laid over an opaque {@code below}. */
        Rgba over(Rgba below) {
            return new Rgba(r * a + below.r * (1 - a), g * a + below.g * (1 - a), b * a + below.b * (1 - a), 1);
        }

        double luminance() {
            return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
        }

        private static double channel(double value) {
            double c = value / 255;
            return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
    }

    /** The contrast ratio of two opaque colours, 1 to 21. */
    static double ratio(Rgba one, Rgba other) {
        double a = one.luminance();
        double b = other.luminance();
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    /**
     * The contrast of text of colour {@code text} over the backgrounds of its element and its
     * ancestors, innermost first, as they are painted over white.
     */
    static double ratio(String text, List<String> backgroundsInnermostFirst) {
        Rgba background = new Rgba(255, 255, 255, 1);
        for (int i = backgroundsInnermostFirst.size() - 1; i >= 0; i--) {
            background = Rgba.parse(backgroundsInnermostFirst.get(i)).over(background);
        }
        return ratio(Rgba.parse(text).over(background), background);
    }
}
