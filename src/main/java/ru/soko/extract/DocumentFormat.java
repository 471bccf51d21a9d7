package ru.soko.extract;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The file formats the archive accepts, each with the media types Tika reports for it. */
public enum DocumentFormat {
    PDF("pdf", false, "application/pdf"),
    DOCX("docx", false, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    DOC("doc", false, "application/msword"),
    ODT("odt", false, "application/vnd.oasis.opendocument.text"),
    RTF("rtf", false, "application/rtf"),
    XLSX("xlsx", false, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    XLS("xls", false, "application/vnd.ms-excel"),
    ODS("ods", false, "application/vnd.oasis.opendocument.spreadsheet"),
    HTML("html", false, "text/html", "application/xhtml+xml"),
    TXT("txt", false, "text/plain"),
    PNG("png", true, "image/png"),
    JPEG("jpeg", true, "image/jpeg"),
    TIFF("tiff", true, "image/tiff");

    private final String label;
    private final boolean image;
    private final List<String> mediaTypes;

    DocumentFormat(String label, boolean image, String... mediaTypes) {
        this.label = label;
        this.image = image;
        this.mediaTypes = List.of(mediaTypes);
    }

    /** Short lower-case name used in the catalogue, facets and statistics. */
    public String label() {
        return label;
    }

    /** An image has no text of its own: all of it comes from OCR. */
    public boolean isImage() {
        return image;
    }

    /** Finds the format of a media type, ignoring parameters such as {@code ; charset=...}. */
    public static Optional<DocumentFormat> ofMediaType(String mediaType) {
        String base = mediaType == null ? "" : mediaType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.mediaTypes.contains(base)).findFirst();
    }
}
