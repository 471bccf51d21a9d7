package ru.soko.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.soko.testing.TestFiles;

class TikaTextExtractorTest {

    private final TikaTextExtractor extractor = new TikaTextExtractor();

    @TempDir
    Path dir;

    private Extraction extract(Path file) {
        return extractor.extract(new ExtractRequest(file.toString(), file.getFileName().toString(), false, "rus+eng", 1_000_000, 60));
    }

    @Test
    void decodesWindows1251TextWithoutMojibake() throws Exception {
        Path file = TestFiles.text(dir, "prikaz.txt", TestFiles.RUSSIAN_TEXT, Charset.forName("windows-1251"));
        Extraction e = extract(file);
        assertTrue(e.ok(), () -> "rejected: " + e.failure());
        assertEquals(TestFiles.RUSSIAN_TEXT.strip(), e.text());
        assertEquals("TXT", e.format());
    }

    @Test
    void decodesKoi8rTextWithoutMojibake() throws Exception {
        // KOI8-R has no №, guillemets or en dash; a real KOI8-R file would not contain them either.
        String koiSafe = TestFiles.RUSSIAN_TEXT.replace("№", "N").replace('«', '"').replace('»', '"').replace('–', '-');
        Path file = TestFiles.text(dir, "prikaz-koi.txt", koiSafe, Charset.forName("KOI8-R"));
        Extraction e = extract(file);
        assertTrue(e.ok());
        assertEquals(koiSafe.strip(), e.text());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"UTF-8", "windows-1251", "KOI8-R", "IBM866"})
    void decodesAShortOrderInEveryRussianEncoding(String charset) throws Exception {
        // Short texts are where statistical detectors fail (a 700-byte UTF-8 order was once read as GB18030).
        String order = "МИНИСТЕРСТВО ОБРАЗОВАНИЯ КУЗБАССА\nПРИКАЗ\nот 24.07.2020 N 1291\nг. Кемерово\n"
                + "Об утверждении Положения о региональной системе оценки качества образования\n";
        Path file = TestFiles.text(dir, "short-" + charset + ".txt", order, Charset.forName(charset));
        assertEquals(order.strip(), extract(file).text());
    }

    @Test
    void decodesUtf8TextWithByteOrderMark() throws Exception {
        Path file = dir.resolve("bom.txt");
        byte[] body = TestFiles.RUSSIAN_TEXT.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Files.write(file, withBom);
        assertEquals(TestFiles.RUSSIAN_TEXT.strip(), extract(file).text().replace("\uFEFF", ""));
    }

    @Test
    void detectsFormatFromContentNotFromExtension() throws Exception {
        Path pdf = TestFiles.pdf(dir, "looks-like-text.txt", "Order number 283 of the ministry");
        Extraction e = extract(pdf);
        assertTrue(e.ok());
        assertEquals("PDF", e.format());
        assertTrue(e.text().contains("Order number 283"));
    }

    @Test
    void rejectsEmptyFile() throws Exception {
        Path file = Files.createFile(dir.resolve("empty.pdf"));
        assertEquals(RejectReason.EMPTY, extract(file).failure());
    }

    @Test
    void rejectsUnknownBinaryAsUnsupported() throws Exception {
        Extraction e = extract(TestFiles.randomBytes(dir, "data.bin", 4096, 7));
        assertEquals(RejectReason.UNSUPPORTED, e.failure());
        assertTrue(e.failureDetail().contains("application/octet-stream"));
    }

    @Test
    void rejectsSupportedButUnwantedTypeAsUnsupported() throws Exception {
        Path zip = dir.resolve("bundle.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("a.txt"));
            out.write("текст".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        assertEquals(RejectReason.UNSUPPORTED, extract(zip).failure());
    }

    @Test
    void rejectsEncryptedPdfWithClearError() throws Exception {
        assertEquals(RejectReason.ENCRYPTED, extract(TestFiles.encryptedPdf(dir, "secret.pdf")).failure());
    }

    @Test
    void rejectsEncryptedDocxWithClearError() throws Exception {
        assertEquals(RejectReason.ENCRYPTED, extract(TestFiles.encryptedDocx(dir, "secret.docx")).failure());
    }

    @Test
    void rejectsTruncatedPdfAsCorrupt() throws Exception {
        Path good = TestFiles.pdf(dir, "good.pdf", "Regional order on monitoring of the education system, full text");
        Path broken = TestFiles.truncatedCopy(good, dir, "broken.pdf", 0.4);
        Extraction e = extract(broken);
        assertEquals(RejectReason.CORRUPT, e.failure(), () -> "got " + e.failure() + " text=" + e.text());
    }

    @Test
    void rejectsBrokenDocxAsCorrupt() throws Exception {
        Extraction e = extract(TestFiles.brokenDocx(dir, "broken.docx"));
        assertEquals(RejectReason.CORRUPT, e.failure());
    }

    @Test
    void readsDocxMadeByAnotherProgram() throws Exception {
        Extraction e = extract(TestFiles.docx(dir, "order.docx", "Об утверждении Положения о ВСОКО"));
        assertTrue(e.ok());
        assertEquals("DOCX", e.format());
        assertEquals("Об утверждении Положения о ВСОКО", e.text());
    }

    @Test
    void cutsTextAtTheConfiguredLimitAndSaysSo() throws Exception {
        Path file = TestFiles.text(dir, "long.txt", TestFiles.RUSSIAN_TEXT.repeat(50), StandardCharsets.UTF_8);
        Extraction e = extractor.extract(new ExtractRequest(file.toString(), "long.txt", false, "rus", 1000, 60));
        assertTrue(e.ok());
        assertTrue(e.truncated());
        assertTrue(e.text().length() <= 1000);
        assertFalse(e.warnings().isEmpty());
    }

    @Test
    void treatsPdfWithoutTextLayerAsScanned() throws Exception {
        Path blank = dir.resolve("blank.pdf");
        try (var doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
            doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            doc.save(blank.toFile());
        }
        Extraction e = extract(blank);
        assertTrue(e.ok());
        assertTrue(TikaTextExtractor.looksScanned(DocumentFormat.PDF, e));
        assertFalse(e.ocrUsed());
        assertNull(e.failure());
    }
}
