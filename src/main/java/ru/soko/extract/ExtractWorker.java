package ru.soko.extract;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import ru.soko.util.Json;

/**
 * Main class of the child JVM that does all parsing. Reads one {@link ExtractRequest} per line on
 * standard input and answers one {@link Extraction} per line on standard output. Anything a library
 * prints goes to standard error, so the protocol stream stays clean.
 */
public final class ExtractWorker {

    private ExtractWorker() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        TikaTextExtractor extractor = new TikaTextExtractor();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            Extraction answer;
            try {
                answer = extractor.extract(Json.read(line, ExtractRequest.class));
            } catch (StackOverflowError e) {
                answer = Extraction.failed(RejectReason.CORRUPT, "слишком глубокая вложенность структуры файла");
            } catch (RuntimeException e) {
                answer = Extraction.failed(RejectReason.CORRUPT, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            protocol.println(Json.write(answer));
            protocol.flush();
        }
    }
}
