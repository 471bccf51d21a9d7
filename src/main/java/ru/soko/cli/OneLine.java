package ru.soko.cli;

/** Reduces an exception to the one line a user is shown; the stack trace stays out of sight. */
final class OneLine {

    private OneLine() {
    }

    static String of(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        return message.lines().findFirst().orElse(message);
    }
}
