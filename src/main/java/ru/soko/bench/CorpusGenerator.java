package ru.soko.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * Writes a synthetic corpus: documents under {@code docs/} (a thousand per folder), registry sheets
 * under {@code registries/} in the CSV form {@code import-registry} reads, and {@code corpus.json}
 * describing it. Streaming: one document is in memory at a time. The same seed gives the same files.
 */
public final class CorpusGenerator {

    /** What to generate. Registry sizes follow the document count unless given. */
    public record Spec(long documents, long seed, CorpusFormat format, long achievements) {

        public Spec {
            if (documents < 1) {
                throw new IllegalArgumentException("число документов должно быть положительным");
            }
        }

        public static Spec of(long documents, long seed, String format) {
            return new Spec(documents, seed, CorpusFormat.parse(format), Math.max(100, documents / 2));
        }

        public Spec withAchievements(long count) {
            return new Spec(documents, seed, format, count);
        }

        long schools() {
            return Math.max(40, Math.min(20_000, documents / 50));
        }

        long experts() {
            return Math.max(20, documents / 500);
        }

        long programmes() {
            return Math.max(20, documents / 1000);
        }
    }

    /** What was written: counts and sizes for the report. */
    public record Corpus(Path dir, String format, long seed, long documents, long textChars, long textBytes, long fileBytes,
                         Map<String, Long> kinds, Map<String, Long> registryRecords) {

        public Path docsDir() {
            return dir.resolve("docs");
        }

        public Path registriesDir() {
            return dir.resolve("registries");
        }

        public static Corpus read(Path dir) {
            return ru.soko.util.Json.read(readString(dir.resolve("corpus.json")), Corpus.class).withDir(dir);
        }

        Corpus withDir(Path d) {
            return new Corpus(d, format, seed, documents, textChars, textBytes, fileBytes, kinds, registryRecords);
        }
    }

    private CorpusGenerator() {
    }

    public static Corpus generate(Spec spec, Path out, LongConsumer progress) throws IOException {
        Files.createDirectories(out.resolve("docs"));
        Files.createDirectories(out.resolve("registries"));
        World world = new World((int) spec.schools(), spec.seed());
        DocumentComposer composer = new DocumentComposer(world);
        SplittableRandom random = new SplittableRandom(spec.seed());
        CorpusFormat.DocumentFileWriter writer = spec.format().writer();
        long chars = 0;
        long bytes = 0;
        long fileBytes = 0;
        Map<String, Long> kinds = new LinkedHashMap<>();
        for (long i = 0; i < spec.documents(); i++) {
            SyntheticDocument doc = composer.next(i, random);
            Path file = out.resolve("docs").resolve(doc.name() + "." + spec.format().extension());
            if (i % 1000 == 0) {
                Files.createDirectories(file.getParent());
            }
            writer.write(doc, file);
            String text = doc.plainText();
            chars += text.length();
            bytes += text.getBytes(StandardCharsets.UTF_8).length;
            fileBytes += Files.size(file);
            kinds.merge(doc.kind(), 1L, Long::sum);
            if ((i + 1) % 10_000 == 0) {
                progress.accept(i + 1);
            }
        }
        Map<String, Long> registries = RegistrySheets.write(spec, world, out.resolve("registries"));
        Corpus corpus = new Corpus(out, spec.format().name().toLowerCase(java.util.Locale.ROOT), spec.seed(), spec.documents(),
                chars, bytes, fileBytes, kinds, registries);
        Files.writeString(out.resolve("corpus.json"), ru.soko.util.Json.writePretty(corpus.withDir(null)), StandardCharsets.UTF_8);
        return corpus;
    }

    static BufferedWriter csv(Path file) throws IOException {
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    private static String readString(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("нет описания корпуса " + p + ": сначала bench generate", e);
        }
    }
}
