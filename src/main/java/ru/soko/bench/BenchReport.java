package ru.soko.bench;

import java.util.List;
import java.util.Map;

/** Everything one {@code bench run} measured; written as JSON and printed as a table. */
public record BenchReport(
        String startedAt,
        Machine machine,
        CorpusGenerator.Corpus corpus,
        Ingest ingest,
        List<RegistryImport> registryImports,
        Rebuild rebuild,
        Storage storage,
        Startup startup,
        List<SearchLoad> search,
        List<RegistryPage> registryPages,
        Heap heap,
        List<String> notes) {

    public record Machine(String cpu, int cores, long memoryBytes, String java, long maxHeapBytes, String os) {
    }

    /** An ingest run: {@code mode} «indexing» (text already extracted) or «full» (files parsed). */
    public record Ingest(String mode, long documents, long added, long rejected, double seconds, double docsPerSecond,
                         double textMBPerSecond, double fileMBPerSecond, double cpuSecondsMain, double cpuSecondsWorker,
                         double coresBusy, double docsPerCpuSecond) {
    }

    /**
     * The index rebuilt from the catalogue ({@code bench run --rebuild}): indexing of extracted text
     * alone, without parsing, requisites or SQLite writes. Null when not run.
     */
    public record Rebuild(long documents, long entries, double seconds, double docsPerSecond, double entriesPerSecond,
                          double textMBPerSecond, double cpuSeconds, double coresBusy, double docsPerCpuSecond) {
    }

    public record RegistryImport(String registry, long rows, long added, double seconds) {
    }

    public record Storage(long indexBytes, long databaseBytes, long originalsBytes, double indexBytesPerDoc,
                          double databaseBytesPerDoc, long documentsInIndex) {
    }

    /** From opening the archive to the first search answer over HTTP. */
    public record Startup(double openSeconds, double serverStartSeconds, double firstAnswerSeconds, double totalSeconds) {
    }

    /** CPU figures are null where not measured (PostgreSQL runs in its own processes). */
    public record SearchLoad(String via, int clients, Latencies.Summary all, Map<String, Latencies.Summary> byKind,
                             Double processCpuMsPerQuery, Map<String, Double> threadCpuMsByKind) {
    }

    public record RegistryPage(String path, long total, Latencies.Summary latency) {
    }

    public record Heap(long usedAfterGcBytes, long committedBytes, long maxBytes) {
    }
}
