package ru.soko.catalog;

/** Where a document's text came from: the file's own text layer, OCR, or nowhere yet. */
public enum TextSource {
    LAYER, OCR, NONE;

    public String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static TextSource fromDb(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
