package ru.soko;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import ru.soko.access.Viewer;
import ru.soko.catalog.Catalog;
import ru.soko.catalog.Database;
import ru.soko.catalog.OriginalStore;
import ru.soko.config.AppConfig;
import ru.soko.extract.IsolatedExtractor;
import ru.soko.extract.OcrEngine;
import ru.soko.ingest.IngestService;
import ru.soko.registry.ImportReport;
import ru.soko.registry.Registries;
import ru.soko.registry.RegistryCatalogue;
import ru.soko.registry.RegistryImporter;
import ru.soko.registry.RegistrySpec;
import ru.soko.registry.RegistryStore;
import ru.soko.requisites.IssuerDirectory;
import ru.soko.selfeval.IndicatorCatalogue;
import ru.soko.selfeval.SelfEvalService;
import ru.soko.selfeval.SelfEvalStore;
import ru.soko.requisites.RequisiteExtractor;
import ru.soko.search.Analyzers;
import ru.soko.search.DocumentMapper;
import ru.soko.search.SearchVocabulary;
import ru.soko.search.SearchIndex;
import ru.soko.search.SearchService;

/**
 * One open data folder: catalogue, originals, index and the services over them, wired by hand.
 * Opening it also finishes what a crash interrupted (catalogue rows not yet indexed).
 */
