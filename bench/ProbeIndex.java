package ru.soko.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * What the search probes under bench/ share: the queries as the archive builds them from
 * index-config/, a searcher over an index folder without Lucene's query cache (it would answer
 * repeated runs of a query without scores from memory), their arguments (index folder, queries
 * split at «|», runs) and thread CPU time. Compiled together with each probe.
 */
record ProbeIndex(QueryFactory queries, IndexSearcher searcher) {

    static ProbeIndex open(String indexDir) throws IOException {
        SearchVocabulary vocabulary = SearchVocabulary.load(Optional.of(Path.of("index-config")));
        IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(MMapDirectory.open(Path.of(indexDir))));
        searcher.setQueryCache(null);
        return new ProbeIndex(new QueryFactory(new Analyzers(vocabulary), vocabulary), searcher);
    }

    /** A probe's queries: its second argument, split at «|». */
    static List<String> texts(String[] args) {
        return List.of(args[1].split("\\|"));
    }

    /** Runs measured per query: the third argument, if given. */
    static int reps(String[] args, int otherwise) {
        return args.length > 2 ? Integer.parseInt(args[2]) : otherwise;
    }

    /** CPU nanoseconds of this thread so far: what the probes compare, unmoved by other work on the machine. */
    static long threadCpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** The query as the public sees it: with the access filter the search adds. */
    static Query publicOnly(Query query) {
        return new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST)
                .add(new TermInSetQuery(IndexFields.ACCESS, List.of(new BytesRef(ru.soko.access.Audience.PUBLIC.term()))),
                        BooleanClause.Occur.FILTER)
                .build();
    }
}
