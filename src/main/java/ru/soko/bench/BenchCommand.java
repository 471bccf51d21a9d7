package ru.soko.bench;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import ru.soko.config.ConfigLoader;

/** {@code bench generate} and {@code bench run}: the synthetic corpus and the measurements (docs/BENCHMARKS.md). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Нагрузочные измерения: синтетический корпус и замеры приёма и поиска (docs/BENCHMARKS.md).",
        subcommands = {BenchCommand.Generate.class, BenchCommand.Run.class, BenchCommand.Postgres.class})
public final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "укажите generate или run (см. bench --help)");
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Создаёт синтетический корпус: документы, листы реестров и corpus.json. Одно зерно — одни и те же файлы.")
    static final class Generate implements Callable<Integer> {

        @Option(names = "--docs", required = true, paramLabel = "N", description = "Число документов.")
        long docs;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Папка корпуса.")
        Path out;

        @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Зерно (по умолчанию ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--format", defaultValue = "text", paramLabel = "F",
                description = "text (только текст, для замера индексации), docx или pdf (полный путь с разбором файлов).")
        String format;

        @Option(names = "--achievements", paramLabel = "N",
                description = "Записей в реестре достижений (по умолчанию половина числа документов).")
        Long achievements;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter console = spec.commandLine().getOut();
            CorpusGenerator.Spec s = CorpusGenerator.Spec.of(docs, seed, format);
            if (achievements != null) {
                s = s.withAchievements(achievements);
            }
            long t0 = System.nanoTime();
            CorpusGenerator.Corpus corpus = CorpusGenerator.generate(s, out, done -> {
                console.printf("  создано %d документов%n", done);
                console.flush();
            });
            console.printf("Корпус %s: %d документов (%s), текст %.1f МБ, файлы %.1f МБ, реестры %s; %.0f с%n", out.toAbsolutePath(),
                    corpus.documents(), corpus.format(), corpus.textBytes() / 1048576.0, corpus.fileBytes() / 1048576.0,
                    corpus.registryRecords(), (System.nanoTime() - t0) / 1e9);
            console.flush();
            return 0;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Принимает корпус в новый архив, загружает реестры, измеряет размер, старт, поиск и страницы реестров; "
                    + "печатает таблицу и пишет JSON.")
    static final class Run implements Callable<Integer> {

        @Option(names = "--corpus", required = true, paramLabel = "DIR", description = "Папка корпуса (bench generate).")
        Path corpus;

        @Option(names = "--work", required = true, paramLabel = "DIR", description = "Папка для архива замера (стирается).")
        Path work;

        @Option(names = "--json", paramLabel = "FILE", description = "Куда записать результаты в JSON.")
        Path json;

        @Option(names = "--reuse", description = "Не принимать заново: измерить поиск на архиве прошлого запуска.")
        boolean reuse;

        @Option(names = "--rounds", defaultValue = "20", paramLabel = "N",
                description = "Объём замера поиска: каждый из N клиентов проходит смесь запросов max(1, 2·ROUNDS/N) раз; по умолчанию ${DEFAULT-VALUE}.")
        int rounds;

        @Option(names = "--clients", defaultValue = "1,8", split = ",", paramLabel = "N",
                description = "Числа одновременных клиентов; по умолчанию ${DEFAULT-VALUE}.")
        List<Integer> clients;

        @Option(names = "--rebuild",
                description = "Перестроить индекс из каталога и замерить это: индексация уже извлечённого текста без приёма файлов.")
        boolean rebuild;

        @Option(names = "--no-http", description = "Не измерять поиск через HTTP.")
        boolean noHttp;

        @Option(names = "--no-query-cache",
                description = "Без кэша запросов Lucene: смесь повторяет одни и те же запросы, и подсчёт без оценок отвечался бы из кэша.")
        boolean noQueryCache;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            if (noQueryCache) {
                // Process-wide, but this process only measures; searchers opened from here on get no cache.
                org.apache.lucene.search.IndexSearcher.setDefaultQueryCache(null);
            }
            BenchReport report = new BenchRunner(new BenchRunner.Options(corpus, work, ConfigLoader.fromEnvironment(), reuse, rounds,
                    clients, !noHttp, rebuild), out).run();
            ReportTable.print(report, out);
            if (json != null) {
                if (json.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(json.toAbsolutePath().getParent());
                }
                Files.writeString(json, ru.soko.util.Json.writePretty(report), StandardCharsets.UTF_8);
                out.println("JSON: " + json);
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "postgres", mixinStandardHelpOptions = true,
            description = {"Тот же текстовый корпус и те же запросы в полнотекстовом поиске PostgreSQL (russian, GIN, ts_rank, ts_headline).",
                    "Сервер запускает bench/postgres.sh start DIR; адрес он печатает."})
    static final class Postgres implements Callable<Integer> {

        @Option(names = "--corpus", required = true, paramLabel = "DIR", description = "Папка текстового корпуса.")
        Path corpus;

        @Option(names = "--url", required = true, paramLabel = "JDBC", description = "Адрес базы, например jdbc:postgresql://127.0.0.1:55432/soko?user=sokobench.")
        String url;

        @Option(names = "--reload", description = "Загрузить корпус заново, даже если таблица уже есть.")
        boolean reload;

        @Option(names = "--rounds", defaultValue = "20", paramLabel = "N", description = "Как у bench run; по умолчанию ${DEFAULT-VALUE}.")
        int rounds;

        @Option(names = "--clients", defaultValue = "1,8", split = ",", paramLabel = "N", description = "Числа клиентов; по умолчанию ${DEFAULT-VALUE}.")
        List<Integer> clients;

        @Option(names = "--json", paramLabel = "FILE", description = "Куда записать результаты в JSON.")
        Path json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PostgresBench.Report report = new PostgresBench(url, out).run(corpus, reload, rounds, clients);
            out.printf("PostgreSQL %s: %d документов, загрузка %.1f с + индекс %.1f с (%.0f док/с), таблица %.1f МБ, GIN %.1f МБ%n",
                    report.server(), report.documents(), report.loadSeconds(), report.indexSeconds(), report.docsPerSecond(),
                    report.tableBytes() / 1048576.0, report.ginBytes() / 1048576.0);
            if (json != null) {
                Files.writeString(json, ru.soko.util.Json.writePretty(report), StandardCharsets.UTF_8);
                out.println("JSON: " + json);
            }
            out.flush();
            return 0;
        }
    }
}