public final class Archive implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Archive.class);
    private static final int SIMILAR = 5;

    private final AppConfig config;
    private final Database database;
    private final Catalog catalog;
    private final OriginalStore originals;
    private final SearchIndex index;
    private final SearchService search;
    private final IssuerDirectory issuers;
    private final RequisiteExtractor requisites;
    private final Registries registries;
    private final SelfEvalService selfEval;
    private final ru.soko.users.UserStore users;
    private IsolatedExtractor extractor;
    private IngestService ingest;

    private Archive(AppConfig config) {
        this.config = config;
        createDirectories(config);
        this.database = new Database(config.databaseFile());
        this.catalog = new Catalog(database, Clock.systemUTC());
        this.originals = new OriginalStore(config.originalsDir());
        SearchVocabulary vocabulary = SearchVocabulary.load(config.indexConfigDir());
        Analyzers analyzers = new Analyzers(vocabulary);
        SearchIndex opened;
        try {
            opened = new SearchIndex(config.indexDir(), analyzers.perField(), new DocumentMapper(vocabulary, analyzers));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        this.index = opened;
        this.search = new SearchService(index, analyzers, vocabulary);
        this.issuers = IssuerDirectory.load(config.indexConfigDir());
        this.requisites = new RequisiteExtractor(issuers);
        RegistryCatalogue registryCatalogue = RegistryCatalogue.load(config.indexConfigDir());
        RegistryStore registryStore = new RegistryStore(database, Clock.systemUTC(), registryCatalogue);
        this.selfEval = new SelfEvalService(new SelfEvalStore(database, Clock.systemUTC()),
                IndicatorCatalogue.load(config.indexConfigDir()), issuers, config.selfEvalJumpFactor());
        this.users = new ru.soko.users.UserStore(database, Clock.systemUTC(), new ru.soko.users.PasswordHasher());
        this.registries = new Registries(registryCatalogue, registryStore,
                new RegistryImporter(registryCatalogue, registryStore, Clock.systemUTC()));
    }

    public static Archive open(AppConfig config) {
        Archive archive = new Archive(config);
        if (archive.index.outdated()) {
            archive.rebuildOutdatedIndex();
        }
        archive.ingest().indexUnindexed();
        return archive;
    }

    public AppConfig config() {
        return config;
    }

    public Catalog catalog() {
        return catalog;
    }

    public OriginalStore originals() {
        return originals;
    }

    public SearchIndex index() {
        return index;
    }

    public SearchService search() {
        return search;
    }

    /** The ingest service; its worker process and the Tesseract probe start only when a file is parsed. */
    public synchronized IngestService ingest() {
        if (ingest == null) {
            extractor = new IsolatedExtractor(new IsolatedExtractor.Limits(config.workerHeapMb(),
                    config.parseTimeout(), config.ocrTimeout(), config.logsDir().resolve("extract-worker.log")));
            ingest = new IngestService(catalog, originals, index, extractor, requisites,
                    () -> OcrEngine.probe(config.ocrEnabled(), config.ocrLanguages()), new IngestService.Limits(config.maxFileBytes(),
                    config.maxTextChars(), (int) config.ocrTimeout().toSeconds()), this::recordSelfEvaluation);
        }
        return ingest;
    }

    /**
     * An ingest service over this archive with another extractor: the benchmark feeds text it has
     * already extracted through the same catalogue-and-index path as {@link #ingest()}.
     */
    public IngestService ingestWith(ru.soko.extract.Extractor otherExtractor) {
        return new IngestService(catalog, originals, index, otherExtractor, requisites,
                () -> OcrEngine.probe(false, config.ocrLanguages()), new IngestService.Limits(config.maxFileBytes(),
                config.maxTextChars(), (int) config.ocrTimeout().toSeconds()), this::recordSelfEvaluation);
    }

    /**
     * Reads the requisites again from the stored text of every document (after the extractor or its
     * vocabulary changed), keeping administrators' corrections, then rebuilds the index. {@code reread}
     * hears how many documents have been read again, {@code progress} how many index entries are in.
     */
    public long reextractRequisites(java.util.function.LongConsumer reread, java.util.function.LongConsumer progress) {
        java.util.List<Long> ids = catalog.allIds();
        for (int from = 0; from < ids.size(); from += REEXTRACT_GROUP) {
            // Reading is pure and spread over the cores; the writes stay one transaction on this thread.
            java.util.Map<Long, ru.soko.requisites.ExtractedRequisites> read = new java.util.LinkedHashMap<>();
            ids.subList(from, Math.min(ids.size(), from + REEXTRACT_GROUP)).parallelStream()
                    .map(id -> catalog.get(id).map(r -> java.util.Map.entry(id, requisites.extract(r.text(), r.metadata()))))
                    .flatMap(java.util.Optional::stream).toList()
                    .forEach(entry -> read.put(entry.getKey(), entry.getValue()));
            catalog.replaceRequisites(read);
            read.keySet().forEach(id -> catalog.get(id).ifPresent(this::recordSelfEvaluation));
            reread.accept(Math.min(ids.size(), from + REEXTRACT_GROUP));
        }
        return reindex(progress);
    }

    /** Documents whose new requisites are written in one transaction: one commit's wait shared by many. */
    private static final int REEXTRACT_GROUP = 256;

    /** A document's full card as the operator sees it: effective requisites, status, links and file facts. */
    public java.util.Optional<ru.soko.catalog.DocumentCard> card(long id) {
        return card(id, Viewer.operator("cli"));
    }

    /**
     * The card as {@code viewer} may see it: empty when the document is hidden from them, and without
     * links to or similar documents that are hidden from them.
     */
    public java.util.Optional<ru.soko.catalog.DocumentCard> card(long id, Viewer viewer) {
        return catalog.get(id).filter(viewer::canSee).map(r -> ru.soko.catalog.DocumentCard.of(r, catalog.links(id),
                catalog.overrides(id),
                search.similar(id, SIMILAR, viewer.role()).stream()
                        .map(h -> new ru.soko.catalog.DocumentCard.Related(Long.parseLong(h.id()), h.title())).toList(),
                other -> catalog.get(other).filter(viewer::canSee).isPresent()));
    }

    /** Makes a document public or internal and brings its index entry up to date. */
    public void setVisibility(long id, String visibility, String actor) {
        catalog.setVisibility(id, visibility, actor);
        reindexOne(id);
    }

    /** Withdraws a document from every view but administrators'. */
    public void withdraw(long id, String reason, String actor) {
        catalog.withdraw(id, reason, actor);
        reindexOne(id);
    }

    public void restore(long id, String actor) {
        catalog.restore(id, actor);
        reindexOne(id);
    }

    private void reindexOne(long id) {
        catalog.get(id).ifPresent(index::upsert);
        index.commit();
    }

    /** Corrects requisites by hand; the correction outlives re-extraction and is audited. */
    public void edit(long id, java.util.Map<String, String> changes, String actor) {
        java.util.Set<Long> unlinked = new java.util.TreeSet<>();
        changes.forEach((field, value) -> unlinked.addAll(catalog.setOverride(id, field, value, actor)));
        catalog.get(id).ifPresent(this::recordSelfEvaluation);
        ingest().reindexWithNeighbours(id);
        unlinked.forEach(other -> catalog.get(other).ifPresent(index::upsert));
        index.commit();
    }

    /**
     * An index written under an older field layout is rebuilt before anything is served. At a
     * million documents that takes minutes, so the log says what is happening and how far it got.
     */
    private void rebuildOutdatedIndex() {
        long started = System.nanoTime();
        LOG.info("Поисковый индекс записан в прежней схеме полей или с другим списком pair-words.txt: перестраиваю его из каталога (документов в каталоге: {})", catalog.count());
        long entries = reindex(n -> {
            if (n % 100_000 == 0) {
                LOG.info("Перестроение индекса: записано {}", n);
            }
        });
        LOG.info("Индекс перестроен за {} с, записей в индексе: {}",
                String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9), entries);
    }

    /** Rebuilds the index from the catalogue alone: no file is parsed again. */
    public long reindex() {
        return reindex(n -> { });
    }

    /** The same, telling {@code progress} how many entries are in so far. */
    public long reindex(java.util.function.LongConsumer progress) {
        return index.rebuild(target -> {
            catalog.forEach(target::add);
            registries.forEach(target::add);
        }, progress);
    }

    /**
     * A registry record with its history and the documents linked to it: for an organisation the
     * documents about it (its reports, conclusions on it, acts it issued); for an expert the public
     * documents naming the expert in full or as «И.О. Фамилия».
     */
    public java.util.Optional<ru.soko.registry.RegistryCard> registryCard(String registry, String key) {
        return registryCard(registry, key, Viewer.operator("cli"));
    }

    /** The record card with only the linked documents {@code viewer} may see. */
    public java.util.Optional<ru.soko.registry.RegistryCard> registryCard(String registry, String key, Viewer viewer) {
        RegistrySpec spec = registries.catalogue().get(registry);
        return registries.byKey(registry, key).map(r -> new ru.soko.registry.RegistryCard(registry,
                ru.soko.registry.RegistryRecord.display(r.data().get(spec.titleField())),
                r, registries.history(r.id()), linkedDocuments(registry, r, viewer)));
    }

    private java.util.List<ru.soko.registry.RegistryCard.LinkedDocument> linkedDocuments(String registry,
                                                                                       ru.soko.registry.RegistryRecord r,
                                                                                       Viewer viewer) {
        java.util.List<Long> ids = switch (registry) {
            case "organisations" -> {
                String fullName = r.text("fullName");
                java.util.List<String> orgIds = issuers.all().stream()
                        .filter(i -> i.orgId() != null && sameName(i.name(), fullName)).map(ru.soko.requisites.Issuer::orgId).toList();
                yield catalog.idsAbout(orgIds, fullName);
            }
            case "experts" -> mentioning(r.text("fullName"), viewer);
            default -> java.util.List.of();
        };
        return ids.stream().map(catalog::get).flatMap(java.util.Optional::stream)
                .filter(viewer::canSee)
                .map(d -> new ru.soko.registry.RegistryCard.LinkedDocument(d.id(), d.title(), d.requisites().kind())).toList();
    }

    private java.util.List<Long> mentioning(String fullName, Viewer viewer) {
        if (fullName == null || fullName.isBlank()) {
            return java.util.List.of();
        }
        String[] parts = fullName.strip().split("\\s+");
        String query = "\"" + fullName.strip() + "\"";
        if (parts.length == 3) {
            query += " OR \"" + parts[1].charAt(0) + "." + parts[2].charAt(0) + ". " + parts[0] + "\"";
        }
        return search.search(new ru.soko.search.SearchRequest(query, 0, 50,
                        java.util.Map.of("registry", java.util.List.of(ru.soko.search.DocumentMapper.DOCUMENTS)), null, viewer.role()))
                .hits().stream().map(h -> Long.parseLong(h.id())).toList();
    }

    private static boolean sameName(String a, String b) {
        return a != null && b != null && a.replaceAll("[«»\"\\s]", "").equalsIgnoreCase(b.replaceAll("[«»\"\\s]", ""));
    }

    /** Corrects a registry record by hand and updates its search entry. */
    public ru.soko.registry.RegistryRecord editRegistry(String registry, String key, java.util.Map<String, String> changes,
                                                        String actor) {
        ru.soko.registry.RegistryRecord edited = registries.edit(registry, key, changes, actor);
        index.upsert(registries.catalogue().get(registry), edited);
        index.commit();
        return edited;
    }

    /** A self-evaluation report: its figures into the history, the report into the results registry. */
    private void recordSelfEvaluation(ru.soko.catalog.DocumentRecord doc) {
        if (selfEval.record(doc)) {
            var r = doc.requisites();
            String name = issuers.all().stream().filter(i -> r.organisation().equals(i.orgId())).map(ru.soko.requisites.Issuer::name)
                    .findFirst().orElse(r.organisation());
            var record = registries.recordSelfEvaluation(name, r.reportYear(), doc.id(), "ingest");
            index.upsert(registries.catalogue().get("selfeval"), record);
        }
    }

    public ru.soko.users.UserStore users() {
        return users;
    }

    public SelfEvalService selfEval() {
        return selfEval;
    }

    /** ИНН of the organisations registry by normalised full name, for finding a school by its ИНН. */
    public java.util.Map<String, String> innByName() {
        java.util.Map<String, String> result = new java.util.HashMap<>();
        registries.list("organisations", ru.soko.registry.RegistryQuery.ALL).forEach(r -> {
            if (r.text("fullName") != null) {
                result.put(ru.soko.selfeval.SelfEvalService.normalise(r.text("fullName")), r.key());
            }
        });
        return result;
    }

    public Registries registries() {
        return registries;
    }

    /** Imports a registry sheet and, when anything was written, brings the search index up to date. */
    public ImportReport importRegistry(String registry, java.nio.file.Path file, RegistryImporter.Options options,
                                       String actor) throws java.io.IOException {
        ImportReport report = registries.importFile(registry, file, options, actor);
        if (report.written()) {
            RegistrySpec spec = registries.catalogue().get(registry);
            registries.forEach(registry, ru.soko.registry.RegistryQuery.ALL, r -> index.upsert(spec, r));
            index.commit();
        }
        return report;
    }

    private static void createDirectories(AppConfig config) {
        try {
            Files.createDirectories(config.originalsDir());
            Files.createDirectories(config.indexDir());
            Files.createDirectories(config.logsDir());
        } catch (IOException e) {
            throw new UncheckedIOException("не удалось создать папку данных " + config.dataDir() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (extractor != null) {
            extractor.close();
        }
        index.close();
        database.close();
    }
}
