package ru.soko.search.heap;
import org.apache.lucene.index.*;
import org.apache.lucene.search.*;
import org.apache.lucene.store.*;
import org.apache.lucene.facet.*;
import org.apache.lucene.facet.sortedset.*;
import java.nio.file.Path;
/**
 * Thread CPU ms of counting the facets of a broad word's matches at 1M with {@link HeapFacetCounts}
 * (document by document before fix 22, value by value since), and of collecting those matches.
 * Lives in the package of HeapFacetCounts, so it is compiled against a build:
 *   javac -cp target/soko-archive.jar -d /tmp/probe bench/FacetCountTiming.java
 *   java -cp /tmp/probe:target/soko-archive.jar ru.soko.search.heap.FacetCountTiming DATA/index
 */
public class FacetCountTiming {
  public static void main(String[] a) throws Exception {
    try (DirectoryReader r = DirectoryReader.open(MMapDirectory.open(Path.of(a[0])))) {
      IndexSearcher s = new IndexSearcher(r); s.setQueryCache(null);
      FacetsConfig config = new FacetsConfig();
      config.setHierarchical("territory", true); config.setMultiValued("territory", true); config.setMultiValued("procedure", true); config.setMultiValued("issuer", true);
      SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(r, config);
      FacetOrdinals fo = new FacetOrdinals("$facets");
      var th = java.lang.management.ManagementFactory.getThreadMXBean();
      for (String w : new String[]{"мониторинг","наставничество","*"}) {
        Query q = w.equals("*") ? new MatchAllDocsQuery() : new TermQuery(new Term("text_lemma", w));
        FacetsCollector hits = s.search(q, new FacetsCollectorManager());
        long n = hits.getMatchingDocs().stream().mapToLong(m -> m.totalHits()).sum();
        double best = 1e9, sum = 0; int reps = 30;
        for (int i = 0; i < reps + 5; i++) {
          long c0 = th.getCurrentThreadCpuTime();
          new HeapFacetCounts(state, fo, hits);
          double ms = (th.getCurrentThreadCpuTime() - c0) / 1e6;
          if (i >= 5) { sum += ms; best = Math.min(best, ms); }
        }
        long c0 = th.getCurrentThreadCpuTime();
        for (int i = 0; i < 10; i++) s.search(new ConstantScoreQuery(q), new FacetsCollectorManager());
        double coll = (th.getCurrentThreadCpuTime() - c0) / 1e6 / 10;
        System.out.printf("%-20s matches %8d  count mean %.2f ms best %.2f ms; collecting matches %.2f ms%n", w, n, sum / reps, best, coll);
      }
    }
  }
}
