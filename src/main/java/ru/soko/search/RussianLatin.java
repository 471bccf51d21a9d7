package ru.soko.search;

/**
 * The letters nearly every text here is made of, answered without the JDK's character tables, which
 * were a sixth of a rebuild's samples (docs/bench/NOTES-rebuild.md). In both alphabets a capital is
 * 0x20 below its small letter; «ё», «Ё» and everything else are left to the JDK.
 */
final class RussianLatin {

    private RussianLatin() {
    }

    /** The lower case of a basic Russian or Latin letter; -1 for any other char. */
    static int lower(char c) {
        if (c >= 'а' && c <= 'я' || c >= 'a' && c <= 'z') {
            return c;
        }
        if (c >= 'А' && c <= 'Я' || c >= 'A' && c <= 'Z') {
            return c + 0x20;
        }
        return -1;
    }
}
