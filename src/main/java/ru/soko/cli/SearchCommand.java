package ru.soko.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import ru.soko.Archive;
import ru.soko.search.SearchHit;
import ru.soko.search.SearchRequest;
import ru.soko.search.SearchResult;
import ru.soko.util.Json;

@Command(name = "search", mixinStandardHelpOptions = true, description = "Ищет документы в архиве.")
public final class SearchCommand implements Callable<Integer> {

    @Mixin
    DataOption data;

    @Option(names = "--json", description = "Ответ в JSON: {\"total\", \"hits\", \"facets\"}.")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "Сколько результатов показать (1–100, по умолчанию ${DEFAULT-VALUE}).")
    int limit;

    @Parameters(paramLabel = "QUERY", arity = "1..*", description = "Запрос.")
    List<String> words;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Archive archive = Archive.open(data.config())) {
            SearchResult result = archive.search().search(new SearchRequest(String.join(" ", words), 0, limit));
            if (json) {
                out.println(Json.writePretty(result));
            } else {
                print(out, result);
            }
            out.flush();
            return 0;
        }
    }

    private static void print(PrintWriter out, SearchResult result) {
        out.println("Найдено: " + result.total());
        int n = 1;
        for (SearchHit hit : result.hits()) {
            out.printf("%d. [№ %s] %s%n", n++, hit.id(), hit.title());
            out.printf("   %s, релевантность %.2f%n", hit.sourceName(), hit.score());
            String snippet = ConsoleOutput.plainSnippet(hit.snippet());
            if (!snippet.isEmpty()) {
                out.println("   " + snippet);
            }
        }
    }
}
