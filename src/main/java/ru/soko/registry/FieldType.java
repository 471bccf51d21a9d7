package ru.soko.registry;

/** How a registry field's cells are read and checked. */
public enum FieldType {
    TEXT, DATE, INT, ENUM, STATUS, INN, OGRN, URL, LIST, ORGANISATION, PSEUDONYM;

    static FieldType of(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
}
