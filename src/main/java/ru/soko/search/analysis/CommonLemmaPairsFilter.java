package ru.soko.search.analysis;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.ArrayUtil;

/**
 * Turns a stream of lemmas into pairs of lemmas at neighbouring positions, at the position of the
 * first, every combination where a word has several lemmas, and only where both lemmas are common
 * words ({@code index-config/pair-words.txt}). A phrase of rare words is cheap to find by positions;
 * the pairs are for the words that occur in most documents, where reading positions is dear. Pairs
 * never reach across a gap (a stop word dropped) or across a word that is not common, as positions
 * are followed rather than the order of tokens. Buffers are reused, as a document yields some two
 * hundred pairs. Not Lucene's {@code FixedShingleFilter} (round 8's pairs): across the gap of a
 * dropped stop word it paired the words on either side when the next word had two lemmas, and
 * dropping its filler pairs afterwards cost more than making them (docs/bench/NOTES-phrases.md).
 */
final class CommonLemmaPairsFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final CharArraySet common;
    private final char separator;

    private Word previous = new Word();
    private Word current = new Word();
    private final Pairs pairs = new Pairs();
    private int position;
    private int lastEmitted;
    private boolean exhausted;

    CommonLemmaPairsFilter(TokenStream input, CharArraySet common, char separator) {
        super(input);
        this.common = common;
        this.separator = separator;
    }

    @Override
    public boolean incrementToken() throws IOException {
        while (pairs.next == pairs.count) {
            if (exhausted) {
                return false;
            }
            read();
        }
        clearAttributes();
        pairs.copyTo(term);
        increment.setPositionIncrement(pairs.position - lastEmitted);
        offset.setOffset(pairs.start, pairs.end);
        lastEmitted = pairs.position;
        return true;
    }

    private void read() throws IOException {
        if (!input.incrementToken()) {
            exhausted = true;
            closeWord();
            return;
        }
        int step = increment.getPositionIncrement();
        if (step > 0 || !current.started) {
            closeWord();
            position += step;
            current.start(position, offset.startOffset(), offset.endOffset());
        }
        current.end = Math.max(current.end, offset.endOffset());
        if (common.contains(term.buffer(), 0, term.length())) {
            current.add(term.buffer(), term.length());
        }
    }

    /** The word at the current position is whole: pair it with the one just before it. */
    private void closeWord() {
        if (!current.started) {
            return;
        }
        pairs.clear();
        if (previous.started && previous.position + 1 == current.position) {
            pairs.position = previous.position;
            pairs.start = previous.start;
            pairs.end = current.end;
            for (int i = 0; i < previous.count; i++) {
                for (int j = 0; j < current.count; j++) {
                    pairs.add(previous, i, separator, current, j);
                }
            }
        }
        Word done = previous;
        previous = current;
        current = done;
        current.started = false;
    }

    @Override
    public void end() throws IOException {
        super.end();
        // Past the last pair, not past the last word: the pairs stand at their first word's position.
        increment.setPositionIncrement(0);
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pairs.clear();
        previous.started = false;
        current.started = false;
        position = -1;
        lastEmitted = -1;
        exhausted = false;
    }

    /** The common lemmas of one position, and where the word stands in the text. */
    private static final class Word {
        boolean started;
        int position;
        int start;
        int end;
        char[][] lemmas = new char[4][];
        int[] lengths = new int[4];
        int count;

        void start(int position, int start, int end) {
            this.started = true;
            this.position = position;
            this.start = start;
            this.end = end;
            this.count = 0;
        }

        void add(char[] chars, int length) {
            for (int i = 0; i < count; i++) {
                if (Arrays.equals(lemmas[i], 0, lengths[i], chars, 0, length)) {
                    return;
                }
            }
            if (count == lemmas.length) {
                lemmas = Arrays.copyOf(lemmas, count * 2);
                lengths = Arrays.copyOf(lengths, count * 2);
            }
            if (lemmas[count] == null || lemmas[count].length < length) {
                lemmas[count] = new char[ArrayUtil.oversize(length, Character.BYTES)];
            }
            System.arraycopy(chars, 0, lemmas[count], 0, length);
            lengths[count++] = length;
        }
    }

    /** The pairs of one boundary between words, all at one position, written one after another. */
    private static final class Pairs {
        char[] chars = new char[64];
        int[] ends = new int[4];
        int count;
        int next;
        int position;
        int start;
        int end;

        void clear() {
            count = 0;
            next = 0;
        }

        void add(Word first, int i, char separator, Word second, int j) {
            int from = count == 0 ? 0 : ends[count - 1];
            int length = first.lengths[i] + 1 + second.lengths[j];
            chars = ArrayUtil.grow(chars, from + length);
            System.arraycopy(first.lemmas[i], 0, chars, from, first.lengths[i]);
            chars[from + first.lengths[i]] = separator;
            System.arraycopy(second.lemmas[j], 0, chars, from + first.lengths[i] + 1, second.lengths[j]);
            ends = ArrayUtil.grow(ends, count + 1);
            ends[count++] = from + length;
        }

        void copyTo(CharTermAttribute term) {
            int from = next == 0 ? 0 : ends[next - 1];
            term.copyBuffer(chars, from, ends[next] - from);
            next++;
        }
    }
}
