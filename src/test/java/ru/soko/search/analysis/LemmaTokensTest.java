package ru.soko.search.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

class LemmaTokensTest {

    private static final RussianAnalysis ANALYSIS = new RussianAnalysis(
            new CharArraySet(List.of("впр", "рсоко"), true),
            new CharArraySet(List.of("и", "в", "о", "по", "с"), true),
            new CharArraySet(List.of("оценка", "качество", "образование", "система", "сталь", "стать", "результат"), true));

    /** Stop words inside and at the end, «ё», a word of several lemmas, an acronym, a word the dictionary lacks. */
    private static final String TEXT = "Положение о системе оценки качества образования (РСОКО). Стали известны "
            + "результаты ВПР по математике; отчёт о самообследовании флорбольного клуба и";

    @Test
    void replayGivesTheTokensOfTheAnalysisItKept() throws IOException {
        List<String> direct = tokens(ANALYSIS.lemma().tokenStream("f", TEXT));
        List<String> replayed = tokens(LemmaTokens.of(ANALYSIS.lemma(), "f", TEXT).replay());
        assertTrue(direct.size() > 12, direct.toString());
        assertEquals(direct, replayed);
    }

    @Test
    void eachReplayStartsFromTheFirstToken() throws IOException {
        LemmaTokens kept = LemmaTokens.of(ANALYSIS.lemma(), "f", TEXT);
        assertEquals(tokens(kept.replay()), tokens(kept.replay()));
    }

    @Test
    void pairsOfKeptLemmasAreThePairsOfTheText() throws IOException {
        List<String> direct = tokens(ANALYSIS.lemmaPairs().tokenStream("f", TEXT));
        assertTrue(direct.stream().anyMatch(t -> t.startsWith("оценка качество")), direct.toString());
        assertEquals(direct, tokens(ANALYSIS.pairsOf(LemmaTokens.of(ANALYSIS.lemma(), "f", TEXT))));
    }

    /** Each token as «term +increment start-end», then the stream's end state. */
    private static List<String> tokens(TokenStream stream) throws IOException {
        List<String> out = new ArrayList<>();
        try (stream) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term + " +" + increment.getPositionIncrement() + " " + offset.startOffset() + "-" + offset.endOffset());
            }
            stream.end();
            out.add("end +" + increment.getPositionIncrement() + " " + offset.endOffset());
        }
        return out;
    }
}
