package ru.soko.selfeval;

/**
 * A value cell read from text: the figures and the text as printed.
 *
 * @param value   the main number, or null
 * @param percent the share of a «человек/%» cell, or null
 * @param text    the cell as printed (trimmed); empty for an empty cell
 */
record Cell(Double value, Double percent, String text) {

    static final Cell EMPTY = new Cell(null, null, "");
}
