package ru.soko.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import ru.soko.search.SearchRequest;

/**
 * The same corpus and query mix in PostgreSQL full-text search, for comparison: the {@code russian}
 * configuration (Snowball stems), a GIN index over a stored tsvector (title weighted above text),
 * {@code ts_rank} for order, {@code ts_headline} for snippets of the page, and kind / year counts for
 * facets, as an application built on PostgreSQL would answer the archive's search page.
 * Kind comes from the generator's file name, year from the first date in the text (no requisite
 * reading); territory and level filters have no column here and are left out of those queries.
 */
public final class PostgresBench {

    /** What PostgreSQL did with the corpus. */
    public record Report(String server, long documents, double loadSeconds, double indexSeconds, double docsPerSecond,
                         long tableBytes, long ginBytes, List<BenchReport.SearchLoad> search) {
    }

    private static final Pattern DATE = Pattern.compile("\\d{2}\\.\\d{2}\\.((?:19|20)\\d{2})");
    private static final int BATCH = 2000;

    private final String url;
    private final PrintWriter log;

    public PostgresBench(String url, PrintWriter log) {
        this.url = url;
        this.log = log;
    }

    public Report run(Path corpusDir, boolean reload, int rounds, List<Integer> clients) throws Exception {
        CorpusGenerator.Corpus corpus = CorpusGenerator.Corpus.read(corpusDir);
        if (!"text".equals(corpus.format())) {
            throw new IllegalArgumentException("для сравнения с PostgreSQL нужен текстовый корпус (--format text)");
        }
        double load = 0;
        double index = 0;
        try (Connection c = DriverManager.getConnection(url)) {
            if (reload || !exists(c)) {
                long t0 = System.nanoTime();
                load(c, corpus);
                long t1 = System.nanoTime();
                try (Statement st = c.createStatement()) {
                    st.execute("ALTER TABLE documents ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
                            + "(setweight(to_tsvector('russian', title), 'A') || setweight(to_tsvector('russian', body), 'B')) STORED");
                    st.execute("CREATE INDEX documents_tsv ON documents USING gin (tsv)");
                    st.execute("CREATE INDEX documents_kind ON documents (kind)");
                    st.execute("CREATE INDEX documents_year ON documents (year)");
                    st.execute("VACUUM ANALYZE documents");
                }
                load = sec(t1 - t0);
                index = sec(System.nanoTime() - t1);
                log.printf("PostgreSQL: загрузка %.1f с, tsvector и GIN %.1f с%n", load, index);
                log.flush();
            }
            String server;
            long docs;
            long table;
            long gin;
            try (Statement st = c.createStatement()) {
                server = scalar(st, "SHOW server_version");
                docs = Long.parseLong(scalar(st, "SELECT count(*) FROM documents"));
                table = Long.parseLong(scalar(st, "SELECT pg_total_relation_size('documents')"));
                gin = Long.parseLong(scalar(st, "SELECT pg_relation_size('documents_tsv')"));
            }
            List<BenchReport.SearchLoad> loads = search(rounds, clients);
            return new Report(server, docs, Latencies.round(load), Latencies.round(index),
                    load + index > 0 ? Latencies.round(docs / (load + index)) : 0, table, gin, loads);
        }
    }

