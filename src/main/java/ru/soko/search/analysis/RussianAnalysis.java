package ru.soko.search.analysis;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import morfologik.stemming.Dictionary;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.CharacterUtils;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.morfologik.MorfologikFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * The analysis chains of the archive. Every chain folds «ё» into «е» before it tokenizes, so the
 * two letters are one for search whichever a text or a query uses.
 * <ul>
 *   <li>exact: words as written, lower-cased;</li>
 *   <li>lemma: dictionary lemmas (Morfologik with LanguageTool's Russian dictionary, built from AOT),
 *       Snowball stems for words the dictionary lacks, acronyms protected, stop words out;</li>
 *   <li>lemma pairs: each two neighbouring common lemmas as one term («оценка качество»), so that a
 *       phrase of common words is found by a term or two instead of the positions of every word;</li>
 *   <li>stem: Snowball stems only — the baseline the lemma chain is measured against.</li>
 * </ul>
 */
public final class RussianAnalysis {

    private static final String DICTIONARY = "org/languagetool/resource/ru/russian.dict";

    private final Dictionary dictionary;
    private final CharArraySet protectedWords;
    private final CharArraySet stopWords;
    /** The common lemmas whose neighbours form pairs ({@link #lemmaPairs}). */
    private final CharArraySet pairWords;
    /** The lemma chain {@link #pairsCover} reads a phrase with, made once: an analyzer reuses its streams per thread. */
    private final Analyzer phraseLemmas;
    /** Word form → its lemmas, shared by every lemma analyzer of this instance (all threads). */
    private final java.util.Map<String, String[]> lemmaCache = new java.util.concurrent.ConcurrentHashMap<>();

    public RussianAnalysis(CharArraySet protectedWords, CharArraySet stopWords, CharArraySet pairWords) {
        this.dictionary = loadDictionary();
        this.protectedWords = lowerCased(protectedWords);
        this.stopWords = lowerCased(stopWords);
        this.pairWords = lowerCased(pairWords);
        this.phraseLemmas = lemma();
    }

    /**
     * The same words in a set that does not fold case. Tokens reach both sets lower-cased already,
     * and a set that folds case lower-cases every token again to look it up: ≈ 4 % of indexing.
     */
    private static CharArraySet lowerCased(CharArraySet words) {
        CharArraySet lower = new CharArraySet(words.size(), false);
        for (Object word : words) {
            char[] chars = ((char[]) word).clone();
            // Code point by code point, as the lower-case filter before these sets does.
            CharacterUtils.toLowerCase(chars, 0, chars.length);
            lower.add(chars);
        }
        return CharArraySet.unmodifiableSet(lower);
    }

    /** An analyzer that reads «ё» as «е» before anything else sees the text. */
    private abstract static class YoFolding extends Analyzer {
        @Override
        protected Reader initReader(String field, Reader reader) {
            return new YoCharFilter(reader);
        }
    }

    public Analyzer exact() {
        return new YoFolding() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new LowerCaseFilter(source));
            }
        };
    }

    public Analyzer lemma() {
        return new YoFolding() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, lemmas(source));
            }
        };
    }

    /** The lemma chain after the tokenizer, shared by the lemma field and its pairs. */
    private TokenStream lemmas(Tokenizer source) {
        return new CachedLemmaFilter(beforeLemmas(source), dictionary, lemmaCache);
    }

    /** Separates the two lemmas of a pair: no token holds a space. */
    public static final char PAIR_SEPARATOR = ' ';

    /**
     * Pairs of common lemmas at neighbouring positions ({@link CommonLemmaPairsFilter}), at the
     * position of the first: the lemma chain, then the pairs.
     */
    public Analyzer lemmaPairs() {
        return new YoFolding() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new CommonLemmaPairsFilter(lemmas(source), pairWords, PAIR_SEPARATOR));
            }
        };
    }

    /**
     * The pairs of a text already run through the lemma chain: what {@link #lemmaPairs} gives, without
     * analysing the text again.
     */
    public TokenStream pairsOf(LemmaTokens lemmas) {
        return new CommonLemmaPairsFilter(lemmas.replay(), pairWords, PAIR_SEPARATOR);
    }

    /**
     * Whether a phrase is found by its lemma pairs exactly as by the positions of its lemmas: two or
     * more words at neighbouring positions (no stop word between them) and every lemma of every word
     * common. A rarer lemma among them would leave out the documents that hold it.
     */
    public boolean pairsCover(String phrase) {
        int positions = 0;
        boolean gap = false;
        boolean allCommon = true;
        try (TokenStream tokens = phraseLemmas.tokenStream("", phrase)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = tokens.addAttribute(PositionIncrementAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                int step = increment.getPositionIncrement();
                gap |= positions > 0 && step > 1;
                positions += step > 0 ? 1 : 0;
                allCommon &= pairWords.contains(term.buffer(), 0, term.length());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return allCommon && positions >= 2 && !gap;
    }

    /** The lemma chain as it was before {@link CachedLemmaFilter}: kept to prove the two agree. */
    Analyzer lemmaUncached() {
        return new YoFolding() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new MorfologikFilter(beforeLemmas(source), dictionary);
                stream = new UnknownWordStemFilter(stream);
                stream = new YoFoldFilter(stream);
                return new TokenStreamComponents(source, new RemoveDuplicatesTokenFilter(stream));
            }
        };
    }

    /** Lower case, stop words dropped, acronyms and protected words marked so no lemma replaces them. */
    private TokenStream beforeLemmas(Tokenizer source) {
        TokenStream stream = new LowerCaseFilter(source);
        stream = new StopFilter(stream, stopWords);
        return new SetKeywordMarkerFilter(stream, protectedWords);
    }

    public Analyzer stem() {
        return new YoFolding() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new LowerCaseFilter(source);
                stream = new StopFilter(stream, stopWords);
                return new TokenStreamComponents(source, new SnowballFilter(stream, new RussianStemmer()));
            }
        };
    }

    private static Dictionary loadDictionary() {
        URL url = RussianAnalysis.class.getClassLoader().getResource(DICTIONARY);
        if (url == null) {
            throw new IllegalStateException("Russian dictionary missing from the class path: " + DICTIONARY);
        }
        try {
            return Dictionary.read(url);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Russian dictionary", e);
        }
    }
}
