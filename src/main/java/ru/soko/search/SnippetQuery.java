package ru.soko.search;

import java.util.Set;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;

/**
 * The part of a user's query that can light up words of the stored text: its clauses on the text
 * and text-lemma fields, each optional. The highlighter asks the query for the matches of every
 * hit; the whole query would also walk the title fields and the requisite terms, whose matches are
 * then thrown away. Every clause becomes optional because the hit is already known to match: a word
 * found only in the title must not keep the text's other words from being marked.
 */
final class SnippetQuery {

    private static final Set<String> TEXT_FIELDS = Set.of(IndexFields.TEXT, IndexFields.TEXT_LEMMA);

    private SnippetQuery() {
    }

    static Query of(Query query) {
        Query reduced = reduce(query);
        return reduced == null ? new MatchNoDocsQuery() : reduced;
    }

    private static Query reduce(Query query) {
        if (query instanceof BooleanQuery bool) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            int kept = 0;
            for (BooleanClause clause : bool.clauses()) {
                Query part = clause.occur() == BooleanClause.Occur.MUST_NOT ? null : reduce(clause.query());
                if (part != null) {
                    any.add(part, BooleanClause.Occur.SHOULD);
                    kept++;
                }
            }
            return kept == 0 ? null : any.build();
        }
        if (query instanceof BoostQuery boost) {
            Query inner = reduce(boost.getQuery());
            return inner == null ? null : new BoostQuery(inner, boost.getBoost());
        }
        Set<String> fields = QueryFields.of(query);
        return !fields.isEmpty() && TEXT_FIELDS.containsAll(fields) ? query : null;
    }
}
