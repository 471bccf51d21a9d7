package ru.soko.search.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
            new CharArraySet(List.of("и", "в", "на", "о", "об", "по", "с"), true));

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
    void acronymsAreKeptWhole() throws IOException {
        assertEquals(List.of("гиа", "впр", "рсоко"), terms(ANALYSIS.lemma(), "ГИА ВПР РСОКО"));
    }

    @Test
    void stopWordsAndAcronymsMatchWhateverTheCaseTheyAreListedIn() throws IOException {
        RussianAnalysis listedInCapitals = new RussianAnalysis(new CharArraySet(List.of("ВПР", "Гиа"), true),
                new CharArraySet(List.of("ОБ", "И"), true));
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
