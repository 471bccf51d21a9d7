import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * The lemmas of the text held by at least a given share of an archive's documents (registry records
 * left out), most frequent first, words of three letters or more: how index-config/pair-words.txt
 * was made from the sample archive (docs/SEARCH.md, «Phrases»).
 *
 *   java -jar target/soko-archive.jar demo --data /tmp/demo    (stop it once the site is up)
 *   java -cp target/soko-archive.jar bench/CommonLemmas.java /tmp/demo/index 0.11
 */
public class CommonLemmas {

    public static void main(String[] args) throws Exception {
        double share = Double.parseDouble(args[1]);
        try (DirectoryReader reader = DirectoryReader.open(MMapDirectory.open(Path.of(args[0])))) {
            Map<String, Integer> documentsWith = new HashMap<>();
            int documents = 0;
            for (LeafReaderContext leaf : reader.leaves()) {
                FixedBitSet isDocument = documentsOf(leaf);
                documents += isDocument.cardinality();
                Terms lemmas = leaf.reader().terms("text_lemma");
                if (lemmas == null) {
                    continue;
                }
                TermsEnum terms = lemmas.iterator();
                PostingsEnum postings = null;
                for (BytesRef term = terms.next(); term != null; term = terms.next()) {
                    postings = terms.postings(postings, PostingsEnum.NONE);
                    int n = 0;
                    for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                        n += isDocument.get(doc) ? 1 : 0;
                    }
                    if (n > 0) {
                        documentsWith.merge(term.utf8ToString(), n, Integer::sum);
                    }
                }
            }
            int least = (int) Math.ceil(share * documents);
            System.out.println("# " + documents + " documents, lemmas in at least " + least + " of them");
            documentsWith.entrySet().stream()
                    .filter(e -> e.getValue() >= least && e.getKey().matches("[а-яa-z]{3,}"))
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> System.out.println(e.getKey()));
        }
    }

    /** Documents carry a format; registry records do not. */
    private static FixedBitSet documentsOf(LeafReaderContext leaf) throws java.io.IOException {
        FixedBitSet documents = new FixedBitSet(leaf.reader().maxDoc());
        Terms formats = leaf.reader().terms("format");
        if (formats == null) {
            return documents;
        }
        TermsEnum terms = formats.iterator();
        PostingsEnum postings = null;
        for (BytesRef term = terms.next(); term != null; term = terms.next()) {
            postings = terms.postings(postings, PostingsEnum.NONE);
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                documents.set(doc);
            }
        }
        return documents;
    }
}
