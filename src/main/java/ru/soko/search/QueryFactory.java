package ru.soko.search;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns what a user typed into a Lucene query: abbreviations expanded, the expert syntax parsed,
 * and — when the query names act numbers or dates — the act with those requisites lifted to the
 * top and the documents citing it next.
 */
final class QueryFactory {

    static final int MAX_QUERY_LENGTH = 1000;

    private final Analyzers analyzers;
    private final AbbreviationExpander expander;
    private final Map<String, Float> textFields = new LinkedHashMap<>();
    private final Map<String, Float> titleFields = new LinkedHashMap<>();
    private final float numberBoost;
    private final float dateBoost;
    private final float citesBoost;

    QueryFactory(Analyzers analyzers, SearchVocabulary vocabulary) {
        this.analyzers = analyzers;
        this.expander = new AbbreviationExpander(vocabulary.abbreviations(), analyzers.lemma());
        titleFields.put(IndexFields.TITLE, vocabulary.weight("boost.title", 3f));
        titleFields.put(IndexFields.TITLE_LEMMA, vocabulary.weight("boost.title_lemma", 2.5f));
        textFields.putAll(titleFields);
        textFields.put(IndexFields.TEXT, vocabulary.weight("boost.text", 1.2f));
        textFields.put(IndexFields.TEXT_LEMMA, vocabulary.weight("boost.text_lemma", 1f));
        this.numberBoost = vocabulary.weight("boost.number", 30f);
        this.dateBoost = vocabulary.weight("boost.date", 6f);
        this.citesBoost = vocabulary.weight("boost.cites", 4f);
    }

    /** The query that finds and ranks. */
    Query build(String text) {
        return build(text, true);
    }

    /**
     * The same query with phrases looked for by positions, for the highlighter: it draws matches
     * from the lemma field's offsets, which the lemma pairs do not carry.
     */
    Query buildForMarking(String text) {
        return build(text, false);
    }

    private Query build(String text, boolean phrasesByPairs) {
        if (text.isEmpty()) {
            return new MatchAllDocsQuery();
        }
        if (text.length() > MAX_QUERY_LENGTH) {
            throw new InvalidQueryException("запрос слишком длинный: не больше " + MAX_QUERY_LENGTH + " символов");
        }
        String expanded = expander.expand(text);
        RequisiteQuery requisites = RequisiteQuery.of(text);
        if (requisites.isEmpty()) {
            return parse(expanded, QueryParser.Operator.AND, phrasesByPairs);
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String number : requisites.numbers()) {
            any.add(new BoostQuery(new TermQuery(new Term(IndexFields.NUMBER_KEY, number)), numberBoost), BooleanClause.Occur.SHOULD);
            any.add(new BoostQuery(new TermQuery(new Term(IndexFields.CITES, number)), citesBoost), BooleanClause.Occur.SHOULD);
        }
        for (String date : requisites.dates()) {
            any.add(new BoostQuery(new TermQuery(new Term(IndexFields.DATE, date)), dateBoost), BooleanClause.Occur.SHOULD);
        }
        // The words around the requisites («приказ», «от») only order the rest: they need not all match.
        any.add(parse(expanded, QueryParser.Operator.OR, phrasesByPairs), BooleanClause.Occur.SHOULD);
        return any.build();
    }

    private Query parse(String text, QueryParser.Operator operator, boolean phrasesByPairs) {
        ArchiveQueryParser parser = new ArchiveQueryParser(analyzers.perField(), textFields, titleFields,
                phrasesByPairs ? analyzers::pairsCover : phrase -> false);
        parser.setDefaultOperator(operator);
        try {
            return orMatchAll(parser.parse(text));
        } catch (ParseException | RuntimeException e) {
            String friendly = friendly(e);
            if (friendly != null) {
                throw new InvalidQueryException(friendly);
            }
            // A stray quote or bracket should not cost the user their search: retry with the text taken literally.
            try {
                return orMatchAll(parser.parse(QueryParser.escape(text)));
            } catch (ParseException | RuntimeException again) {
                throw new InvalidQueryException("не удалось разобрать запрос «" + text + "»: проверьте кавычки и скобки");
            }
        }
    }

    /** Our own messages (unknown field, bad date) are worth showing; Lucene's syntax errors are not. */
    private static String friendly(Exception e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (t instanceof ParseException && m != null && m.matches("(?s)^[а-яА-ЯёЁ].*")) {
                return m;
            }
        }
        return message.matches("(?s)^[а-яА-ЯёЁ].*") ? message : null;
    }

    /** A query of stop words alone parses to nothing; it then finds nothing rather than failing. */
    private static Query orMatchAll(Query q) {
        return q == null ? new BooleanQuery.Builder().build() : q;
    }
}
