package ru.soko.extract;

/** One file for the extraction worker, sent as a line of JSON. */
public record ExtractRequest(String path, String fileName, boolean ocr, String ocrLanguages,
                             int maxChars, int ocrTimeoutSeconds) {
}
