package ru.soko.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;

/**
 * Runs Tika on one file inside the extraction worker process. It decides the format from the
 * bytes (the extension may lie), refuses what the archive does not take, and runs Tesseract only
 * when asked to, for a scan whose text layer turned out empty.
 */
public final class TikaTextExtractor {

    /** Below this many letters and digits per page, a PDF is taken for a scan without a text layer. */
    static final int MIN_CHARS_PER_PAGE = 40;
    private static final int MAX_METADATA_VALUE = 500;

    private final AutoDetectParser parser = new AutoDetectParser();
    private final Detector detector = parser.getDetector();
    private final RussianEncodingDetector encodings = new RussianEncodingDetector();

    public Extraction extract(ExtractRequest request) {
        Path path = Path.of(request.path());
        try {
            if (Files.size(path) == 0) {
                return Extraction.failed(RejectReason.EMPTY, null);
            }
            MediaType type = detect(path, request.fileName());
            Optional<Extraction> refused = refuseByType(type);
            if (refused.isPresent()) {
                return refused.get();
            }
            DocumentFormat format = DocumentFormat.ofMediaType(type.toString()).orElseThrow();
            Extraction first = parse(path, request, format, false);
            if (first.ok() && garbled(first.text())) {
                if (format == DocumentFormat.TXT) {
                    return Extraction.failed(RejectReason.CORRUPT, "текст не читается ни в одной из известных кодировок "
                            + "(UTF-8, UTF-16, Windows-1251, KOI8-R, CP866)");
                }
                first = withWarning(first, "большая часть текста — нечитаемые символы: файл, возможно, повреждён");
            }
            if (first.ok() && request.ocr() && looksScanned(format, first)) {
                Extraction ocred = parse(path, request, format, true);
                return ocred.ok() ? ocred : withWarning(first, "распознавание текста не удалось: " + ocred.failureDetail());
            }
            return first;
        } catch (IOException e) {
            return Extraction.failed(RejectReason.UNREADABLE, e.getMessage());
        }
    }

    /** True when the text layer is missing: an image, or a PDF with (almost) no characters. */
    public static boolean looksScanned(DocumentFormat format, Extraction extraction) {
        if (format.isImage()) {
            return true;
        }
        if (format != DocumentFormat.PDF) {
            return false;
        }
        long meaningful = extraction.text().chars().filter(Character::isLetterOrDigit).count();
        return meaningful < (long) MIN_CHARS_PER_PAGE * Math.max(1, extraction.pages());
    }

    private MediaType detect(Path path, String fileName) throws IOException {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        try (TikaInputStream in = TikaInputStream.get(path, metadata)) {
            return detector.detect(in, metadata);
        }
    }

    private static Optional<Extraction> refuseByType(MediaType type) {
        String base = type.getBaseType().toString().toLowerCase(Locale.ROOT);
        if (base.equals("application/x-tika-ooxml-protected") || base.equals("application/x-tika-msoffice-encrypted")) {
            return Optional.of(Extraction.failed(RejectReason.ENCRYPTED, null));
        }
        if (base.equals("application/x-tika-ooxml") || base.equals("application/x-tika-msoffice")) {
            return Optional.of(Extraction.failed(RejectReason.CORRUPT, "структура документа Office не распознана"));
        }
        if (DocumentFormat.ofMediaType(base).isEmpty()) {
            return Optional.of(Extraction.failed(RejectReason.UNSUPPORTED, "определён тип " + base));
        }
        return Optional.empty();
    }

