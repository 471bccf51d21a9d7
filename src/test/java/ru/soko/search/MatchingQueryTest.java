package ru.soko.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;
import ru.soko.testing.SampleArchive;
import ru.soko.util.Json;
import ru.soko.util.Trees;

class MatchingQueryTest {

    private final SearchVocabulary vocabulary = SearchVocabulary.load(Optional.empty());
    private final Analyzers analyzers = new Analyzers(vocabulary);
    private final QueryFactory queries = new QueryFactory(analyzers, vocabulary);

    @Test
    void findsExactlyTheDocumentsOfTheWholeQueryOverTheSampleArchive() throws Exception {
        List<String> texts = new ArrayList<>();
        for (JsonNode q : Json.mapper().readTree(MatchingQueryTest.class.getResourceAsStream("/relevance/queries.json"))) {
            texts.add(q.get("query").asText());
        }
        // Stop words inside phrases, a stop word alone, exclusions, slop, field prefixes, «ё».
        texts.addAll(List.of("\"работа по математике\"", "по", "\"о проведении\"", "мониторинг -НОКО", "\"оценки образования\"~3",
                "title:самообследование", "text:\"функциональной грамотности\"", "учёт", "ВПР OR НИКО", "приказ 1324 школ"));
        DocumentMapper mapper = new DocumentMapper(vocabulary, analyzers);
        Path dir = Files.createTempDirectory("soko-matching");
        int nonEmpty = 0;
        try (SearchIndex index = new SearchIndex(dir, analyzers.perField(), mapper)) {
            index.rebuild(target -> SampleArchive.get().archive().catalog().forEach(target::add));
            for (String text : texts) {
                Query whole = queries.build(text);
                Query matching = MatchingQuery.of(whole);
                BitSet expected = index.withSearcher(searcher -> SampleSearch.matches(searcher, whole));
                BitSet actual = index.withSearcher(searcher -> SampleSearch.matches(searcher, matching));
                assertEquals(expected, actual, "«" + text + "»: " + matching);
                nonEmpty += expected.isEmpty() ? 0 : 1;
            }
        } finally {
            Trees.deleteQuietly(dir);
        }
        assertTrue(nonEmpty > 70, "most queries must find something, found " + nonEmpty);
    }

    @Test
    void leavesOutTheAsWrittenFieldsWhereTheLemmaFieldsCoverThem() {
        Set<String> fields = QueryFields.of(MatchingQuery.of(queries.build("оценка \"функциональной грамотности\"")));
        assertFalse(fields.contains(IndexFields.TEXT), fields.toString());
        assertFalse(fields.contains(IndexFields.TITLE), fields.toString());
        assertTrue(fields.containsAll(Set.of(IndexFields.TEXT_LEMMA, IndexFields.TITLE_LEMMA)), fields.toString());
    }

    @Test
    void keepsAStopWordThatOnlyTheAsWrittenFieldsIndex() {
        Set<String> fields = QueryFields.of(MatchingQuery.of(queries.build("по")));
        assertTrue(fields.contains(IndexFields.TEXT), fields.toString());
    }
}
