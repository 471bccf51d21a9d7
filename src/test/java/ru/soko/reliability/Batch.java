package ru.soko.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.soko.testing.TestFiles;
import ru.soko.util.Hashes;

/**
 * A generated batch of small Russian documents, each with a token of its own ({@code zq017zq}) so a
 * search finds exactly that one document, plus byte-identical copies that must not become documents.
 */
final class Batch {

    private static final String[] TOPICS = {"самообследования", "мониторинга качества образования", "оценки качества подготовки обучающихся",
        "независимой оценки качества условий", "аттестации педагогических работников", "всероссийских проверочных работ"};

    /** One distinct document: its file, SHA-256, the token that finds it and the text it must keep. */
    record Doc(Path file, String sha256, String token, String text, boolean docx) {
    }

    private final Path folder;
    private final Map<String, Doc> bySha = new LinkedHashMap<>();
    private final List<Path> copies = new ArrayList<>();

    private Batch(Path folder) {
        this.folder = folder;
    }

    /** {@code distinct} documents (every fourth a DOCX, the rest UTF-8 TXT) and {@code copies} duplicates. */
    static Batch create(Path folder, int distinct, int copies) throws IOException {
        Files.createDirectories(folder);
        Batch batch = new Batch(folder);
        for (int i = 0; i < distinct; i++) {
            String token = String.format("zq%03dzq", i);
            String text = "Приказ № " + (100 + i) + " от " + (1 + i % 28) + ".03.2024 «О проведении " + TOPICS[i % TOPICS.length]
                    + "». Контрольный шифр " + token + ". Руководителям организаций обеспечить участие, отчёт направить до "
                    + (1 + i % 28) + " мая.";
            boolean docx = i % 4 == 3;
            Path file = docx ? TestFiles.docx(folder, String.format("doc-%03d.docx", i), text)
                    : TestFiles.text(folder, String.format("doc-%03d.txt", i), text + "\n", StandardCharsets.UTF_8);
            String sha = Hashes.sha256(file);
            batch.bySha.put(sha, new Doc(file, sha, token, text, docx));
        }
        List<Doc> docs = new ArrayList<>(batch.bySha.values());
        for (int i = 0; i < copies; i++) {
            Doc original = docs.get((i * 7) % docs.size());
            String name = original.file().getFileName().toString();
            Path copy = folder.resolve("z-copy-" + i + name.substring(name.lastIndexOf('.')));
            Files.copy(original.file(), copy);
            batch.copies.add(copy);
        }
        return batch;
    }

    Path folder() {
        return folder;
    }

    Map<String, Doc> bySha() {
        return bySha;
    }

    List<Doc> docs() {
        return new ArrayList<>(bySha.values());
    }

    int files() {
        return bySha.size() + copies.size();
    }

    static String normalise(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }
}