    private Extraction parse(Path path, ExtractRequest request, DocumentFormat format, boolean ocr) throws IOException {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, request.fileName());
        WriteOutContentHandler sink = new WriteOutContentHandler(request.maxChars());
        BodyContentHandler handler = new BodyContentHandler(sink);
        List<String> warnings = new ArrayList<>();
        boolean truncated = false;
        try (TikaInputStream in = TikaInputStream.get(path, metadata)) {
            parser.parse(in, handler, metadata, context(request, ocr));
        } catch (EncryptedDocumentException e) {
            return Extraction.failed(RejectReason.ENCRYPTED, null);
        } catch (Exception e) {
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                truncated = true;
                warnings.add("текст обрезан до " + request.maxChars() + " символов");
            } else if (hasCause(e, EncryptedDocumentException.class)) {
                return Extraction.failed(RejectReason.ENCRYPTED, null);
            } else {
                return Extraction.failed(RejectReason.CORRUPT, shortMessage(e));
            }
        }
        String text = normalise(sink.toString());
        int pages = pageCount(metadata);
        return new Extraction(metadata.get(Metadata.CONTENT_TYPE), format.name(), text, truncated, ocr,
                pages, interestingMetadata(metadata), warnings, null, null);
    }

    private ParseContext context(ExtractRequest request, boolean ocr) {
        ParseContext context = new ParseContext();
        context.set(Parser.class, parser);
        context.set(org.apache.tika.detect.EncodingDetector.class, encodings);
        TesseractOCRConfig ocrConfig = new TesseractOCRConfig();
        ocrConfig.setSkipOcr(!ocr);
        if (ocr) {
            ocrConfig.setLanguage(request.ocrLanguages());
            // One uniform block: table rows come out as lines (the default layout analysis reads an
            // indicator table column by column, which loses which value belongs to which row).
            ocrConfig.setPageSegMode("6");
            ocrConfig.setPreserveInterwordSpacing(true);
            ocrConfig.setTimeoutSeconds(request.ocrTimeoutSeconds());
        }
        context.set(TesseractOCRConfig.class, ocrConfig);
        PDFParserConfig pdfConfig = new PDFParserConfig();
        pdfConfig.setExtractInlineImages(false);
        pdfConfig.setOcrStrategy(ocr ? PDFParserConfig.OCR_STRATEGY.OCR_ONLY : PDFParserConfig.OCR_STRATEGY.NO_OCR);
        context.set(PDFParserConfig.class, pdfConfig);
        return context;
    }

    private static Extraction withWarning(Extraction e, String warning) {
        List<String> warnings = new ArrayList<>(e.warnings());
        warnings.add(warning);
        return new Extraction(e.mediaType(), e.format(), e.text(), e.truncated(), e.ocrUsed(), e.pages(),
                e.metadata(), warnings, null, null);
    }

    /**
     * True when most of a text is neither Cyrillic nor Latin letters, digits, punctuation or common
     * symbols: what bytes in an unknown encoding (or no text at all) decode to, e.g. random bytes read
     * as UTF-16 come out as Chinese and Korean characters.
     */
    static boolean garbled(String text) {
        long counted = 0;
        long unreadable = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c)) {
                continue;
            }
            counted++;
            boolean readable = c < 0x0250 && !Character.isISOControl(c) // Latin with its supplements, punctuation
                    || c >= 0x0370 && c < 0x0530                        // Greek, Cyrillic
                    || c >= 0x2000 && c < 0x2460                        // punctuation, currency, letter-like, arrows, maths
                    || c >= 0x2500 && c < 0x2600;                       // box drawing, shapes
            if (!readable) {
                unreadable++;
            }
        }
        return counted >= 20 && unreadable * 10 > counted * 3;
    }

    /**
     * Collapses the runs of blank lines and trailing spaces that office formats leave behind; control
     * characters other than line breaks and tabs become spaces.
     */
    static String normalise(String text) {
        String unified = text.replace("\r\n", "\n").replace('\r', '\n').replace('\u00A0', ' ')
                .replaceAll("[\\p{Cc}&&[^\\n\\t]]", " ");
        StringBuilder out = new StringBuilder(unified.length());
        int blank = 0;
        for (String line : unified.split("\n", -1)) {
            String trimmed = line.stripTrailing();
            if (trimmed.isBlank()) {
                blank++;
                if (blank > 1) {
                    continue;
                }
                out.append('\n');
            } else {
                blank = 0;
                out.append(trimmed).append('\n');
            }
        }
        return out.toString().strip();
    }

    private static int pageCount(Metadata metadata) {
        String pages = metadata.get(PagedText.N_PAGES);
        if (pages == null) {
            pages = metadata.get("meta:page-count");
        }
        try {
            return pages == null ? 0 : Integer.parseInt(pages.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Map<String, String> interestingMetadata(Metadata metadata) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String name : metadata.names()) {
            if (name.startsWith("X-TIKA") || name.startsWith("access_permission") || name.equals("resourceName")) {
                continue;
            }
            String value = String.join("; ", metadata.getValues(name));
            result.put(name, value.length() > MAX_METADATA_VALUE ? value.substring(0, MAX_METADATA_VALUE) : value);
        }
        return result;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String shortMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String line = message.lines().findFirst().orElse(message);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
