package ru.soko.selfeval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import ru.soko.util.Json;

/** The hand-written ground truth {@code labels/selfeval.json}: every indicator row of every sample report. */
record SelfEvalLabels(String file, String organisation, int reportYear, boolean scanned, List<Row> indicators) {

    record Row(String code, Double value, Double percent, String unit, String text) {
    }

    /** The path under sample-docs/, as the sample archive keys its records. */
    String samplePath() {
        return file.startsWith("sample-docs/") ? file.substring("sample-docs/".length()) : file;
    }

    static List<SelfEvalLabels> load() {
        try (InputStream in = SelfEvalLabels.class.getResourceAsStream("/labels/selfeval.json")) {
            if (in == null) {
                throw new IOException("нет ресурса /labels/selfeval.json");
            }
            return List.of(Json.mapper().readValue(in, SelfEvalLabels[].class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
