package ru.soko.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;

/** The analysis chain used for documents. One place, so index and queries can never disagree. */
public final class Analyzers {

    private Analyzers() {
    }

    public static Analyzer documents() {
        return new RussianAnalyzer();
    }
}
