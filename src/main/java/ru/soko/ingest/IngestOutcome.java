package ru.soko.ingest;

import java.util.List;
import ru.soko.extract.RejectReason;

/** What happened to one file: added, already there, or rejected with a reason. */
public record IngestOutcome(String file, Status status, Long documentId, RejectReason reason, String detail,
                            List<String> warnings) {

    public enum Status { ADDED, DUPLICATE, REJECTED }

    public static IngestOutcome added(String file, long id, List<String> warnings) {
        return new IngestOutcome(file, Status.ADDED, id, null, null, warnings);
    }

    public static IngestOutcome duplicate(String file, long existingId) {
        return new IngestOutcome(file, Status.DUPLICATE, existingId, null, null, List.of());
    }

    public static IngestOutcome rejected(String file, RejectReason reason, String detail) {
        return new IngestOutcome(file, Status.REJECTED, null, reason, detail, List.of());
    }

    /** One line a user can act on, e.g. «scan.pdf: файл зашифрован или защищён паролем». */
    public String message() {
        return switch (status) {
            case ADDED -> file + ": добавлен, № " + documentId
                    + (warnings.isEmpty() ? "" : " (" + String.join("; ", warnings) + ")");
            case DUPLICATE -> file + ": уже в архиве, № " + documentId;
            case REJECTED -> file + ": " + reason.description() + (detail == null ? "" : " — " + detail);
        };
    }
}
