package ru.soko.search.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * Lemmas of a word as {@code MorfologikFilter → UnknownWordStemFilter → YoFoldFilter →
 * RemoveDuplicatesTokenFilter} emit them (every lemma at the word's position; the Snowball stem for
 * a Cyrillic word the dictionary does not know or gives no tag for; «ё» folded; repeats dropped),
 * remembered per word form. A collection repeats a small vocabulary endlessly, and the dictionary
 * lookup with the splitting of its tags was about a fifth of indexing time (docs/BENCHMARKS.md).
 */
final class CachedLemmaFilter extends TokenFilter {

    /** Past this many word forms the cache starts afresh: memory stays bounded on any collection. */
    static final int MAX_FORMS = 300_000;

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final Map<String, String[]> cache;
    private final DictionaryLookup lookup;
    private final RussianStemmer stemmer = new RussianStemmer();
    private String[] pending;
    private int next;
    private State current;

    CachedLemmaFilter(TokenStream input, Dictionary dictionary, Map<String, String[]> cache) {
        super(input);
        this.lookup = new DictionaryLookup(dictionary);
        this.cache = cache;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (pending != null && next < pending.length) {
            restoreState(current);
            position.setPositionIncrement(0);
            term.setEmpty().append(pending[next++]);
            return true;
        }
        pending = null;
        if (!input.incrementToken()) {
            return false;
        }
        if (keyword.isKeyword()) {
            return true;
        }
        String form = term.toString();
        String[] lemmas = cache.get(form);
        if (lemmas == null) {
            lemmas = lemmasOf(form);
            if (cache.size() >= MAX_FORMS) {
                cache.clear();
            }
            cache.put(form, lemmas);
        }
        term.setEmpty().append(lemmas[0]);
        if (lemmas.length > 1) {
            current = captureState();
            pending = lemmas;
            next = 1;
        }
        return true;
    }

    private String[] lemmasOf(String form) {
        List<String> out = new ArrayList<>(2);
        List<WordData> found = lookup.lookup(form);
        if (found.isEmpty()) {
            out.add(fold(stemIfCyrillic(form)));
        }
        for (WordData w : found) {
            String lemma = w.getStem().toString();
            String folded = fold(w.getTag() == null ? stemIfCyrillic(lemma) : lemma);
            if (!out.contains(folded)) {
                out.add(folded);
            }
        }
        return out.toArray(String[]::new);
    }

    private String stemIfCyrillic(String word) {
        if (word.isEmpty()) {
            return word;
        }
        for (int i = 0; i < word.length(); i++) {
            if (Character.UnicodeBlock.of(word.charAt(i)) != Character.UnicodeBlock.CYRILLIC) {
                return word;
            }
        }
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
    }

    private static String fold(String s) {
        return s.replace('ё', 'е');
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending = null;
        next = 0;
        current = null;
    }
}
