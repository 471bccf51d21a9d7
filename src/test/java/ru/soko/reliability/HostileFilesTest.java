package ru.soko.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.soko.Archive;
import ru.soko.catalog.DocumentRecord;
import ru.soko.ingest.FileCollector;
import ru.soko.ingest.IngestOutcome;
import ru.soko.ingest.IngestProgress;
import ru.soko.ingest.IngestSummary;
import ru.soko.testing.TestArchives;
import ru.soko.testing.TestFiles;

/** Files made to hurt a parser: each is contained, and the batch and the archive go on. */
class HostileFilesTest {

    @TempDir
    Path dir;

    private static final String CONTENT_TYPES = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
    private static final String RELS = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";

    private Path docx(String name, String documentXmlHead, byte[] body, String documentXmlTail) throws Exception {
        Path file = dir.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(CONTENT_TYPES.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("_rels/.rels"));
            zip.write(RELS.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(documentXmlHead.getBytes(StandardCharsets.UTF_8));
            zip.write(body);
            zip.write(documentXmlTail.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return file;
    }

    @Test
    void zipBombDocxIsContainedAndTheBatchGoesOn() throws Exception {
        // About 300 MB of text that deflates to well under a megabyte.
        Path bomb = dir.resolve("bomb.docx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(CONTENT_TYPES.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("_rels/.rels"));
            zip.write(RELS.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            OutputStream out = zip;
            out.write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "самообследование ".repeat(4096).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 2000; i++) {
                out.write(chunk);
            }
            out.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertTrue(Files.size(bomb) < 5_000_000, "the bomb is small on disk: " + Files.size(bomb));
        Path good = TestFiles.text(dir, "good.txt", TestFiles.RUSSIAN_TEXT, StandardCharsets.UTF_8);
        try (Archive archive = Archive.open(TestArchives.withoutOcr(dir.resolve("data-home")))) {
            IngestSummary summary = archive.ingest().ingest(FileCollector.collect(List.of(bomb, good)), "test", IngestProgress.NONE);
            IngestOutcome bombOutcome = summary.outcomes().get(0);
            if (bombOutcome.status() == IngestOutcome.Status.ADDED) {
                DocumentRecord r = archive.catalog().get(bombOutcome.documentId()).orElseThrow();
                assertTrue(r.textTruncated(), "kept only as a truncated text with a warning");
                assertTrue(r.text().length() <= archive.config().maxTextChars());
            } else {
                assertEquals(IngestOutcome.Status.REJECTED, bombOutcome.status());
            }
            assertEquals(IngestOutcome.Status.ADDED, summary.outcomes().get(1).status(), "the next file is read");
        }
    }

    @Test
    void externalEntitiesNeverReadALocalFile() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "СЕКРЕТНАЯ-СТРОКА-42");
        String head = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>Текст ";
        Path xxe = docx("xxe.docx", head, "&xxe;".getBytes(StandardCharsets.UTF_8), " конец</w:t></w:r></w:p></w:body></w:document>");
        Path html = TestFiles.text(dir, "xxe.html", "<?xml version=\"1.0\"?><!DOCTYPE html [<!ENTITY xxe SYSTEM \"" + secret.toUri()
                + "\">]><html><body><p>Справка &xxe;</p></body></html>", StandardCharsets.UTF_8);
        try (Archive archive = Archive.open(TestArchives.withoutOcr(dir.resolve("data-home")))) {
            IngestSummary summary = archive.ingest().ingest(FileCollector.collect(List.of(xxe, html)), "test", IngestProgress.NONE);
            for (IngestOutcome o : summary.outcomes()) {
                if (o.status() == IngestOutcome.Status.ADDED) {
                    String text = archive.catalog().get(o.documentId()).orElseThrow().text();
                    assertFalse(text.contains("СЕКРЕТНАЯ"), o.file() + " read the local file: " + text);
                }
            }
            assertEquals(2, summary.outcomes().size());
        }
    }
}
