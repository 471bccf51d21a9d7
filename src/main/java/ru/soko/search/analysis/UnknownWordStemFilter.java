package ru.soko.search.analysis;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.morfologik.MorphosyntacticTagsAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * Stems the words the dictionary does not know (домain words such as «самообследование», place
 * names such as «Чегемского»), so that their other forms still meet. Words the dictionary knows keep
 * their lemma; protected words (acronyms) stay as they are.
 */
final class UnknownWordStemFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
    private final MorphosyntacticTagsAttribute tags = addAttribute(MorphosyntacticTagsAttribute.class);
    private final RussianStemmer stemmer = new RussianStemmer();

    UnknownWordStemFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        List<StringBuilder> found = tags.getTags();
        if (!keyword.isKeyword() && (found == null || found.isEmpty()) && isCyrillicWord()) {
            stemmer.setCurrent(term.buffer(), term.length());
            stemmer.stem();
            term.copyBuffer(stemmer.getCurrentBuffer(), 0, stemmer.getCurrentBufferLength());
        }
        return true;
    }

    private boolean isCyrillicWord() {
        for (int i = 0; i < term.length(); i++) {
            if (Character.UnicodeBlock.of(term.charAt(i)) != Character.UnicodeBlock.CYRILLIC) {
                return false;
            }
        }
        return term.length() > 0;
    }
}
