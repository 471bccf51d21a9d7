package ru.soko.search.heap;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;

/**
 * Something read once from each segment and kept on the heap until Lucene closes the segment.
 * Segments never change once written (the archive does not update doc values in place), so a copy
 * stays valid for the segment's life; the core cache key outlives reopened readers of the same
 * segment, so a refresh after a commit loads only the new segments.
 */
final class PerSegment<T> {

    interface Loader<T> {
        T load(LeafReader leaf) throws IOException;
    }

    private final Loader<T> loader;
    private final Map<IndexReader.CacheKey, T> segments = new ConcurrentHashMap<>();

    PerSegment(Loader<T> loader) {
        this.loader = loader;
    }

    T of(LeafReader leaf) throws IOException {
        IndexReader.CacheHelper helper = leaf.getCoreCacheHelper();
        if (helper == null) {
            return loader.load(leaf);
        }
        T cached = segments.get(helper.getKey());
        if (cached != null) {
            return cached;
        }
        // Two searches may load the same new segment at once; one copy wins, the other is garbage.
        T loaded = loader.load(leaf);
        if (segments.putIfAbsent(helper.getKey(), loaded) == null) {
            helper.addClosedListener(segments::remove);
        }
        return segments.getOrDefault(helper.getKey(), loaded);
    }

    int size() {
        return segments.size();
    }
}
