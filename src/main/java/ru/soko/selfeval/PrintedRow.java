package ru.soko.selfeval;

/**
 * A table row as printed, before it is matched to the act: the code, name, unit and value cell
 * the text gives (any may be missing) and the line it was read on.
 */
record PrintedRow(String code, String name, String unit, String cell, int line) {
}
