package ru.soko.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the header row of a sheet (title rows above it are skipped) and which column holds which
 * field, through the aliases in the registry's description, in any column order.
 */
final class Headings {

    /** How many rows from the top may hold the header (title rows above it are skipped). */
    static final int LOOK_AHEAD = 15;

    /** The header row found and the field of each recognised column. */
    record Layout(Sheet.Row header, Map<Integer, FieldSpec> columns, List<String> ignored) {
    }

    private Headings() {
    }

    static Optional<Layout> find(Sheet sheet, RegistrySpec spec) {
        Layout best = null;
        for (Sheet.Row row : sheet.rows().subList(0, Math.min(LOOK_AHEAD, sheet.rows().size()))) {
            Layout layout = match(row, spec);
            if (layout.columns().size() >= 2 && (best == null || layout.columns().size() > best.columns().size())) {
                best = layout;
            }
        }
        return Optional.ofNullable(best);
    }

    private static Layout match(Sheet.Row row, RegistrySpec spec) {
        Map<Integer, FieldSpec> columns = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        for (int c = 0; c < row.cells().size(); c++) {
            String heading = normalise(row.cell(c));
            if (heading.isEmpty() || isRowNumber(heading)) {
                continue;
            }
            Optional<FieldSpec> field = fieldFor(heading, spec);
            if (field.isPresent() && !columns.containsValue(field.get())) {
                columns.put(c, field.get());
            } else {
                ignored.add(row.cell(c));
            }
        }
        return new Layout(row, columns, ignored);
    }

    private static Optional<FieldSpec> fieldFor(String heading, RegistrySpec spec) {
        for (FieldSpec f : spec.fields()) {
            if (normalise(f.label()).equals(heading) || normalise(f.name()).equals(heading)
                    || f.aliases().stream().map(Headings::normalise).anyMatch(heading::equals)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** «№ п/п», «№», «п/п»: the row counter, not data. */
    private static boolean isRowNumber(String heading) {
        return heading.equals("№ п/п") || heading.equals("№") || heading.equals("п/п") || heading.equals("№пп");
    }

    /** Lower case, «ё» as «е», no line breaks, no trailing «:» or «*», single spaces. */
    static String normalise(String heading) {
        return heading.toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("[\\s\\u00A0]+", " ")
                .replaceAll("[:*]+$", "").strip();
    }
}
