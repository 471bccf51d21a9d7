package ru.soko.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import ru.soko.catalog.DocumentRecord;
import ru.soko.registry.FieldSpec;
import ru.soko.registry.RegistryRecord;
import ru.soko.registry.RegistrySpec;
import ru.soko.requisites.Requisites;
import ru.soko.search.analysis.LemmaTokens;

/**
 * How a catalogued document becomes a Lucene document. The index holds everything a result list
 * shows, so answering a query needs no trip to SQLite; facets live in doc values.
 */
public final class DocumentMapper {

    /** Stored with offsets in the postings, so snippets need no re-analysis. */
    private static final FieldType STORED_WITH_OFFSETS = type(true);
    /** Lemma fields: not stored (the text is stored once), offsets for highlighting through masking. */
    private static final FieldType OFFSETS_ONLY = type(false);

    /** The value of the «registry» facet for documents, so one facet narrows to documents or to one registry. */
    public static final String DOCUMENTS = "documents";

    /** Chars of a text lower-cased and encoded at a time while hashing it. */
    private static final int HASH_CHUNK = 1024;

    private final ProcedureDetector procedures;
    private final FacetsConfig facets = FacetDims.config();
    private final float repealedFactor;
    private final Analyzers analyzers;

    public DocumentMapper(SearchVocabulary vocabulary, Analyzers analyzers) {
        this.analyzers = analyzers;
        this.procedures = new ProcedureDetector(vocabulary.procedures());
        this.repealedFactor = vocabulary.weight("factor.repealed", 0.8f);
    }

    /**
     * The text's lemma field and its lemma pairs, from one run of the lemma chain: the pairs are made
     * from the lemmas already there rather than by analysing the text again.
     */
    private void lemmasAndPairs(Document doc, String text) {
        LemmaTokens lemmas = analyzers.lemmaTokens(text);
        doc.add(new Field(IndexFields.TEXT_LEMMA, lemmas.replay(), OFFSETS_ONLY));
        doc.add(new Field(IndexFields.TEXT_PAIRS, analyzers.pairsOf(lemmas), TextField.TYPE_NOT_STORED));
    }

    /** Names the list of pair words the entries are made with ({@link Analyzers#pairWordsKey}). */
    String pairWordsKey() {
        return analyzers.pairWordsKey();
    }

    FacetsConfig facetsConfig() {
        return facets;
    }

