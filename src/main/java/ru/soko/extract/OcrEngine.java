package ru.soko.extract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Whether Tesseract is installed with the languages the archive needs. Asked once at start. */
public record OcrEngine(boolean available, String languages, String problem) {

    public static OcrEngine probe(boolean enabled, String languages) {
        if (!enabled) {
            return new OcrEngine(false, languages, "распознавание отключено настройкой ocr=off");
        }
        try {
            Process process = new ProcessBuilder("tesseract", "--list-langs").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(20, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return new OcrEngine(false, languages, "tesseract не отвечает");
            }
            List<String> installed = output.lines().map(String::trim).toList();
            List<String> missing = Arrays.stream(languages.split("\\+")).filter(l -> !installed.contains(l)).toList();
            if (!missing.isEmpty()) {
                return new OcrEngine(false, languages, "для tesseract не установлены языки: " + String.join(", ", missing)
                        + " (пакет tesseract-ocr-rus)");
            }
            return new OcrEngine(true, languages, null);
        } catch (IOException e) {
            return new OcrEngine(false, languages, "Tesseract не установлен (пакеты tesseract-ocr, tesseract-ocr-rus)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new OcrEngine(false, languages, "проверка tesseract прервана");
        }
    }
}
