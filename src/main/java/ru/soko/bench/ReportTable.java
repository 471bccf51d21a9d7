package ru.soko.bench;

import java.io.PrintWriter;
import java.util.Locale;

/** The report as a plain-text table for the console and as Markdown rows for docs/BENCHMARKS.md. */
final class ReportTable {

    private ReportTable() {
    }

    static void print(BenchReport r, PrintWriter out) {
        out.printf(Locale.ROOT, "%nКорпус: %d документов (%s), текст %.1f МБ, файлы %.1f МБ%n", r.corpus().documents(),
                r.corpus().format(), r.corpus().textBytes() / 1048576.0, r.corpus().fileBytes() / 1048576.0);
        out.printf(Locale.ROOT, "Машина: %s, ядер %d, память %.1f ГБ, %s, куча до %.1f ГБ%n", r.machine().cpu(), r.machine().cores(),
                r.machine().memoryBytes() / 1e9, r.machine().java(), r.machine().maxHeapBytes() / 1e9);
        if (r.ingest() != null) {
            var i = r.ingest();
            out.printf(Locale.ROOT, "Приём (%s): %d док за %.1f с = %.0f док/с, %.2f МБ текста/с, %.2f МБ файлов/с; "
                            + "ЦП %.0f с + рабочий процесс %.0f с (%.2f ядра), %.1f док на секунду ЦП%n", i.mode(), i.added(), i.seconds(),
                    i.docsPerSecond(), i.textMBPerSecond(), i.fileMBPerSecond(), i.cpuSecondsMain(), i.cpuSecondsWorker(),
                    i.coresBusy(), i.docsPerCpuSecond());
        }
        r.registryImports().forEach(ri -> out.printf(Locale.ROOT, "Реестр %s: %d записей за %.1f с%n", ri.registry(), ri.added(), ri.seconds()));
        if (r.rebuild() != null) {
            var b = r.rebuild();
            out.printf(Locale.ROOT, "Переиндексация из каталога: %d док + %d записей реестров за %.1f с = %.0f док/с (%.0f записей/с), "
                            + "%.2f МБ текста/с; ЦП %.0f с (%.2f ядра), %.1f док на секунду ЦП%n", b.documents(), b.entries() - b.documents(),
                    b.seconds(), b.docsPerSecond(), b.entriesPerSecond(), b.textMBPerSecond(), b.cpuSeconds(), b.coresBusy(),
                    b.docsPerCpuSecond());
        }
        var s = r.storage();
        out.printf(Locale.ROOT, "Размер: индекс %.1f МБ (%.0f Б/док), SQLite %.1f МБ (%.0f Б/док), оригиналы %.1f МБ; в индексе %d записей%n",
                s.indexBytes() / 1048576.0, s.indexBytesPerDoc(), s.databaseBytes() / 1048576.0, s.databaseBytesPerDoc(),
                s.originalsBytes() / 1048576.0, s.documentsInIndex());
        out.printf(Locale.ROOT, "Старт до первого ответа: %.2f с (открытие %.2f, сервер %.2f, первый запрос %.2f)%n",
                r.startup().totalSeconds(), r.startup().openSeconds(), r.startup().serverStartSeconds(), r.startup().firstAnswerSeconds());
        out.println();
        out.printf("%-11s %-8s %-10s %7s %7s %7s %7s %8s%n", "путь", "клиенты", "запросы", "p50 мс", "p95 мс", "p99 мс", "макс", "запр/с");
        for (BenchReport.SearchLoad l : r.search()) {
            row(out, l.via(), l.clients(), "все", l.all());
            l.byKind().forEach((kind, sum) -> row(out, "", l.clients(), kind, sum));
        }
        out.println();
        for (BenchReport.RegistryPage p : r.registryPages()) {
            out.printf(Locale.ROOT, "реестр %-60s p50 %7.1f мс  p95 %7.1f мс (записей %d)%n", p.path(), p.latency().p50(),
                    p.latency().p95(), p.total());
        }
        out.printf(Locale.ROOT, "Куча после GC: %.0f МБ (выделено %.0f МБ, предел %.0f МБ)%n", r.heap().usedAfterGcBytes() / 1048576.0,
                r.heap().committedBytes() / 1048576.0, r.heap().maxBytes() / 1048576.0);
        r.notes().forEach(n -> out.println("Примечание: " + n));
        out.flush();
    }

    private static void row(PrintWriter out, String via, int clients, String kind, Latencies.Summary s) {
        out.printf(Locale.ROOT, "%-11s %-8d %-10s %7.1f %7.1f %7.1f %7.1f %8.0f%n", via, clients, kind, s.p50(), s.p95(), s.p99(),
                s.max(), s.perSecond());
    }
}
