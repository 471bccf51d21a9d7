package ru.soko.search.heap;

import java.io.IOException;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * A small index with facets shaped like the archive's (a kind, several issuers, a two-level
 * territory), over several segments and with deletions, for comparing our counts with Lucene's.
 */
final class FacetTestIndex {

    static final String[] KINDS = {"приказ", "положение", "отчёт", "план", "справка"};
    static final String[] ISSUERS = {"минобрнауки", "министерство", "управление", "школа 1", "школа 2", "школа 3"};
    static final String[] REGIONS = {"Кузбасс", "Ульяновская область", "Кабардино-Балкария"};
    static final String[] TOWNS = {"Кемерово", "Старая Майна", "Нальчик", "Чегем"};
    /** An issuer rare enough to be held as a list of documents rather than a bit set. */
    static final String RARE_ISSUER = "школа 99";

    private FacetTestIndex() {
    }

    static FacetsConfig config() {
        FacetsConfig config = new FacetsConfig();
        config.setHierarchical("territory", true);
        config.setMultiValued("territory", true);
        config.setMultiValued("issuer", true);
        return config;
    }

    /** 3 000 documents with an {@code id} and a {@code bucket} (id modulo 7), a commit every 700, every 11th deleted. */
    static Directory build() throws IOException {
        FacetsConfig config = config();
        Random random = new Random(42);
        Directory dir = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
            for (int i = 0; i < 3000; i++) {
                Document doc = new Document();
                doc.add(new StringField("id", Integer.toString(i), Field.Store.NO));
                doc.add(new StringField("bucket", Integer.toString(i % 7), Field.Store.NO));
                // Some documents lack a facet altogether, as registry records lack most of them.
                if (random.nextInt(10) > 0) {
                    doc.add(new SortedSetDocValuesFacetField("kind", KINDS[random.nextInt(KINDS.length)]));
                }
                for (int n = random.nextInt(3); n > 0; n--) {
                    doc.add(new SortedSetDocValuesFacetField("issuer", ISSUERS[random.nextInt(ISSUERS.length)]));
                }
                if (i % 101 == 0) {
                    doc.add(new SortedSetDocValuesFacetField("issuer", RARE_ISSUER));
                }
                if (random.nextBoolean()) {
                    String region = REGIONS[random.nextInt(REGIONS.length)];
                    doc.add(random.nextBoolean() ? new SortedSetDocValuesFacetField("territory", region)
                            : new SortedSetDocValuesFacetField("territory", region, TOWNS[random.nextInt(TOWNS.length)]));
                }
                writer.addDocument(config.build(doc));
                if (i % 700 == 699) {
                    writer.commit();
                }
            }
            for (int i = 0; i < 3000; i += 11) {
                writer.deleteDocuments(new Term("id", Integer.toString(i)));
            }
            writer.commit();
        }
        return dir;
    }
}