    public Document toLucene(DocumentRecord record) {
        Requisites r = record.requisites();
        Document doc = new Document();
        doc.add(new StringField(IndexFields.ID, Long.toString(record.id()), Field.Store.YES));
        doc.add(new StringField(IndexFields.SHA, record.sha256(), Field.Store.NO));
        doc.add(new StringField(IndexFields.TEXT_SHA, textHash(record.text()), Field.Store.YES));
        doc.add(new NumericDocValuesField(IndexFields.ORDER, record.id()));
        doc.add(new NumericDocValuesField(IndexFields.TIE, record.id()));
        String title = nullToEmpty(record.title());
        doc.add(new Field(IndexFields.TITLE, title, STORED_WITH_OFFSETS));
        doc.add(new Field(IndexFields.TITLE_LEMMA, title, OFFSETS_ONLY));
        doc.add(new Field(IndexFields.TEXT, record.text(), STORED_WITH_OFFSETS));
        lemmasAndPairs(doc, record.text());
        doc.add(new StoredField(IndexFields.SOURCE_NAME, record.sourceName()));
        doc.add(new StringField(IndexFields.ACCESS, ru.soko.access.Audience.of(record).term(), Field.Store.YES));
        keyword(doc, IndexFields.FORMAT, record.format());
        keyword(doc, IndexFields.KIND, r.kind());
        keyword(doc, IndexFields.ISSUER, r.issuer());
        keyword(doc, IndexFields.STATUS, record.status());
        if (r.issuer() != null) {
            doc.add(new TextField(IndexFields.ISSUER_TEXT, r.issuer() + " " + String.join(" ", r.coIssuers()), Field.Store.NO));
        }
        if (r.number() != null) {
            doc.add(new StoredField(IndexFields.NUMBER, r.number()));
            doc.add(new StringField(IndexFields.NUMBER_KEY, RequisiteQuery.normaliseNumber(r.number()), Field.Store.NO));
        }
        LocalDate date = r.date();
        if (date != null) {
            keyword(doc, IndexFields.DATE, date.toString());
            doc.add(new NumericDocValuesField(IndexFields.DATE_SORT, date.toEpochDay()));
        }
        Integer year = date != null ? Integer.valueOf(date.getYear()) : r.year();
        if (year != null) {
            doc.add(new IntPoint(IndexFields.YEAR, year));
            doc.add(new StoredField(IndexFields.YEAR, year));
        }
        for (String cited : record.citedNumbers()) {
            doc.add(new StringField(IndexFields.CITES, RequisiteQuery.normaliseNumber(cited), Field.Store.NO));
        }
        doc.add(new DoubleDocValuesField(IndexFields.RANK,
                DocumentRecord.REPEALED.equals(record.status()) ? repealedFactor : 1.0));
        addFacets(doc, record, year);
        try {
            return facets.build(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Id of a registry record in the index: registry records and documents share one index. */
    public static String registryId(String registry, long id) {
        return registry + "/" + id;
    }

    /**
     * A registry record as a search hit: its title is what a person recognises (an expert's name, an
     * organisation's short name); its searchable fields form the text; personal fields stay out.
     */
    public Document toLucene(RegistrySpec spec, RegistryRecord record) {
        Document doc = new Document();
        doc.add(new StringField(IndexFields.ID, registryId(spec.name(), record.id()), Field.Store.YES));
        doc.add(new NumericDocValuesField(IndexFields.ORDER, 0));
        // Below every document (ids are positive), earlier records first under the descending sort.
        doc.add(new NumericDocValuesField(IndexFields.TIE, -record.id()));
        String title = RegistryRecord.display(record.data().get(spec.titleField()));
        StringBuilder text = new StringBuilder();
        for (FieldSpec f : spec.fields()) {
            Object value = record.data().get(f.name());
            if (value != null && !spec.personal().contains(f.name())) {
                text.append(f.label()).append(": ").append(RegistryRecord.display(value)).append('\n');
            }
        }
        doc.add(new Field(IndexFields.TITLE, title, STORED_WITH_OFFSETS));
        doc.add(new Field(IndexFields.TITLE_LEMMA, title, OFFSETS_ONLY));
        doc.add(new Field(IndexFields.TEXT, text.toString(), STORED_WITH_OFFSETS));
        lemmasAndPairs(doc, text.toString());
        doc.add(new StringField(IndexFields.TEXT_SHA, textHash(text.toString()), Field.Store.YES));
        doc.add(new StringField(IndexFields.ACCESS, ru.soko.access.Audience.PUBLIC.term(), Field.Store.YES));
        keyword(doc, IndexFields.KIND, spec.kind());
        keyword(doc, IndexFields.REGISTRY, spec.name());
        keyword(doc, IndexFields.STATUS, record.status());
        doc.add(new DoubleDocValuesField(IndexFields.RANK, RegistryRecord.ACTIVE.equals(record.status()) ? 1.0 : repealedFactor));
        facet(doc, FacetDims.KIND, spec.kind());
        facet(doc, FacetDims.REGISTRY, spec.name());
        facet(doc, FacetDims.STATUS, record.status());
        Object year = record.data().get("year");
        facet(doc, FacetDims.YEAR, year == null ? null : year.toString());
        try {
            return facets.build(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void addFacets(Document doc, DocumentRecord record, Integer year) {
        Requisites r = record.requisites();
        facet(doc, FacetDims.KIND, r.kind());
        facet(doc, FacetDims.ISSUER, r.issuer());
        r.coIssuers().forEach(co -> facet(doc, FacetDims.ISSUER, co));
        facet(doc, FacetDims.LEVEL, r.level());
        if (r.region() != null) {
            doc.add(r.municipality() == null
                    ? new SortedSetDocValuesFacetField(FacetDims.TERRITORY, r.region())
                    : new SortedSetDocValuesFacetField(FacetDims.TERRITORY, r.region(), r.municipality()));
        }
        facet(doc, FacetDims.YEAR, year == null ? null : year.toString());
        facet(doc, FacetDims.STATUS, record.status());
        procedures.detect(record.title() + "\n" + record.text()).forEach(p -> facet(doc, FacetDims.PROCEDURE, p));
        facet(doc, FacetDims.FORMAT, record.format().toUpperCase(Locale.ROOT));
        facet(doc, FacetDims.REGISTRY, DOCUMENTS);
    }

    private static void facet(Document doc, String dim, String value) {
        if (value != null && !value.isBlank()) {
            doc.add(new SortedSetDocValuesFacetField(dim, value));
        }
    }

    private static void keyword(Document doc, String name, String value) {
        if (value != null && !value.isBlank()) {
            doc.add(new StringField(name, value, Field.Store.YES));
        }
    }

    /** Same words in the same order: the same text, whatever file it came in. */
    static String textHash(String text) {
        MessageDigest digest = sha256();
        return feedNormalised(text, digest) ? HexFormat.of().formatHex(digest.digest()) : exactTextHash(text);
    }

    /** The definition of the hash, kept for texts whose lower case only the whole string gets right. */
    private static String exactTextHash(String text) {
        String normalised = collapseWhitespace(text).strip().toLowerCase(Locale.ROOT);
        return HexFormat.of().formatHex(sha256().digest(normalised.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Feeds {@code digest} the UTF-8 of what {@link #exactTextHash} hashes in one pass, without the
     * three copies of the text that one makes (a few per cent of indexing). Lower-casing char by char
     * is what {@code String.toLowerCase(Locale.ROOT)} does except for «Σ» (its lower case depends on
     * the next letters), «İ» (two chars) and surrogate pairs: on those it returns false, having fed
     * part of the text.
     */
    private static boolean feedNormalised(String text, MessageDigest digest) {
        // strip() on the collapsed text drops exactly the Character.isWhitespace chars at both ends:
        // the collapsing turns ASCII whitespace into a space, which is whitespace too.
        int start = 0;
        int end = text.length();
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        // Chunks copied out of the string: indexing a char[] is cheaper than String.charAt.
        char[] chars = new char[HASH_CHUNK];
        byte[] bytes = new byte[HASH_CHUNK * 3];
        boolean inRun = false;
        for (int from = start; from < end; from += HASH_CHUNK) {
            int length = Math.min(HASH_CHUNK, end - from);
            text.getChars(from, from + length, chars, 0);
            int filled = 0;
            for (int i = 0; i < length; i++) {
                char c = chars[i];
                boolean space = isAsciiWhitespace(c);
                if (space && inRun) {
                    continue;
                }
                inRun = space;
                int lower = space ? ' ' : lowerCase(c);
                if (lower < 0) {
                    return false;
                }
                filled = putUtf8((char) lower, bytes, filled);
            }
            digest.update(bytes, 0, filled);
        }
        return true;
    }

    /** The lower case of {@code c} in the lower-cased string, or -1 where that is not one char of its own. */
    private static int lowerCase(char c) {
        int basic = RussianLatin.lower(c);
        if (basic >= 0) {
            return basic;
        }
        int lower = Character.toLowerCase((int) c);
        boolean exact = c != '\u03A3' && c != '\u0130' && !Character.isSurrogate(c) && lower <= Character.MAX_VALUE;
        return exact ? lower : -1;
    }

    /** UTF-8 of one char that is not a surrogate; returns the position after it. */
    private static int putUtf8(char c, byte[] buffer, int at) {
        if (c < 0x80) {
            buffer[at] = (byte) c;
            return at + 1;
        }
        if (c < 0x800) {
            buffer[at] = (byte) (0xC0 | c >> 6);
            buffer[at + 1] = (byte) (0x80 | c & 0x3F);
            return at + 2;
        }
        buffer[at] = (byte) (0xE0 | c >> 12);
        buffer[at + 1] = (byte) (0x80 | c >> 6 & 0x3F);
        buffer[at + 2] = (byte) (0x80 | c & 0x3F);
        return at + 3;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code text.replaceAll("\\s+", " ")} without the regex engine, which was a few per cent of
     * indexing: each run of ASCII whitespace becomes one space.
     */
    static String collapseWhitespace(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inRun = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = isAsciiWhitespace(c);
            if (!space) {
                out.append(c);
            } else if (!inRun) {
                out.append(' ');
            }
            inRun = space;
        }
        return out.toString();
    }

    /** What the regex {@code \\s} matches without UNICODE_CHARACTER_CLASS. */
    private static boolean isAsciiWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static FieldType type(boolean stored) {
        FieldType type = new FieldType(stored ? TextField.TYPE_STORED : TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
