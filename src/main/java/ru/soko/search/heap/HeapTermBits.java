package ru.soko.search.heap;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * The live documents of a segment that hold any of a few terms of one field, as bits kept on the
 * heap: who may see an entry is such a field, and each role asks with the same few terms. One bit a
 * document and set of terms. Kept per reader rather than per segment, since they leave out the
 * deleted documents, which a reopened reader of the same segment may have more of.
 */
public final class HeapTermBits {

    private final String field;
    private final Map<IndexReader.CacheKey, Map<Set<BytesRef>, FixedBitSet>> readers = new ConcurrentHashMap<>();

    public HeapTermBits(String field) {
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The live documents of {@code leaf} holding any of {@code terms}. */
    FixedBitSet of(LeafReader leaf, Set<BytesRef> terms) throws IOException {
        IndexReader.CacheHelper helper = leaf.getReaderCacheHelper();
        if (helper == null) {
            return load(leaf, terms);
        }
        Map<Set<BytesRef>, FixedBitSet> cached = readers.get(helper.getKey());
        if (cached == null) {
            Map<Set<BytesRef>, FixedBitSet> fresh = new ConcurrentHashMap<>();
            cached = readers.putIfAbsent(helper.getKey(), fresh);
            if (cached == null) {
                cached = fresh;
                helper.addClosedListener(readers::remove);
            }
        }
        FixedBitSet bits = cached.get(terms);
        if (bits == null) {
            // Two searches may load the same bits at once; one copy wins, the other is garbage.
            bits = load(leaf, terms);
            FixedBitSet earlier = cached.putIfAbsent(Set.copyOf(terms), bits);
            bits = earlier == null ? bits : earlier;
        }
        return bits;
    }

    private FixedBitSet load(LeafReader leaf, Set<BytesRef> terms) throws IOException {
        FixedBitSet bits = new FixedBitSet(leaf.maxDoc());
        Terms indexed = leaf.terms(field);
        if (indexed == null) {
            return bits;
        }
        TermsEnum each = indexed.iterator();
        PostingsEnum postings = null;
        for (BytesRef term : terms) {
            if (each.seekExact(term)) {
                postings = each.postings(postings, PostingsEnum.NONE);
                bits.or(postings);
            }
        }
        Bits live = leaf.getLiveDocs();
        if (live != null) {
            for (int doc = 0; doc < bits.length(); doc++) {
                if (!live.get(doc)) {
                    bits.clear(doc);
                }
            }
        }
        return bits;
    }

    int cachedReaders() {
        return readers.size();
    }
}
