package ru.soko.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;

/**
 * A query that matches exactly the documents the user's query matches, for counting them without
 * scores, with less to read. Each word is looked for in a field as written and in its lemma field;
 * a document holding the word as written also holds its lemmas at the same positions (the lemma
 * analysis is the exact one plus stop words and lemmas, word by word), so the as-written clause can
 * only find documents the lemma clause beside it finds, and is left out. Where the lemma analysis
 * dropped the word (a stop word), there is no lemma clause and the as-written one stays. A phrase's
 * lemma clause may read the lemma pairs instead ({@link IndexFields#TEXT_PAIRS}): it covers the
 * as-written phrase just the same.
 */
final class MatchingQuery {

    /** The fields whose clause finds every document the as-written clause beside it finds. */
    private static final Map<String, Set<String>> COVERED_BY = Map.of(
            IndexFields.TITLE, Set.of(IndexFields.TITLE_LEMMA),
            IndexFields.TEXT, Set.of(IndexFields.TEXT_LEMMA, IndexFields.TEXT_PAIRS));
    private static final Set<String> LEMMA_FIELDS = Set.of(IndexFields.TITLE_LEMMA, IndexFields.TEXT_LEMMA, IndexFields.TEXT_PAIRS);

    private MatchingQuery() {
    }

    static Query of(Query query) {
        if (query instanceof BoostQuery boost) {
            return new BoostQuery(of(boost.getQuery()), boost.getBoost());
        }
        if (!(query instanceof BooleanQuery bool)) {
            return query;
        }
        List<BooleanClause> clauses = bool.clauses();
        List<String> fieldOf = new ArrayList<>(clauses.size());
        Set<String> lemmaFieldsHere = new HashSet<>();
        boolean allOptional = bool.getMinimumNumberShouldMatch() <= 1;
        for (BooleanClause clause : clauses) {
            allOptional &= clause.occur() == BooleanClause.Occur.SHOULD;
            String field = singleField(clause.query());
            fieldOf.add(field);
            if (field != null && LEMMA_FIELDS.contains(field)) {
                lemmaFieldsHere.add(field);
            }
        }
        BooleanQuery.Builder reduced = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
        for (int i = 0; i < clauses.size(); i++) {
            String field = fieldOf.get(i);
            // Only among optional alternatives: there, leaving out a clause whose matches another covers changes nothing.
            boolean covered = allOptional && field != null
                    && COVERED_BY.getOrDefault(field, Set.of()).stream().anyMatch(lemmaFieldsHere::contains);
            if (!covered) {
                reduced.add(of(clauses.get(i).query()), clauses.get(i).occur());
            }
        }
        return reduced.build();
    }

    /** The one field a clause reads, or null when it reads several or none. */
    private static String singleField(Query query) {
        Set<String> fields = QueryFields.of(query);
        return fields.size() == 1 ? fields.iterator().next() : null;
    }
}
