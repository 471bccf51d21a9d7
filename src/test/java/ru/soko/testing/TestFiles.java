package ru.soko.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Makes the awkward files tests need, so no third-party samples are required. */
public final class TestFiles {

    /** A realistic paragraph: long enough for charset detection to have something to go on. */
    public static final String RUSSIAN_TEXT = """
            МИНИСТЕРСТВО ОБРАЗОВАНИЯ КУЗБАССА
            ПРИКАЗ
            Об организации самообследования образовательных организаций по итогам 2023 года
            В соответствии с приказом Министерства образования и науки Российской Федерации
            от 14.06.2013 № 462 «Об утверждении Порядка проведения самообследования образовательной
            организацией» и в целях обеспечения открытости и доступности информации о деятельности
            общеобразовательных организаций Кемеровской области – Кузбасса приказываю:
            1. Руководителям муниципальных органов управления образованием обеспечить размещение
            отчётов о результатах самообследования на официальных сайтах школ до 20 апреля 2024 года.
            2. Контроль за исполнением настоящего приказа возложить на заместителя министра.
            """;

    private TestFiles() {
    }

    public static Path text(Path dir, String name, String content, Charset charset) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content.getBytes(charset));
        return file;
    }

    public static Path pdf(Path dir, String name, String latinText) throws IOException {
        Path file = dir.resolve(name);
        try (PDDocument doc = new PDDocument()) {
            addPage(doc, latinText);
            doc.save(file.toFile());
        }
        return file;
    }

    public static Path encryptedPdf(Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        try (PDDocument doc = new PDDocument()) {
            addPage(doc, "Secret order text");
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-pass", "user-pass", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(file.toFile());
        }
        return file;
    }

    public static Path truncatedCopy(Path source, Path dir, String name, double keepShare) throws IOException {
        byte[] bytes = Files.readAllBytes(source);
        Path file = dir.resolve(name);
        Files.write(file, java.util.Arrays.copyOf(bytes, (int) (bytes.length * keepShare)));
        return file;
    }

    /** A ZIP that claims to be a DOCX but holds no Word part at all. */
    public static Path brokenDocx(Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>".getBytes());
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>обрыв".getBytes());
            zip.closeEntry();
        }
        return file;
    }

    public static Path docx(Path dir, String name, String paragraph) throws IOException {
        Path file = dir.resolve(name);
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            doc.createParagraph().createRun().setText(paragraph);
            doc.write(out);
        }
        return file;
    }

    /** A DOCX protected with a password, as Word's «Зашифровать паролем» makes it. */
    public static Path encryptedDocx(Path dir, String name) throws Exception {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText("Проект экспертного заключения");
            doc.write(plain);
        }
        Path file = dir.resolve(name);
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("secret");
            try (OPCPackage opc = OPCPackage.open(new java.io.ByteArrayInputStream(plain.toByteArray()));
                 OutputStream os = encryptor.getDataStream(fs)) {
                opc.save(os);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        }
        return file;
    }

    public static Path randomBytes(Path dir, String name, int size, long seed) throws IOException {
        byte[] bytes = new byte[size];
        new java.util.Random(seed).nextBytes(bytes);
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static void addPage(PDDocument doc, String latinText) throws IOException {
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
            content.beginText();
            content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
            content.newLineAtOffset(72, 700);
            content.showText(latinText);
            content.endText();
        }
    }
}