    private static boolean exists(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT 1 FROM information_schema.columns WHERE table_name = 'documents' AND column_name = 'tsv'")) {
            return rs.next();
        }
    }

    private void load(Connection c, CorpusGenerator.Corpus corpus) throws SQLException, IOException {
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS documents");
            st.execute("CREATE TABLE documents (id bigserial PRIMARY KEY, name text, kind text, year int, title text, body text)");
        }
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO documents (name, kind, year, title, body) VALUES (?, ?, ?, ?, ?)");
             Stream<Path> files = Files.walk(corpus.docsDir())) {
            int n = 0;
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String body = Files.readString(file, StandardCharsets.UTF_8);
                String name = corpus.docsDir().relativize(file).toString();
                Matcher date = DATE.matcher(body);
                ps.setString(1, name);
                ps.setString(2, kindOf(name));
                if (date.find()) {
                    ps.setInt(3, Integer.parseInt(date.group(1)));
                } else {
                    ps.setNull(3, java.sql.Types.INTEGER);
                }
                ps.setString(4, title(body));
                ps.setCharacterStream(5, new StringReader(body), body.length());
                ps.addBatch();
                if (++n % BATCH == 0) {
                    ps.executeBatch();
                    c.commit();
                }
            }
            ps.executeBatch();
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** The generator names files by kind («prikaz-0000012.txt»). */
    private static String kindOf(String name) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        return switch (base.substring(0, base.indexOf('-'))) {
            case "prikaz" -> "приказ";
            case "polozhenie" -> "положение";
            case "otchet" -> "отчёт о самообследовании";
            case "zakluchenie" -> "экспертное заключение";
            case "spravka" -> "аналитическая справка";
            case "rekomendacii" -> "методические рекомендации";
            default -> "план";
        };
    }

    /** The first heading-like lines: what a title column would hold without requisite reading. */
    private static String title(String body) {
        String head = body.strip();
        return head.substring(0, Math.min(300, head.length())).replace('\n', ' ');
    }

    private List<BenchReport.SearchLoad> search(int rounds, List<Integer> clients) throws Exception {
        int max = clients.stream().mapToInt(Integer::intValue).max().orElse(1);
        BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(max);
        try {
            for (int i = 0; i < max; i++) {
                pool.add(DriverManager.getConnection(url));
            }
            List<BenchQuery> mix = BenchQuery.mix();
            LoadDriver.Client client = q -> {
                Connection c = pool.take();
                try {
                    answer(c, q);
                } finally {
                    pool.add(c);
                }
            };
            LoadDriver.run(mix, 1, 2, client);
            List<BenchReport.SearchLoad> loads = new ArrayList<>();
            for (int n : clients) {
                LoadDriver.Result r = LoadDriver.run(mix, n, Math.max(1, rounds / n * 2), client);
                log.printf("  PostgreSQL %d клиент(ов): p50 %.1f мс, p95 %.1f, p99 %.1f, %.0f запр/с%n", n, r.all().p50(),
                        r.all().p95(), r.all().p99(), r.all().perSecond());
                log.flush();
                loads.add(new BenchReport.SearchLoad("postgresql", n, r.all(), r.byKind(), null, null));
            }
            return loads;
        } finally {
            for (Connection c : pool) {
                c.close();
            }
        }
    }

    /** Page of hits with snippets, then kind and year counts and the total, as the search page needs. */
    private static void answer(Connection c, BenchQuery q) throws SQLException {
        boolean words = !q.query().isBlank();
        StringBuilder where = new StringBuilder(words ? "tsv @@ q" : "TRUE");
        List<Object> args = new ArrayList<>();
        for (Map.Entry<String, List<String>> f : q.filters().entrySet()) {
            if (f.getKey().equals("kind")) {
                where.append(" AND kind = ?");
                args.add(f.getValue().get(0));
            } else if (f.getKey().equals("year")) {
                where.append(" AND year = ?");
                args.add(Integer.parseInt(f.getValue().get(0)));
            }
        }
        String from = "FROM documents, websearch_to_tsquery('russian', ?) q WHERE " + where;
        String order = !words ? "id DESC" : q.order() == SearchRequest.Order.DATE ? "year DESC NULLS LAST, id DESC" : "ts_rank(tsv, q) DESC";
        String page = "SELECT d.id, d.title, " + (words ? "ts_headline('russian', d.body, q, 'MaxFragments=2, MinWords=15, MaxWords=35')" : "''")
                + " FROM (SELECT id, title, body, q " + from + " ORDER BY " + order + " LIMIT ? OFFSET ?) d";
        run(c, page, q.query(), args, BenchQuery.PAGE, q.offset());
        run(c, "SELECT kind, count(*) " + from + " GROUP BY kind", q.query(), args);
        run(c, "SELECT year, count(*) " + from + " GROUP BY year ORDER BY 2 DESC LIMIT 30", q.query(), args);
    }

    private static void run(Connection c, String sql, String query, List<Object> args, Object... tail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, query);
            for (Object a : args) {
                ps.setObject(i++, a);
            }
            for (Object a : tail) {
                ps.setObject(i++, a);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getString(1);
                }
            }
        }
    }

    private static String scalar(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static double sec(long nanos) {
        return nanos / 1e9;
    }
}
