package ru.soko.search;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import ru.soko.testing.SampleArchive;
import ru.soko.util.Json;

/** What the tests of the search paths run: the relevance suite's queries and a few broad ones, over an index of the sample archive. */
final class SampleSearch {

    private SampleSearch() {
    }

    /** The relevance suite's queries, broad words, a requisite, a phrase and an exclusion, then {@code more}. */
    static List<String> queries(String... more) throws IOException {
        List<String> texts = new ArrayList<>();
        try (InputStream in = SampleSearch.class.getResourceAsStream("/relevance/queries.json")) {
            for (JsonNode q : Json.mapper().readTree(in)) {
                texts.add(q.get("query").asText());
            }
        }
        texts.addAll(List.of("школа", "результаты", "приказ 1324", "\"оценки качества образования\"", "мониторинг -НОКО"));
        texts.addAll(List.of(more));
        return texts;
    }

    /** A fresh index of every document and record of the sample archive; the caller closes it. */
    static SearchIndex index(Analyzers analyzers, DocumentMapper mapper) throws IOException {
        SearchIndex index = new SearchIndex(Files.createTempDirectory("soko-search"), analyzers.perField(), mapper);
        index.rebuild(target -> SampleArchive.get().archive().catalog().forEach(target::add));
        return index;
    }

    /** The documents a query matches, by global doc id, without scores. */
    static java.util.BitSet matches(org.apache.lucene.search.IndexSearcher searcher, org.apache.lucene.search.Query query)
            throws IOException {
        java.util.BitSet docs = new java.util.BitSet();
        searcher.search(query, new org.apache.lucene.search.SimpleCollector() {
            private int base;

            @Override
            protected void doSetNextReader(org.apache.lucene.index.LeafReaderContext context) {
                base = context.docBase;
            }

            @Override
            public void collect(int doc) {
                docs.set(base + doc);
            }

            @Override
            public org.apache.lucene.search.ScoreMode scoreMode() {
                return org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES;
            }
        });
        return docs;
    }
}
