package ru.soko;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.OutputStreamWriter;
import picocli.CommandLine;
import ru.soko.cli.SokoCommand;

/** Entry point of {@code soko-archive.jar}. */
public final class App {

    private App() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line; separate from {@link #main} so tests can call it without exiting. */
    public static int run(String... args) {
        // Russian output must survive a POSIX locale, so the streams are UTF-8 whatever the platform says.
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        return SokoCommand.commandLine(out, err).execute(args);
    }
}
