package ru.soko.selfeval;

/** One stored report of a school for a year: whether it is the current one, and how many rows it gave. */
public record ReportVersion(long documentId, boolean current, int rows) {
}
