package ru.soko.extract;

/** Why a file was not taken into the archive. Each carries the Russian wording users see. */
public enum RejectReason {
    EMPTY("пустой файл (0 байт)"),
    TOO_LARGE("файл больше допустимого размера"),
    UNSUPPORTED("формат файла не поддерживается"),
    ENCRYPTED("файл зашифрован или защищён паролем"),
    CORRUPT("файл повреждён или не читается"),
    TIMEOUT("разбор файла превысил лимит времени"),
    CRASHED("разборщик файла аварийно завершился (вероятно, не хватило памяти)"),
    UNREADABLE("файл не удалось прочитать");

    private final String description;

    RejectReason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
