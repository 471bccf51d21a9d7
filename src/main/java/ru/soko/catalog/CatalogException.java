package ru.soko.catalog;

/** The catalogue could not do what was asked; the message is fit for a user. */
public class CatalogException extends RuntimeException {
    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
