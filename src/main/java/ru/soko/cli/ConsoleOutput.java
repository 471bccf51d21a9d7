package ru.soko.cli;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether output goes to a person at a terminal (progress lines, colours) or to a file or pipe. */
final class ConsoleOutput {

    private ConsoleOutput() {
    }

    static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Since JDK 22 System.console() exists even when redirected; isTerminal() tells the truth there.
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** Turns a highlighted HTML snippet into plain text with matches in brackets. */
    static String plainSnippet(String html) {
        return html.replace("<mark>", "[").replace("</mark>", "]")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#x27;", "'").replace("&#39;", "'").replace("&amp;", "&")
                .replaceAll("\\s+", " ").strip();
    }
}
