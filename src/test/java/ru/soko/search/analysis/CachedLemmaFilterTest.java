package ru.soko.search.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

class CachedLemmaFilterTest {

    private static final RussianAnalysis ANALYSIS = new RussianAnalysis(
            new CharArraySet(List.of("гиа", "впр", "огэ", "егэ", "фгос", "рсоко"), true),
            new CharArraySet(List.of("и", "в", "на", "о", "об", "по", "с"), true), CharArraySet.EMPTY_SET);

    private static final String TEXT = """
            МИНИСТЕРСТВО ОБРАЗОВАНИЯ КУЗБАССА. ПРИКАЗ от 15.12.2022 № 2830. Об утверждении Положения о
            региональной системе оценки качества образования (РСОКО). Стали проводить ВПР и ГИА, ОГЭ и ЕГЭ;
            самообследование, самообследования, самообследованию; Чегемского района, Старомайнский район.
            Ёлки и елки, учебно-воспитательной работы, метапредметных результатов, цифровизация, PISA-2018,
            ФГОС НОО, 273-ФЗ, тьютор, компетенция, стали сталью, мыла мыло, печь печи, Минпросвещения России.
            """;

    /** Term, position increment and offsets of every token. */
    private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term + "/" + inc.getPositionIncrement() + "/" + offset.startOffset() + "-" + offset.endOffset());
            }
            ts.end();
        }
        return out;
    }

    @Test
    void cachedChainGivesTheSameTokensAsTheDictionaryChainItReplaces() throws IOException {
        Analyzer cached = ANALYSIS.lemma();
        Analyzer reference = ANALYSIS.lemmaUncached();
        List<String> expected = tokens(reference, TEXT);
        assertEquals(expected, tokens(cached, TEXT), "first pass fills the cache");
        assertEquals(expected, tokens(cached, TEXT), "second pass reads from it");
    }
}
