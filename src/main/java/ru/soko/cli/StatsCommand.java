package ru.soko.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import ru.soko.Archive;
import ru.soko.catalog.Catalog;
import ru.soko.util.Json;

@Command(name = "stats", mixinStandardHelpOptions = true, description = "Сводка по архиву: число документов по видам и форматам.")
public final class StatsCommand implements Callable<Integer> {

    @Mixin
    DataOption data;

    @Option(names = "--json", description = "Сводка в JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Archive archive = Archive.open(data.config())) {
            Catalog catalog = archive.catalog();
            Map<String, Object> stats = new LinkedHashMap<>();
            stats.put("documents", catalog.count());
            stats.put("indexed", archive.index().documentCount());
            stats.put("byKind", catalog.countBy(Catalog.StatColumn.KIND));
            stats.put("byFormat", catalog.countBy(Catalog.StatColumn.FORMAT));
            stats.put("byTextSource", catalog.countBy(Catalog.StatColumn.TEXT_SOURCE));
            if (json) {
                out.println(Json.writePretty(stats));
            } else {
                out.println("Документов в каталоге: " + stats.get("documents") + ", в индексе: " + stats.get("indexed"));
                printGroup(out, "По видам", catalog.countBy(Catalog.StatColumn.KIND));
                printGroup(out, "По форматам", catalog.countBy(Catalog.StatColumn.FORMAT));
                printGroup(out, "Источник текста", catalog.countBy(Catalog.StatColumn.TEXT_SOURCE));
            }
            out.flush();
            return 0;
        }
    }

    private static void printGroup(PrintWriter out, String title, Map<String, Long> counts) {
        out.println(title + ":");
        counts.forEach((value, count) -> out.printf("  %-28s %d%n", value.isEmpty() ? "(не определён)" : value, count));
    }
}
