package ru.soko.search;

/** Another process (usually a running {@code serve}) holds the index for writing. */
public class ArchiveBusyException extends RuntimeException {
    public ArchiveBusyException() {
        super("архив занят другим процессом (например, запущенным serve): остановите его или укажите другую папку --data");
    }
}
