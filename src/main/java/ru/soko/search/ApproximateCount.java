package ru.soko.search;

/**
 * How an estimated count reads: two significant digits and thousands apart («470 000»), since the
 * further digits of an estimate from a sample would claim a precision it does not have.
 */
public final class ApproximateCount {

    private ApproximateCount() {
    }

    public static String of(long count) {
        long unit = 1;
        while (count / unit >= 100) {
            unit *= 10;
        }
        return grouped(Math.round(count / (double) unit) * unit);
    }

    private static String grouped(long value) {
        String digits = Long.toString(value);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append('\u00a0');
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }
}
