package ru.soko.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.soko.Archive;
import ru.soko.catalog.DocumentRecord;
import ru.soko.config.AppConfig;
import ru.soko.ingest.FileCollector;
import ru.soko.ingest.IngestOutcome;
import ru.soko.ingest.IngestProgress;
import ru.soko.ingest.IngestSummary;
import ru.soko.testing.TestArchives;
import ru.soko.testing.TestFiles;

/**
 * Generated hostile inputs: embeddings nested 60 deep, PDFs whose object graph loops or is huge,
 * file names with {@code ../}, control characters and 300 characters, text in no known encoding.
 * Each gets an outcome with a reason (or a warning), and the good file after each is read.
 */
class HostileInputsTest {

    static final int DEPTH = 60;

    @TempDir
    Path dir;

    private AppConfig config() {
        return TestArchives.withLimits(dir.resolve("home"), 100L << 20, 200_000, Duration.ofSeconds(30)).withOcrEnabled(false);
    }

    /** Ingests each hostile file followed by a good one; the batch must go on and every outcome must be explained. */
    private List<IngestOutcome> ingestBetweenGoodFiles(Archive archive, List<Path> hostile) throws IOException {
        List<FileCollector.Input> inputs = new ArrayList<>();
        for (int i = 0; i < hostile.size(); i++) {
            inputs.add(new FileCollector.Input(hostile.get(i), hostile.get(i).getFileName().toString()));
            Path good = TestFiles.text(dir, "good-" + i + ".txt", TestFiles.RUSSIAN_TEXT + "\nКонтрольная строка " + i, StandardCharsets.UTF_8);
            inputs.add(new FileCollector.Input(good, good.getFileName().toString()));
        }
        IngestSummary summary = archive.ingest().ingest(inputs, "test", IngestProgress.NONE);
        List<IngestOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < summary.outcomes().size(); i += 2) {
            IngestOutcome bad = summary.outcomes().get(i);
            assertEquals(IngestOutcome.Status.ADDED, summary.outcomes().get(i + 1).status(), "the file after " + bad.file() + " is read");
            if (bad.status() == IngestOutcome.Status.REJECTED) {
                assertNotNull(bad.reason(), bad.toString());
            } else {
                assertEquals(IngestOutcome.Status.ADDED, bad.status(), bad.toString());
            }
            outcomes.add(bad);
        }
        return outcomes;
    }

    @Test
    void embeddingsNestedSixtyDeepAreContained() throws Exception {
        Path docx = nestedDocx(dir.resolve("nested.docx"), DEPTH);
        Path zip = nestedZip(dir.resolve("nested.zip"), DEPTH);
        try (Archive archive = Archive.open(config())) {
            long start = System.nanoTime();
            List<IngestOutcome> outcomes = ingestBetweenGoodFiles(archive, List.of(docx, zip));
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 60, "nesting is handled well within the limits");
            IngestOutcome nested = outcomes.get(0);
            if (nested.status() == IngestOutcome.Status.ADDED) {
                DocumentRecord r = archive.catalog().get(nested.documentId()).orElseThrow();
                assertTrue(r.text().contains("Уровень вложенности 0"), "the outer document's own text is kept: " + r.text());
                assertTrue(r.text().length() <= archive.config().maxTextChars());
            }
            assertEquals(IngestOutcome.Status.REJECTED, outcomes.get(1).status(), "a ZIP archive is not a document: " + outcomes.get(1));
        }
    }

    @Test
    void pdfsWithLoopingOrHugeObjectGraphsAreContained() throws Exception {
        List<Path> pdfs = List.of(
                pdf("kids-loop.pdf", "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>", "/Parent 2 0 R", ""),
                pdf("parent-loop.pdf", "<< /Type /Pages /Kids [3 0 R] /Count 1 /Parent 2 0 R >>", "/Parent 3 0 R", ""),
                pdf("self-reference.pdf", "<< /Type /Pages /Kids [3 0 R] /Count 1000000000 >>", "/Parent 2 0 R /Resources 6 0 R",
                        "6 0 obj\n<< /Self 6 0 R /XObject 6 0 R /Font << /F1 5 0 R >> /ExtGState 6 0 R >>\nendobj\n"),
                pdf("huge-tree.pdf", "<< /Type /Pages /Kids [" + "3 0 R ".repeat(20_000) + "] /Count 20000 >>", "/Parent 2 0 R", ""),
                pdf("deep-array.pdf", "<< /Type /Pages /Kids [3 0 R] /Count 1 /Deep " + "[".repeat(50_000) + "]".repeat(50_000) + " >>",
                        "/Parent 2 0 R", ""));
        try (Archive archive = Archive.open(config())) {
            List<IngestOutcome> outcomes = ingestBetweenGoodFiles(archive, pdfs);
            for (IngestOutcome o : outcomes) {
                if (o.status() == IngestOutcome.Status.ADDED) {
                    DocumentRecord r = archive.catalog().get(o.documentId()).orElseThrow();
                    assertTrue(r.text().length() <= archive.config().maxTextChars(), o.file());
                }
            }
            System.out.println("HostileInputsTest PDFs: " + outcomes.stream().map(IngestOutcome::message).toList());
        }
    }

    @Test
    void hostileFileNamesAreStoredSafelyAndNothingIsWrittenOutsideTheDataFolder() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        List<FileCollector.Input> inputs = new ArrayList<>();
        // Names as an upload form or an unpacked archive could hand them over: the display name is not a path on disk.
        String[] given = {"../../../../tmp/soko-escape.txt", "/etc/passwd", "..\\..\\windows\\win.ini",
            "красный\u001b[31m\u0007\r\nвторая строка\u0000.txt", "\u202Etxt.exe", "д".repeat(296) + ".txt", "  ", "./././..", "a/../../b.txt"};
        for (int i = 0; i < given.length; i++) {
            Path file = TestFiles.text(in, "name-" + i + ".txt", TestFiles.RUSSIAN_TEXT + "\nФайл с именем № " + i, StandardCharsets.UTF_8);
            inputs.add(new FileCollector.Input(file, given[i]));
        }
        // And names that really are on disk: control characters and a name at the file system's limit.
        String[] onDisk = {"ctl\u0001\u001b[2J\n\t.txt", "x".repeat(250) + ".txt", "..txt"};
        for (int i = 0; i < onDisk.length; i++) {
            Path file = TestFiles.text(in, onDisk[i], TestFiles.RUSSIAN_TEXT + "\nФайл на диске № " + i, StandardCharsets.UTF_8);
            inputs.addAll(FileCollector.collect(List.of(file)));
        }
        Set<String> before = listing(dir);
        AppConfig config = config();
        try (Archive archive = Archive.open(config)) {
            IngestSummary summary = archive.ingest().ingest(inputs, "test", IngestProgress.NONE);
            assertEquals(inputs.size(), summary.added(), summary.rejected().toString());
            for (IngestOutcome o : summary.outcomes()) {
                assertSane(o.message(), 400, "outcome message");
                DocumentRecord r = archive.catalog().get(o.documentId()).orElseThrow();
                assertSane(r.sourceName(), 255, "source name");
                assertSane(r.sourcePath(), 255, "source path");
                assertSane(r.title(), 300, "title");
                assertFalse(r.sourceName().contains("/") || r.sourceName().contains("\\"), "a name, not a path: " + r.sourceName());
                assertFalse(r.sourcePath().startsWith("/") || List.of(r.sourcePath().split("/")).contains(".."), "no climbing up: " + r.sourcePath());
                assertFalse(r.sourceName().isBlank() || r.sourcePath().isBlank(), "a name to show: «" + r.sourceName() + "»");
                assertTrue(Files.isRegularFile(archive.originals().pathOf(r.sha256())));
            }
            DocumentRecord longName = archive.catalog().get(summary.outcomes().get(5).documentId()).orElseThrow();
            assertTrue(longName.sourcePath().startsWith("дддд") && longName.sourcePath().endsWith(".txt"), "long names keep their extension: " + longName.sourcePath());
        }
        Set<String> created = listing(dir);
        created.removeAll(before);
        Path data = config.dataDir();
        for (String path : created) {
            assertTrue(Path.of(path).startsWith(data) || data.startsWith(Path.of(path)), "written outside the data folder: " + path);
        }
        assertFalse(Files.exists(Path.of("/tmp/soko-escape.txt")));
    }

    private static void assertSane(String value, int maxLength, String what) {
        assertNotNull(value, what);
        assertTrue(value.length() <= maxLength, what + " too long: " + value.length());
        value.codePoints().forEach(c -> assertFalse(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                || c == 0x2028 || c == 0x2029, what + " holds U+" + Integer.toHexString(c) + ": «" + value + "»"));
    }

    private static Set<String> listing(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.map(Path::toString).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void textInNoKnownEncodingIsRefusedOrKeptWithAWarning() throws Exception {
        List<Path> files = new ArrayList<>();
        files.add(TestFiles.randomBytes(dir, "random.txt", 20_000, 42));
        files.add(TestFiles.text(dir, "utf16le-no-bom.txt", TestFiles.RUSSIAN_TEXT, StandardCharsets.UTF_16LE));
        files.add(TestFiles.text(dir, "utf16be-no-bom.txt", TestFiles.RUSSIAN_TEXT, StandardCharsets.UTF_16BE));
        files.add(TestFiles.text(dir, "utf32.txt", TestFiles.RUSSIAN_TEXT, Charset.forName("UTF-32LE")));
        byte[] mixed = mixedEncodings();
        files.add(Files.write(dir.resolve("mixed.txt"), mixed));
        byte[] controls = new byte[8_000];
        for (int i = 0; i < controls.length; i++) {
            controls[i] = (byte) (i % 32);
        }
        files.add(Files.write(dir.resolve("controls.txt"), controls));
        try (Archive archive = Archive.open(config())) {
            List<IngestOutcome> outcomes = ingestBetweenGoodFiles(archive, files);
            for (IngestOutcome o : outcomes) {
                if (o.status() == IngestOutcome.Status.ADDED) {
                    DocumentRecord r = archive.catalog().get(o.documentId()).orElseThrow();
                    boolean readable = r.text().contains("самообследования") || r.text().contains("САМООБСЛЕДОВАНИЯ")
                            || r.text().contains("Министерства");
                    assertTrue(readable || !r.warnings().isEmpty(),
                            o.file() + " is kept as unreadable text without a warning: «" + r.text().substring(0, Math.min(200, r.text().length())) + "»");
                    r.text().codePoints().forEach(c -> assertFalse(c == 0 || (Character.isISOControl(c) && c != '\n' && c != '\t'),
                            o.file() + " keeps control character U+" + Integer.toHexString(c)));
                }
            }
            for (int i : new int[] {1, 2}) {
                IngestOutcome utf16 = outcomes.get(i);
                assertEquals(IngestOutcome.Status.ADDED, utf16.status(), "Russian UTF-16 without a byte-order mark is read: " + utf16.message());
                assertTrue(archive.catalog().get(utf16.documentId()).orElseThrow().text().contains("самообследования"), utf16.file());
            }
            assertEquals(IngestOutcome.Status.REJECTED, outcomes.get(0).status(), "random bytes are no text: " + outcomes.get(0).message());
            System.out.println("HostileInputsTest encodings: " + outcomes.stream().map(IngestOutcome::message).toList());
        }
    }

    /** Lines in UTF-8, Windows-1251 and KOI8-R alternating: no single charset reads it all. */
    private static byte[] mixedEncodings() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] charsets = {"UTF-8", "windows-1251", "KOI8-R", "IBM866"};
        int i = 0;
        for (String line : TestFiles.RUSSIAN_TEXT.split("\n")) {
            out.write((line + "\n").getBytes(Charset.forName(charsets[i++ % charsets.length])));
        }
        return out.toByteArray();
    }

    // ---- generators ----

    private Path pdf(String name, String pagesObject, String pageExtra, String extraObjects) throws IOException {
        String content = "BT /F1 12 Tf 72 700 Td (Hostile PDF structure test) Tj ET";
        List<String> objects = new ArrayList<>();
        objects.add("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
        objects.add("2 0 obj\n" + pagesObject + "\nendobj\n");
        objects.add("3 0 obj\n<< /Type /Page " + pageExtra + " /MediaBox [0 0 612 792] /Contents 4 0 R"
                + (pageExtra.contains("/Resources") ? "" : " /Resources << /Font << /F1 5 0 R >> >>") + " >>\nendobj\n");
        objects.add("4 0 obj\n<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream\nendobj\n");
        objects.add("5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n");
        if (!extraObjects.isEmpty()) {
            objects.add(extraObjects);
        }
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (String object : objects) {
            offsets.add(pdf.length());
            pdf.append(object);
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        return Files.writeString(dir.resolve(name), pdf.toString(), StandardCharsets.ISO_8859_1);
    }

    private static final String CONTENT_TYPES = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Default Extension=\"docx\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document\"/>"
            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
    private static final String RELS = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";

    /** A DOCX that embeds a DOCX that embeds a DOCX … {@code depth} levels, each with a line of its own. */
    private static Path nestedDocx(Path file, int depth) throws IOException {
        byte[] inner;
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("Уровень вложенности " + depth);
            doc.write(out);
            inner = out.toByteArray();
        }
        for (int level = depth - 1; level >= 0; level--) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                entry(zip, "[Content_Types].xml", CONTENT_TYPES.getBytes(StandardCharsets.UTF_8));
                entry(zip, "_rels/.rels", RELS.getBytes(StandardCharsets.UTF_8));
                entry(zip, "word/_rels/document.xml.rels", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + "<Relationship Id=\"rId5\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/package\" "
                        + "Target=\"embeddings/inner.docx\"/></Relationships>").getBytes(StandardCharsets.UTF_8));
                entry(zip, "word/document.xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                        + "<w:p><w:r><w:t>Уровень вложенности " + level + "</w:t></w:r></w:p></w:body></w:document>").getBytes(StandardCharsets.UTF_8));
                entry(zip, "word/embeddings/inner.docx", inner);
            }
            inner = out.toByteArray();
        }
        return Files.write(file, inner);
    }

    private static Path nestedZip(Path file, int depth) throws IOException {
        byte[] inner = "Самый глубокий файл".getBytes(StandardCharsets.UTF_8);
        String name = "deep.txt";
        for (int level = depth - 1; level >= 0; level--) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                entry(zip, name, inner);
            }
            inner = out.toByteArray();
            name = "level-" + level + ".zip";
        }
        return Files.write(file, inner);
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        OutputStream out = zip;
        out.write(bytes);
        zip.closeEntry();
    }
}
