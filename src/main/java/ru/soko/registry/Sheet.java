package ru.soko.registry;

import java.util.List;

/** A table read from a file: rows of cell texts, each row with its number as a person sees it (1-based). */
public record Sheet(List<Row> rows) {

    public record Row(int number, List<String> cells) {

        public String cell(int column) {
            return column < cells.size() ? cells.get(column) : "";
        }

        public boolean isBlank() {
            return cells.stream().allMatch(c -> c == null || c.isBlank());
        }
    }
}
