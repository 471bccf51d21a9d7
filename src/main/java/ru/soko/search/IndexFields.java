package ru.soko.search;

/** Names of the fields in the Lucene index. */
public final class IndexFields {

    public static final String ID = "id";
    public static final String TITLE = "title";
    public static final String TITLE_LEMMA = "title_lemma";
    public static final String TEXT = "text";
    public static final String TEXT_LEMMA = "text_lemma";
    /**
     * Each two neighbouring lemmas of the text that are both common words
     * ({@code index-config/pair-words.txt}) as one term: a phrase of such words is looked for here,
     * by a term or two, rather than by the positions of its every word.
     */
    public static final String TEXT_PAIRS = "text_pairs";
    public static final String SOURCE_NAME = "sourceName";
    public static final String FORMAT = "format";
    /** The narrowest audience allowed to see the entry ({@link ru.soko.access.Audience}); every query filters on it. */
    public static final String ACCESS = "access";
    public static final String ORDER = "order";
    /**
     * Orders entries of equal score, whatever order they went into the index in: documents newest
     * first (their catalogue id), then registry records in the order they were first imported.
     */
    public static final String TIE = "tie";
    public static final String KIND = "kind";
    public static final String ISSUER = "issuer";
    public static final String ISSUER_TEXT = "issuer_text";
    public static final String DATE = "date";
    public static final String DATE_SORT = "date_sort";
    public static final String YEAR = "year";
    public static final String NUMBER = "number";
    public static final String NUMBER_KEY = "number_key";
    public static final String CITES = "cites";
    public static final String STATUS = "status";
    public static final String RANK = "rank";
    public static final String SHA = "sha256";
    public static final String TEXT_SHA = "text_sha";
    public static final String REGISTRY = "registry";

    private IndexFields() {
    }
}
