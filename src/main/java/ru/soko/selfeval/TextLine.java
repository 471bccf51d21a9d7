package ru.soko.selfeval;

/** A piece of the text between tabs on one line, squeezed, with its 1-based line number. */
record TextLine(String text, int line) {
}
