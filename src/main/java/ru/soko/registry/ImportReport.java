package ru.soko.registry;

import java.util.List;

/**
 * What an import found and did. {@code written} is false when the file was refused (a bad row and
 * no {@code --skip-invalid}) or the import was a dry run.
 */
public record ImportReport(String registry, String file, int rows, int added, int updated, int unchanged,
                           int withdrawn, int restored, List<RowError> errors, List<String> warnings, boolean written) {

    /** One refused cell or row: the row number as the sheet shows it, the column heading, the reason. */
    public record RowError(int row, String column, String message) {
        public String line() {
            return "строка " + row + (column == null ? "" : ", столбец «" + column + "»") + ": " + message;
        }
    }

    public boolean refused() {
        return !errors.isEmpty() && !written && rows >= 0;
    }
}
