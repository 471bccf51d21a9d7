package ru.soko.search.analysis;

import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.CharFilter;

/**
 * Reads «ё» as «е» and «Ё» as «Е» before tokenizing. One character for one, so offsets need no
 * correction: the same output as a {@code MappingCharFilter} with those two mappings, whose map
 * lookup for every character of every analysed field was a few per cent of indexing.
 */
final class YoCharFilter extends CharFilter {

    YoCharFilter(Reader input) {
        super(input);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int read = input.read(buffer, offset, length);
        for (int i = offset; i < offset + read; i++) {
            char c = buffer[i];
            if (c == 'ё') {
                buffer[i] = 'е';
            } else if (c == 'Ё') {
                buffer[i] = 'Е';
            }
        }
        return read;
    }

    @Override
    protected int correct(int currentOff) {
        return currentOff;
    }
}
