package ru.soko.selfeval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Matches printed rows to the indicators of one list, by code and by name together: OCR may misread
 * a code («2.43») while the name still fits, and a name may be reworded while the code is right.
 * Short names repeat inside a list («Высшая», «По очной форме обучения»), so the row that follows
 * the previous match in the act's order is preferred.
 */
final class RowMatcher {

    /** How much a code that agrees counts against the name's similarity (0…1). */
    private static final double CODE_WEIGHT = 0.6;
    private static final double NEXT_IN_ORDER = 0.2;
    private static final double ALREADY_USED = 0.5;

    /** A printed row and the indicator it matched (null when none), with the score of that match. */
    record Match(PrintedRow row, IndicatorDefinition indicator, double score) {
    }

    private final IndicatorList list;
    private final List<List<Set<String>>> wordings;

    RowMatcher(IndicatorList list) {
        this.list = list;
        List<List<Set<String>>> w = new ArrayList<>();
        for (IndicatorDefinition d : list.indicators()) {
            w.add(d.wordings().stream().map(Names::stems).toList());
        }
        this.wordings = List.copyOf(w);
    }

    private static boolean sameUnit(String printed, String expected) {
        if (printed == null || expected == null) {
            return false;
        }
        return unitKey(printed).equals(unitKey(expected));
    }

    private static String unitKey(String unit) {
        return unit.toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s.]", "");
    }

    List<Match> match(List<PrintedRow> rows) {
        List<Match> out = new ArrayList<>();
        Set<Integer> used = new HashSet<>();
        int previous = -1;
        for (PrintedRow row : rows) {
            Set<String> stems = Names.stems(row.name());
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            double bestName = 0;
            boolean bestCode = false;
            boolean bestUnit = false;
            for (int i = 0; i < list.indicators().size(); i++) {
                IndicatorDefinition d = list.indicators().get(i);
                double name = 0;
                for (Set<String> w : wordings.get(i)) {
                    name = Math.max(name, Names.similarity(stems, w));
                }
                boolean code = d.code().equals(row.code());
                double score = name + (code ? CODE_WEIGHT : 0) + (i == previous + 1 ? NEXT_IN_ORDER : 0)
                        - (used.contains(i) ? ALREADY_USED : 0);
                if (score > bestScore) {
                    bestScore = score;
                    best = i;
                    bestName = name;
                    bestCode = code;
                    bestUnit = sameUnit(row.unit(), d.unit());
                }
            }
            // A scanned name can be unreadable while its code and unit are clean: code and unit together suffice.
            boolean accepted = best >= 0
                    && ((bestCode && (bestName >= 0.15 || stems.isEmpty() || bestUnit)) || bestName >= 0.5);
            if (accepted) {
                used.add(best);
                previous = best;
                out.add(new Match(row, list.indicators().get(best), bestScore));
            } else {
                out.add(new Match(row, null, 0));
            }
        }
        return out;
    }
}
