package ru.soko.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The SQLite file {@code archive.db}. All writes go through one connection under a lock (SQLite
 * allows one writer; queueing here instead of in SQLite means no SQLITE_BUSY reaches a user);
 * reads use a small pool of their own connections, which WAL lets run beside the writer.
 */
public final class Database implements AutoCloseable {

    /** Schema scripts in order; the position in this list is the schema version. */
    private static final List<String> MIGRATIONS = List.of("db/V1__catalog.sql", "db/V2__requisites.sql",
            "db/V3__registries.sql", "db/V4__selfeval.sql", "db/V5__users.sql",
            "db/V6__registry_folded.sql", "db/V7__registry_counts.sql",
            "db/V8__citations_unresolved_by_date.sql", "db/V9__documents_about.sql");
    private static final int READERS = 4;

    private final String url;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);

    public Database(Path file) {
        this.url = "jdbc:sqlite:" + file.toAbsolutePath();
        try {
            this.writer = open();
            migrate();
            for (int i = 0; i < READERS; i++) {
                readers.add(open());
            }
        } catch (SQLException e) {
            throw new CatalogException("не удалось открыть базу " + file + ": " + e.getMessage(), e);
        }
    }

    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs work in one write transaction: all of it is committed, or none of it. Called inside another
     * write on the same thread, the work joins that transaction (and its failure rolls all of it back),
     * so a caller can group several writes into one commit — one fsync instead of many.
     */
    public <T> T write(Work<T> work) {
        writeLock.lock();
        try {
            if (writeLock.getHoldCount() > 1) {
                return work.run(writer);
            }
            writer.setAutoCommit(false);
            try {
                T result = work.run(writer);
                writer.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                writer.rollback();
                throw e;
            } finally {
                writer.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new CatalogException("ошибка записи в каталог: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Runs read-only work on a pooled connection; inside a write on the same thread, on the writer's
     * connection instead, so the work sees what the open transaction has written so far.
     */
    public <T> T read(Work<T> work) {
        if (writeLock.isHeldByCurrentThread()) {
            try {
                return work.run(writer);
            } catch (SQLException e) {
                throw new CatalogException("ошибка чтения каталога: " + e.getMessage(), e);
            }
        }
        Connection connection;
        try {
            connection = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogException("чтение каталога прервано", e);
        }
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new CatalogException("ошибка чтения каталога: " + e.getMessage(), e);
        } finally {
            readers.add(connection);
        }
    }

    private Connection open() throws SQLException {
        Connection connection = DriverManager.getConnection(url);
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA busy_timeout = 10000");
            st.execute("PRAGMA journal_mode = WAL");
            // FULL keeps every acknowledged commit through a power loss, which an archive owes its users.
            st.execute("PRAGMA synchronous = FULL");
            st.execute("PRAGMA foreign_keys = ON");
        }
        return connection;
    }

    private void migrate() throws SQLException {
        int version;
        try (Statement st = writer.createStatement(); var rs = st.executeQuery("PRAGMA user_version")) {
            version = rs.getInt(1);
        }
        for (int v = version; v < MIGRATIONS.size(); v++) {
            String script = loadScript(MIGRATIONS.get(v));
            writer.setAutoCommit(false);
            try (Statement st = writer.createStatement()) {
                for (String sql : script.split(";\\s*(\\r?\\n|$)")) {
                    if (!sql.isBlank()) {
                        st.execute(sql);
                    }
                }
                st.execute("PRAGMA user_version = " + (v + 1));
                writer.commit();
            } catch (SQLException e) {
                writer.rollback();
                throw e;
            } finally {
                writer.setAutoCommit(true);
            }
        }
    }

    private static String loadScript(String resource) {
        try (InputStream in = Database.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new CatalogException("schema script missing from the build: " + resource, null);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CatalogException("cannot read schema script " + resource, e);
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            closeQuietly(writer);
            readers.forEach(Database::closeQuietly);
        } finally {
            writeLock.unlock();
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing on shutdown: nothing useful to do with a failure here
        }
    }
}
