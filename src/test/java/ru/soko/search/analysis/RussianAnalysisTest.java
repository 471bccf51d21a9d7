package ru.soko.search.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class RussianAnalysisTest {

    private static final RussianAnalysis ANALYSIS = new RussianAnalysis(
            new CharArraySet(List.of("гиа", "впр", "огэ", "егэ", "фгос", "рсоко"), true),
            new CharArraySet(List.of("и", "в", "на", "о", "об", "по", "с"), true),
            new CharArraySet(List.of("оценка", "качество", "образование", "система", "положение", "впр", "математика"), true));

    static List<String> terms(Analyzer analyzer, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        }
        return out;
    }

    private static void sameLemmas(String a, String b) throws IOException {
        List<String> la = terms(ANALYSIS.lemma(), a);
        List<String> lb = terms(ANALYSIS.lemma(), b);
        assertTrue(la.stream().anyMatch(lb::contains), a + " " + la + " vs " + b + " " + lb);
    }

    @Test
    void wordFormsMeetAtOneLemma() throws IOException {
        sameLemmas("самообследование", "самообследования");
        sameLemmas("самообследование", "самообследованию");
        sameLemmas("детей", "дети");
        sameLemmas("школами", "школа");
        sameLemmas("Чегемского", "Чегемский");
        sameLemmas("Старомайнский", "Старомайнского");
        sameLemmas("отчёт", "отчет");
    }

    @Test
    void pairsNeighbouringCommonLemmasAndNothingAcrossAStopWord() throws IOException {
        assertEquals(List.of("оценка качество", "качество образование"), terms(ANALYSIS.lemmaPairs(), "оценки качества образования"));
        assertEquals(List.of("система оценка"), terms(ANALYSIS.lemmaPairs(), "положение о системе оценки"));
        assertEquals(List.of(), terms(ANALYSIS.lemmaPairs(), "образование"));
        // «математике» has two lemmas: still no pair reaches over «по».
        assertEquals(List.of(), terms(ANALYSIS.lemmaPairs(), "ВПР по математике"));
    }

    @Test
    void aWordThatIsNotCommonBreaksThePairs() throws IOException {
        assertEquals(List.of(), terms(ANALYSIS.lemmaPairs(), "оценки региональной системы"));
        assertEquals(List.of("система оценка"), terms(ANALYSIS.lemmaPairs(), "новой системы оценки"));
    }

    @Test
    void aPairStandsAtItsFirstWordsPositionSoAPhraseOfPairsFollowsTheText() throws IOException {
        // «оценка качество» at 0, «качество образование» at 1, «система оценка» at 5 (after «и» and «новая»).
        assertEquals(List.of(1, 1, 4), increments(ANALYSIS.lemmaPairs(), "оценки качества образования и новая система оценки"));
    }

    @Test
    void pairsEveryLemmaOfAWordThatHasSeveral() throws IOException {
        List<String> lemmas = terms(ANALYSIS.lemma(), "стали");
        assertTrue(lemmas.size() > 1, lemmas.toString());
        List<String> common = new ArrayList<>(lemmas);
        common.addAll(terms(ANALYSIS.lemma(), "выше"));
        RussianAnalysis withThem = new RussianAnalysis(CharArraySet.EMPTY_SET, CharArraySet.EMPTY_SET, new CharArraySet(common, true));
        List<String> pairs = terms(withThem.lemmaPairs(), "стали выше");
        for (String lemma : lemmas) {
            assertTrue(pairs.stream().anyMatch(p -> p.startsWith(lemma + RussianAnalysis.PAIR_SEPARATOR)), lemma + " in " + pairs);
        }
        assertTrue(withThem.pairsCover("стали выше"));
    }

    @Test
    void pairsCoverAPhraseOnlyOfNeighbouringCommonWords() {
        assertTrue(ANALYSIS.pairsCover("оценки качества образования"));
        assertTrue(ANALYSIS.pairsCover("Оценка качества"));
        assertFalse(ANALYSIS.pairsCover("оценки региональной системы"), "«региональный» is not common");
        assertFalse(ANALYSIS.pairsCover("положение о системе"), "a stop word inside leaves a gap");
        assertFalse(ANALYSIS.pairsCover("образование"), "one word");
    }

    static List<Integer> increments(Analyzer analyzer, String text) throws IOException {
        List<Integer> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("f", text)) {
            org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute increment =
                    ts.addAttribute(org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(increment.getPositionIncrement());
            }
            ts.end();
        }
        return out;
    }

    @Test
    void acronymsAreKeptWhole() throws IOException {
        assertEquals(List.of("гиа", "впр", "рсоко"), terms(ANALYSIS.lemma(), "ГИА ВПР РСОКО"));
    }

    @Test
    void stopWordsAndAcronymsMatchWhateverTheCaseTheyAreListedIn() throws IOException {
        RussianAnalysis listedInCapitals = new RussianAnalysis(new CharArraySet(List.of("ВПР", "Гиа"), true),
                new CharArraySet(List.of("ОБ", "И"), true), CharArraySet.EMPTY_SET);
        assertEquals(List.of("впр", "гиа", "утверждение"), terms(listedInCapitals.lemma(), "ВПР и ГИА. Об утверждении"));
        assertEquals(List.of("утвержден"), terms(listedInCapitals.stem(), "И ОБ утверждении"));
    }

    @Test
    void yoIsFoldedEverywhere() throws IOException {
        assertEquals(terms(ANALYSIS.exact(), "отчет"), terms(ANALYSIS.exact(), "отчёт"));
        assertEquals(terms(ANALYSIS.stem(), "отчет"), terms(ANALYSIS.stem(), "отчёт"));
    }

    @Test
    void printsSomeLemmas() throws IOException {
        for (String w : List.of("самообследования", "образовательных", "стали", "Кузбасса", "Минпросвещения",
                "учебно-воспитательного", "273-ФЗ", "590/219", "24.07.2020", "педагогических работников", "гиа")) {
            System.out.println(w + " → " + terms(ANALYSIS.lemma(), w) + " / stem " + terms(ANALYSIS.stem(), w));
        }
    }
}
