package ru.soko.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import ru.soko.catalog.DocumentRecord;

/**
 * The Lucene index under {@code index/}: derived data, rebuilt from the catalogue at will. One
 * writer per archive; searches go through a near-real-time {@link SearcherManager}.
 */
public final class SearchIndex implements AutoCloseable {

    /** Raised when the fields change meaning, so an index written by an older build is rebuilt at open. */
    private static final String SCHEMA = "4";
    private static final String SCHEMA_KEY = "soko.schema";
    /**
     * The list of common words the lemma pairs were made with: a phrase of a word added to the list
     * since would be looked for in pairs never indexed and find nothing, so a changed list is an
     * outdated index too.
     */
    private static final String PAIR_WORDS_KEY = "soko.pairWords";

    private final Analyzer analyzer;
    private final DocumentMapper mapper;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    public SearchIndex(Path dir, Analyzer analyzer, DocumentMapper mapper) {
        this.analyzer = analyzer;
        this.mapper = mapper;
        try {
            this.directory = FSDirectory.open(dir);
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(64);
            this.writer = openWriter(config);
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("не удалось открыть индекс " + dir + ": " + e.getMessage(), e);
        }
    }

    private IndexWriter openWriter(IndexWriterConfig config) throws IOException {
        try {
            return new IndexWriter(directory, config);
        } catch (LockObtainFailedException e) {
            directory.close();
            throw new ArchiveBusyException();
        }
    }

    public Analyzer analyzer() {
        return analyzer;
    }

    DocumentMapper mapper() {
        return mapper;
    }

    /** Adds or replaces the entry of one document; visible to searches after {@link #commit()}. */
    public void upsert(DocumentRecord record) {
        try {
            writer.updateDocument(new Term(IndexFields.ID, Long.toString(record.id())), mapper.toLucene(record));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds or replaces the entry of one registry record. */
    public void upsert(ru.soko.registry.RegistrySpec spec, ru.soko.registry.RegistryRecord record) {
        try {
            writer.updateDocument(new Term(IndexFields.ID, DocumentMapper.registryId(spec.name(), record.id())),
                    mapper.toLucene(spec, record));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes every change durable (fsync) and visible to new searches. */
    public void commit() {
        try {
            writer.setLiveCommitData(java.util.Map.of(SCHEMA_KEY, SCHEMA, PAIR_WORDS_KEY, mapper.pairWordsKey()).entrySet());
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Replaces the whole index with the entries {@code feed} hands to the loader, which indexes them
     * on every core. Readers keep seeing the old index until the single commit at the end. A failure
     * midway rolls the writer back (which closes it): the archive must then be reopened, and the old
     * index is intact. {@code progress} hears the count of entries added now and then.
     */
    public long rebuild(Consumer<IndexLoader> feed, java.util.function.LongConsumer progress) {
        IndexLoader loader = new IndexLoader(writer, mapper, Runtime.getRuntime().availableProcessors(), progress);
        try {
            writer.deleteAll();
            feed.accept(loader);
            loader.finish();
            commit();
            return writer.getDocStats().numDocs;
        } catch (IOException | RuntimeException e) {
            loader.abandon();
            try {
                writer.rollback();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e instanceof RuntimeException re ? re : new UncheckedIOException((IOException) e);
        }
    }

    public long rebuild(Consumer<IndexLoader> feed) {
        return rebuild(feed, n -> { });
    }

    public interface SearcherWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    public <T> T withSearcher(SearcherWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.run(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * True when the index holds entries written under another field layout, or with another list of
     * pair words, and must be rebuilt.
     */
    public boolean outdated() {
        java.util.Map<String, String> written = new java.util.HashMap<>();
        Iterable<java.util.Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            data.forEach(e -> written.put(e.getKey(), e.getValue()));
        }
        boolean current = SCHEMA.equals(written.get(SCHEMA_KEY)) && mapper.pairWordsKey().equals(written.get(PAIR_WORDS_KEY));
        return !current && writer.getDocStats().numDocs > 0;
    }

    public int documentCount() {
        return withSearcher(s -> s.getIndexReader().numDocs());
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
