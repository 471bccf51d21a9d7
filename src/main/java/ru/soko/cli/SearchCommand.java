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

    @Option(names = "--offset", paramLabel = "N", defaultValue = "0", description = "Пропустить первые N результатов.")
    int offset;

    @Option(names = "--facet", paramLabel = "NAME=VALUE",
            description = "Фильтр по фасету (можно повторять): kind, issuer, level, territory, year, status, procedure, format. "
                    + "Несколько значений одного фасета — ИЛИ, разных фасетов — И. Пример: --facet kind=приказ --facet year=2023.")
    List<String> facets = new java.util.ArrayList<>();

    @Option(names = "--sort", paramLabel = "ORDER", defaultValue = "relevance",
            description = "Порядок: relevance (по умолчанию) или date (новые сначала).")
    String sort;

    @Parameters(paramLabel = "QUERY", arity = "0..*",
            description = "Запрос: слова в любой форме, \"фраза\", -исключить, OR, title:, issuer:, kind:, number:, year:, "
                    + "date:[2020-01-01 TO 2022-12-31]. Без запроса — новые документы.")
    List<String> words = new java.util.ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Archive archive = Archive.open(data.config())) {
            SearchResult result = archive.search().search(new SearchRequest(String.join(" ", words), offset, limit,
                    FacetOptions.parse(facets), order()));
            if (json) {
                out.println(Json.writePretty(result));
            } else {
                print(out, result);
            }
            out.flush();
            return 0;
        }
    }

    private SearchRequest.Order order() {
        return switch (sort.toLowerCase(java.util.Locale.ROOT)) {
            case "relevance" -> SearchRequest.Order.RELEVANCE;
            case "date" -> SearchRequest.Order.DATE;
            default -> throw new IllegalArgumentException("--sort принимает relevance или date, а не «" + sort + "»");
        };
    }

    private static void print(PrintWriter out, SearchResult result) {
        out.println("Найдено: " + (result.approximate() ? "около " + ru.soko.search.ApproximateCount.of(result.total()) : result.total()));
        int n = 1;
        for (SearchHit hit : result.hits()) {
            out.printf("%d. [№ %s] %s%n", n++, hit.id(), hit.title());
            String requisites = java.util.stream.Stream.of(hit.kind(), hit.number() == null ? null : "№ " + hit.number(),
                            hit.date() == null ? null : "от " + hit.date(), hit.issuer(),
                            "утратил силу".equals(hit.status()) ? "УТРАТИЛ СИЛУ" : null)
                    .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.joining(", "));
            if (!requisites.isEmpty()) {
                out.println("   " + requisites);
            }
            out.printf("   %s, релевантность %.2f%n", hit.sourceName(), hit.score());
            String snippet = ConsoleOutput.plainSnippet(hit.snippet());
            if (!snippet.isEmpty()) {
                out.println("   " + snippet);
            }
        }
        result.facets().forEach((dim, values) -> {
            if (!values.isEmpty()) {
                out.println(dim + ": " + values.stream().limit(8).map(v -> v.value() + " (" + v.count() + ")")
                        .collect(java.util.stream.Collectors.joining("; ")));
            }
        });
    }
}
