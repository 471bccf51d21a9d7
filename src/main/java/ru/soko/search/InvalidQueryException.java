package ru.soko.search;

/** A query the archive cannot run; the message tells the user, in Russian, what to change. */
public class InvalidQueryException extends RuntimeException {
    public InvalidQueryException(String message) {
        super(message);
    }
}
