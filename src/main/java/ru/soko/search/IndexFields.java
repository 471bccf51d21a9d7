package ru.soko.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import ru.soko.catalog.DocumentRecord;
import ru.soko.requisites.Requisites;

/**
 * How a catalogued document becomes a Lucene document. The index holds everything a result list
 * shows, so answering a query needs no trip to SQLite.
 */
public final class IndexFields {

    public static final String ID = "id";
    public static final String TITLE = "title";
    public static final String TEXT = "text";
    public static final String SOURCE_NAME = "sourceName";
    public static final String FORMAT = "format";
    public static final String VISIBILITY = "visibility";
    public static final String ORDER = "order";
    public static final String KIND = "kind";
    public static final String ISSUER = "issuer";
    public static final String DATE = "date";
    public static final String NUMBER = "number";
    public static final String STATUS = "status";

    /** Body text: stored for snippets, with offsets in the postings so highlighting needs no re-analysis. */
    private static final FieldType BODY = bodyType();

    private IndexFields() {
    }

    public static Document toLucene(DocumentRecord record) {
        Document doc = new Document();
        doc.add(new StringField(ID, Long.toString(record.id()), Field.Store.YES));
        doc.add(new NumericDocValuesField(ORDER, record.id()));
        doc.add(new Field(TITLE, nullToEmpty(record.title()), BODY));
        Requisites r = record.requisites();
        addKeyword(doc, KIND, r.kind());
        addKeyword(doc, ISSUER, r.issuer());
        addKeyword(doc, DATE, r.date() == null ? null : r.date().toString());
        addKeyword(doc, NUMBER, r.number());
        addKeyword(doc, STATUS, record.status());
        doc.add(new Field(TEXT, record.text(), BODY));
        doc.add(new StoredField(SOURCE_NAME, record.sourceName()));
        doc.add(new StringField(FORMAT, record.format(), Field.Store.YES));
        doc.add(new StringField(VISIBILITY, record.visibility(), Field.Store.YES));
        return doc;
    }

    private static void addKeyword(Document doc, String name, String value) {
        if (value != null && !value.isBlank()) {
            doc.add(new StringField(name, value, Field.Store.YES));
        }
    }

    private static FieldType bodyType() {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
