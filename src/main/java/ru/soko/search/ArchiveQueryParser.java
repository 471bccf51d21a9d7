package ru.soko.search;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;

/**
 * The query language for experts, on top of Lucene's classic syntax: words are looked for in the
 * title and the text, as written and by lemma; {@code "phrases"}, {@code -word}, {@code OR} work as
 * usual; field prefixes {@code title:}, {@code issuer:}, {@code kind:}, {@code number:}, {@code year:}
 * (or their Russian names) and a date range {@code date:[2020-01-01 TO 2022-12-31]} narrow the search.
 */
final class ArchiveQueryParser extends QueryParser {

    static final String DEFAULT_FIELD = "_all";

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("заголовок", "title"), Map.entry("название", "title"), Map.entry("издатель", "issuer"),
            Map.entry("вид", "kind"), Map.entry("номер", "number"), Map.entry("год", "year"),
            Map.entry("дата", "date"), Map.entry("текст", "text"));

    private final Map<String, Float> textFields;
    private final Map<String, Float> titleFields;
    private final java.util.function.Predicate<String> pairsCover;

    /**
     * {@code pairsCover}: which phrases of the text-lemma field are looked for by the lemma pairs
     * ({@link IndexFields#TEXT_PAIRS}), which find the same documents at a fraction of the cost; none
     * for the query that marks words in snippets, as the pairs carry no offsets.
     */
    ArchiveQueryParser(Analyzer perField, Map<String, Float> textFields, Map<String, Float> titleFields,
            java.util.function.Predicate<String> pairsCover) {
        super(DEFAULT_FIELD, perField);
        this.textFields = textFields;
        this.titleFields = titleFields;
        this.pairsCover = pairsCover;
        setDefaultOperator(Operator.AND);
        // Word by word, so that each word may match in any field (one in the title, another in the text).
        setSplitOnWhitespace(true);
    }

    @Override
    protected Query getFieldQuery(String field, String text, boolean quoted) throws ParseException {
        return fieldQuery(field, text, quoted, 0);
    }

    /** A phrase with a slop ({@code "слова рядом"~3}): Lucene's own would apply it only to a single phrase query. */
    @Override
    protected Query getFieldQuery(String field, String text, int slop) throws ParseException {
        return fieldQuery(field, text, true, slop);
    }

    private Query fieldQuery(String field, String text, boolean quoted, int slop) throws ParseException {
        String name = ALIASES.getOrDefault(field.toLowerCase(Locale.ROOT), field.toLowerCase(Locale.ROOT));
        return switch (name) {
            case DEFAULT_FIELD -> any(textFields, text, quoted, slop);
            case "title" -> any(titleFields, text, quoted, slop);
            case "text" -> any(Map.of(IndexFields.TEXT, 1f, IndexFields.TEXT_LEMMA, 1f), text, quoted, slop);
            case "issuer" -> analysed(IndexFields.ISSUER_TEXT, text, quoted, slop);
            case "kind" -> new TermQuery(new Term(IndexFields.KIND, text.toLowerCase(Locale.ROOT).replace("отчет", "отчёт")));
            case "number" -> new TermQuery(new Term(IndexFields.NUMBER_KEY, RequisiteQuery.normaliseNumber(text)));
            case "year" -> IntPoint.newExactQuery(IndexFields.YEAR, year(text));
            case "date" -> new TermQuery(new Term(IndexFields.DATE, RequisiteQuery.isoDate(text)));
            default -> throw new ParseException("неизвестное поле «" + field + "»: можно title, issuer, kind, number, year, date");
        };
    }

    @Override
    protected Query getRangeQuery(String field, String from, String to, boolean startInclusive, boolean endInclusive)
            throws ParseException {
        String name = ALIASES.getOrDefault(field.toLowerCase(Locale.ROOT), field.toLowerCase(Locale.ROOT));
        return switch (name) {
            case "date" -> TermRangeQuery.newStringRange(IndexFields.DATE, open(from) ? null : RequisiteQuery.isoDate(from),
                    open(to) ? null : RequisiteQuery.isoDate(to), startInclusive, endInclusive);
            case "year" -> IntPoint.newRangeQuery(IndexFields.YEAR, open(from) ? Integer.MIN_VALUE : year(from),
                    open(to) ? Integer.MAX_VALUE : year(to));
            default -> throw new ParseException("диапазон возможен только для date и year");
        };
    }

    /**
     * The sum of the fields' scores, so a word in the title and as written ranks above a word found
     * once by its lemma. A sum rather than the best field plus a share of the others
     * ({@code DisjunctionMaxQuery} with a tie-breaker, as before): Lucene can skip over a sum when
     * only the top hits are wanted, and over a million documents that made a broad word's ranking
     * several times cheaper, at nDCG@10 0.907 against 0.914 on the judged queries (BENCHMARKS, fix 19).
     */
    private Query any(Map<String, Float> fields, String text, boolean quoted, int slop) throws ParseException {
        List<Query> perField = new java.util.ArrayList<>();
        for (Map.Entry<String, Float> f : fields.entrySet()) {
            Query q = analysed(f.getKey(), text, quoted, slop);
            if (q != null) {
                perField.add(new BoostQuery(q, f.getValue()));
            }
        }
        if (perField.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        perField.forEach(q -> any.add(q, BooleanClause.Occur.SHOULD));
        return any.build();
    }

    private Query analysed(String field, String text, boolean quoted, int slop) throws ParseException {
        if (quoted && slop == 0 && IndexFields.TEXT_LEMMA.equals(field) && pairsCover.test(text)) {
            return super.getFieldQuery(IndexFields.TEXT_PAIRS, text, true);
        }
        return quoted && slop > 0 ? createPhraseQuery(field, text, slop) : super.getFieldQuery(field, text, quoted);
    }

    private static boolean open(String bound) {
        return bound == null || bound.equals("*");
    }

    private static int year(String text) throws ParseException {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new ParseException("год «" + text + "» должен быть числом");
        }
    }

}
