package ru.soko.search.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.ArrayUtil;

/**
 * The tokens of one analysis of a text, kept so that two fields can read them: the lemma field and
 * the lemma pairs made from it. Analysing the text a second time for the pairs was most of their
 * analysis cost (docs/bench/NOTES-pairs.md). Term, position increment and offsets are kept; other
 * attributes are not, as neither field indexes them. Lucene's {@code TeeSinkTokenFilter} does the
 * same by capturing every attribute of every token: in its place a 10k reindex took 7 % more CPU
 * (three alternating runs each, round 11), with the rebuild's margin over its goal at 7 %.
 */
public final class LemmaTokens {

    private char[] chars = new char[256];
    private int[] termEnds = new int[32];
    private int[] increments = new int[32];
    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private int count;
    private int finalOffset;
    private int finalIncrement;

    private LemmaTokens() {
    }

    /** Runs {@code analyzer} over {@code text} once, as it would for {@code field}. */
    public static LemmaTokens of(Analyzer analyzer, String field, String text) {
        LemmaTokens tokens = new LemmaTokens();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term, increment.getPositionIncrement(), offset.startOffset(), offset.endOffset());
            }
            stream.end();
            tokens.finalOffset = offset.endOffset();
            tokens.finalIncrement = increment.getPositionIncrement();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse a text held in memory", e);
        }
        return tokens;
    }

    private void add(CharTermAttribute term, int increment, int start, int end) {
        int from = count == 0 ? 0 : termEnds[count - 1];
        chars = ArrayUtil.grow(chars, from + term.length());
        System.arraycopy(term.buffer(), 0, chars, from, term.length());
        if (count == termEnds.length) {
            int size = ArrayUtil.oversize(count + 1, Integer.BYTES);
            termEnds = Arrays.copyOf(termEnds, size);
            increments = Arrays.copyOf(increments, size);
            starts = Arrays.copyOf(starts, size);
            ends = Arrays.copyOf(ends, size);
        }
        termEnds[count] = from + term.length();
        increments[count] = increment;
        starts[count] = start;
        ends[count] = end;
        count++;
    }

    /** A new stream over the kept tokens; each may be read once, as a field reads its stream. */
    public TokenStream replay() {
        return new Replay();
    }

    private final class Replay extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private int next;

        @Override
        public boolean incrementToken() {
            if (next == count) {
                return false;
            }
            clearAttributes();
            int from = next == 0 ? 0 : termEnds[next - 1];
            term.copyBuffer(chars, from, termEnds[next] - from);
            increment.setPositionIncrement(increments[next]);
            offset.setOffset(starts[next], ends[next]);
            next++;
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            offset.setOffset(finalOffset, finalOffset);
            increment.setPositionIncrement(finalIncrement);
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
        }
    }
}
