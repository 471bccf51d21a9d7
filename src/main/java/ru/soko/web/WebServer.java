package ru.soko.web;

import io.javalin.Javalin;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.soko.Archive;
import ru.soko.catalog.DocumentCard;
import ru.soko.catalog.DocumentRecord;
import ru.soko.search.InvalidQueryException;
import ru.soko.search.SearchRequest;
import ru.soko.search.SearchResult;
import ru.soko.util.Json;
import ru.soko.access.Role;
import ru.soko.access.Viewer;
import ru.soko.users.LoginThrottle;
import io.javalin.config.SizeUnit;
import io.javalin.http.HttpResponseException;
import java.time.Clock;

/** The public site and its JSON API. Pages are rendered on the server; no script is needed to read. */
public final class WebServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final int PAGE_SIZE = 10;
    private static final int MAX_PAGE = 1000;

    private final Archive archive;
    private final Templates templates;
    private final Security security;
    private final LoginThrottle throttle;
    private final AdminPages adminPages;
    private final WriteApi writeApi;
    private Javalin app;

    public WebServer(Archive archive, Templates templates) {
        this(archive, templates, Clock.systemUTC());
    }

    /** With the clock that sessions, login throttling and pending imports run on. */
    public WebServer(Archive archive, Templates templates, Clock clock) {
        this.archive = archive;
        this.templates = templates;
        this.security = new Security(archive.users(), new Sessions(clock), archive.config().secureCookies());
        this.throttle = new LoginThrottle(clock);
        Uploads uploads = new Uploads(archive);
        this.adminPages = new AdminPages(archive, this::page, security, uploads, new PendingImports(clock));
        this.writeApi = new WriteApi(archive, uploads);
    }

    public WebServer start(int port) {
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = 1_000_000L;
            config.jetty.multipartConfig.maxFileSize(archive.config().maxFileBytes(), SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(maxUploadBytes(), SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            config.jetty.modifyServer(server -> server.setErrorHandler(new ServerErrors(templates)));
            config.routes.before(WebServer::securityHeaders);
            config.routes.before(WebServer::rejectBrokenEscapes);
            config.routes.before(this::limitUploadSize);
            config.routes.before(security::identify);
            config.routes.before(security::checkCsrf);
            config.routes.get("/", this::searchPage);
            config.routes.get("/login", this::loginPage);
            config.routes.post("/login", this::login);
            config.routes.post("/logout", ctx -> {
                security.logout(ctx);
                ctx.redirect("/", HttpStatus.SEE_OTHER);
            });
            config.routes.get("/static/upload.js", ctx -> ctx.contentType("text/javascript; charset=utf-8")
                    .result(templates.asset("static/upload.js")));
            adminPages.register(config.routes);
            writeApi.register(config.routes);
            config.routes.get("/static/site.css", ctx -> ctx.contentType("text/css; charset=utf-8").result(templates.asset("static/site.css")));
            config.routes.get("/documents/{id}", this::documentPage);
            config.routes.get("/documents/{id}/original", this::download);
            config.routes.get("/api/search", this::apiSearch);
            config.routes.get("/api/documents/{id}", this::apiDocument);
            config.routes.get("/organisations/{id}", this::organisationPage);
            config.routes.get("/organisations/{id}/selfeval.{format}", this::selfEvalExport);
            config.routes.get("/api/organisations/{id}/selfeval", ctx -> ctx.contentType(ContentType.APPLICATION_JSON)
                    .result(Json.write(organisation(ctx, () -> OrganisationPage.history(archive, ctx.pathParam("id"), Security.viewer(ctx))))));
            config.routes.get("/api/selfeval/compare", this::apiCompare);
            config.routes.get("/selfeval/compare", this::comparePage);
            config.routes.get("/selfeval/compare.{format}", this::compareExport);
            config.routes.get("/registries", ctx -> page(ctx, "registries",
                    Map.of("registries", RegistryPages.registries(archive))));
            config.routes.get("/registries/{name}", this::registryPage);
            config.routes.get("/registries/{name}/export", this::registryExport);
            config.routes.get("/registries/{name}/{id}", this::registryRecordPage);
            config.routes.get("/api/openapi.json", ctx -> ctx.contentType(ContentType.APPLICATION_JSON).result(openApi()));
            config.routes.get("/api/registries", this::apiRegistries);
            config.routes.get("/api/registries/{name}", this::apiRegistry);
            config.routes.get("/api/registries/{name}/{key}", this::apiRegistryRecord);
            config.routes.exception(InvalidQueryException.class, (e, ctx) -> refused(new HttpResponseException(HttpStatus.BAD_REQUEST, e.getMessage(), Map.of()), ctx));
            config.routes.exception(HttpResponseException.class, this::refused);
            config.routes.exception(jakarta.servlet.ServletException.class, (e, ctx) -> {
                // Jetty refuses a malformed multipart body while Javalin reads the parts.
                if (e.getCause() instanceof org.eclipse.jetty.http.BadMessageException bad) {
                    refused(new HttpResponseException(HttpStatus.forStatus(bad.getCode()),
                            "запрос с файлами повреждён или слишком велик: " + bad.getReason(), Map.of()), ctx);
                } else {
                    LOG.error("request {} failed", ctx.path(), e);
                    errorPage(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "Внутренняя ошибка сервера",
                            "Что-то пошло не так. Попробуйте ещё раз позже.");
                }
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("request {} failed", ctx.path(), e);
                errorPage(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "Внутренняя ошибка сервера",
                        "Что-то пошло не так. Попробуйте ещё раз позже.");
            });
            config.routes.error(HttpStatus.NOT_FOUND, ctx -> {
                // Our own handlers answer 404 with a page or JSON already; only Javalin's plain text is replaced.
                String type = String.valueOf(ctx.res().getContentType());
                if (!type.startsWith("text/html") && !type.startsWith("application/json")) {
                    if (ctx.path().startsWith("/api/")) {
                        ctx.contentType(ContentType.APPLICATION_JSON).result(Json.write(Map.of("error", "нет такого адреса API")));
                    } else {
                        errorPage(ctx, HttpStatus.NOT_FOUND, "Страница не найдена", "Такой страницы в архиве нет.");
                    }
                }
            });
        }).start(port);
        return this;
    }

    public int port() {
        return app.port();
    }

    private void searchPage(Context ctx) {
        String query = Optional.ofNullable(ctx.queryParam("q")).orElse("");
        int page = pageParam(ctx);
        long documents = archive.search().countDocuments(Security.viewer(ctx).role());
        SearchPage model;
        try {
            Map<String, java.util.List<String>> filters = facetParams(ctx, "f");
            boolean byDate = "date".equals(ctx.queryParam("sort"));
            SearchResult result = archive.search().search(new SearchRequest(query, (page - 1) * PAGE_SIZE, PAGE_SIZE, filters,
                    byDate ? SearchRequest.Order.DATE : SearchRequest.Order.RELEVANCE, Security.viewer(ctx).role()));
            model = SearchPage.of(query, result, page, PAGE_SIZE, documents, filters, byDate, registryTitles());
        } catch (InvalidQueryException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            model = SearchPage.failed(query, e.getMessage(), documents);
        }
        page(ctx, "search", Map.of("page", model));
    }

    private Map<String, String> registryTitles() {
        Map<String, String> titles = new java.util.LinkedHashMap<>();
        titles.put(ru.soko.search.DocumentMapper.DOCUMENTS, "Документы");
        archive.registries().catalogue().all().forEach(r -> titles.put(r.name(), r.title()));
        return titles;
    }

    private void documentPage(Context ctx) {
        Optional<DocumentRecord> record = visibleDocument(ctx);
        if (record.isEmpty()) {
            notFound(ctx);
            return;
        }
        Viewer viewer = Security.viewer(ctx);
        ru.soko.catalog.DocumentCard card = archive.card(record.get().id(), viewer).orElseThrow();
        Map<String, Object> model = new java.util.LinkedHashMap<>();
        model.put("card", card);
        model.put("text", record.get().text());
        archive.search().markedText(record.get().id(), ctx.queryParam("q"), viewer.role()).ifPresent(marked -> {
            model.put("markedText", marked);
            model.put("query", ctx.queryParam("q"));
        });
        model.put("links", links(card, viewer));
        if (card.organisation() != null) {
            try {
                var school = archive.selfEval().organisation(card.organisation(), Map.of());
                model.put("about", Map.of("id", school.orgId(), "name", school.name()));
            } catch (IllegalArgumentException unknown) {
                // An organisation code not in index-config/issuers.json has no page to link to.
            }
        }
        model.put("access", AdminPages.audienceTitle(ru.soko.access.Audience.of(record.get())));
        model.put("restricted", !"public".equals(record.get().visibility()) || record.get().withdrawn());
        model.put("canEdit", viewer.atLeast(Role.ADMIN));
        page(ctx, "document", model);
    }

    /** The card's links as «relation: title» lines, documents the viewer may see only. */
    private java.util.List<Map<String, Object>> links(ru.soko.catalog.DocumentCard card, Viewer viewer) {
        java.util.List<Map<String, Object>> links = new java.util.ArrayList<>();
        Map<String, java.util.List<Long>> byRelation = new java.util.LinkedHashMap<>();
        byRelation.put("Утверждён", card.approvedBy());
        byRelation.put("Утверждает", card.approves());
        byRelation.put("Изменяет", card.amends());
        byRelation.put("Изменён", card.amendedBy());
        byRelation.put("Признаёт утратившим силу", card.repeals());
        byRelation.put("Утратил силу в связи с", card.repealedBy());
        java.util.Set<Long> shown = new java.util.HashSet<>();
        byRelation.forEach((relation, ids) -> ids.forEach(id -> titled(id, viewer).ifPresent(t -> {
            links.add(Map.of("relation", relation, "id", id, "title", t));
            shown.add(id);
        })));
        card.citedBy().stream().filter(id -> !shown.contains(id))
                .forEach(id -> titled(id, viewer).ifPresent(t -> links.add(Map.of("relation", "Ссылается на этот документ", "id", id, "title", t))));
        return links;
    }

    private Optional<String> titled(long id, Viewer viewer) {
        return archive.catalog().get(id).filter(viewer::canSee).map(DocumentRecord::title);
    }

    private void download(Context ctx) throws IOException {
        Optional<DocumentRecord> record = visibleDocument(ctx);
        if (record.isEmpty()) {
            notFound(ctx);
            return;
        }
        DocumentRecord doc = record.get();
        String encoded = URLEncoder.encode(doc.sourceName(), StandardCharsets.UTF_8).replace("+", "%20");
        ctx.header("Content-Disposition", "attachment; filename*=UTF-8''" + encoded);
        // An uploaded HTML or SVG file opened by mistake still runs nothing in the site's origin.
        ctx.header("Content-Security-Policy", "sandbox; default-src 'none'");
        ctx.contentType(doc.mediaType().split(";")[0]);
        InputStream in = archive.originals().open(doc.sha256());
        ctx.result(in);
    }

    private void apiSearch(Context ctx) {
        String query = Optional.ofNullable(ctx.queryParam("q")).orElse("");
        int limit = WebParams.integer(ctx, "limit", 10);
        int offset = WebParams.integer(ctx, "offset", 0);
        ctx.contentType(ContentType.APPLICATION_JSON).result(Json.write(archive.search().search(
                new SearchRequest(query, offset, limit, facetParams(ctx), orderParam(ctx), Security.viewer(ctx).role()))));
    }

    /** {@code facet=kind:приказ&facet=year:2023}: repeated, name and value split at the first colon. */
    private static Map<String, java.util.List<String>> facetParams(Context ctx) {
        return facetParams(ctx, "facet");
    }

    private static Map<String, java.util.List<String>> facetParams(Context ctx, String parameter) {
        Map<String, java.util.List<String>> filters = new java.util.LinkedHashMap<>();
        for (String f : ctx.queryParams(parameter)) {
            int colon = f.indexOf(':');
            if (colon <= 0 || colon == f.length() - 1) {
                throw new InvalidQueryException("параметр " + parameter + " пишется как имя:значение, например kind:приказ");
            }
            filters.computeIfAbsent(f.substring(0, colon), k -> new java.util.ArrayList<>()).add(f.substring(colon + 1));
        }
        return filters;
    }

    private static SearchRequest.Order orderParam(Context ctx) {
        String sort = Optional.ofNullable(ctx.queryParam("sort")).orElse("relevance");
        return switch (sort) {
            case "relevance" -> SearchRequest.Order.RELEVANCE;
            case "date" -> SearchRequest.Order.DATE;
            default -> throw new InvalidQueryException("параметр sort принимает relevance или date");
        };
    }

    private void organisationPage(Context ctx) {
        Map<String, Object> model = organisation(ctx, () -> OrganisationPage.model(archive, ctx.pathParam("id"),
                ctx.queryParam("indicator"), Security.viewer(ctx)));
        page(ctx, "organisation", model);
    }

    private void selfEvalExport(Context ctx) throws java.io.IOException {
        var history = organisation(ctx, () -> OrganisationPage.history(archive, ctx.pathParam("id"), Security.viewer(ctx)));
        sendTable(ctx, "selfeval-" + history.organisation().id(), (format, file) -> ru.soko.selfeval.SelfEvalExport.history(history, format, file));
    }

    private void comparePage(Context ctx) {
        Map<String, Object> model = new java.util.LinkedHashMap<>();
        String territory = Optional.ofNullable(ctx.queryParam("territory")).orElse("");
        String code = Optional.ofNullable(ctx.queryParam("indicator")).orElse("");
        model.put("territory", territory);
        model.put("indicator", code);
        model.put("year", Optional.ofNullable(ctx.queryParam("year")).orElse(""));
        model.put("q", Map.of("territory", URLEncoder.encode(territory, StandardCharsets.UTF_8),
                "indicator", URLEncoder.encode(code, StandardCharsets.UTF_8)));
        if (!territory.isBlank() && !code.isBlank()) {
            try {
                ru.soko.selfeval.Comparison c = archive.selfEval().compare(territory, WebParams.integer(ctx, "year", 0), code,
                        OrganisationPage.visibleReports(archive, Security.viewer(ctx)));
                java.util.List<ru.soko.selfeval.Comparison.Row> rows = new java.util.ArrayList<>(c.rows());
                if ("name".equals(ctx.queryParam("sort"))) {
                    rows.sort(java.util.Comparator.comparing(ru.soko.selfeval.Comparison.Row::organisation));
                }
                model.put("comparison", Map.of("territory", c.territory(), "year", c.year(), "code", c.code(),
                        "name", String.valueOf(c.name() == null ? "" : c.name()), "unit", String.valueOf(c.unit() == null ? "" : c.unit()),
                        "median", ru.soko.selfeval.SelfEvalExport.number(c.median()),
                        "rows", rows.stream().map(r -> Map.of("organisationId", r.organisationId(), "organisation", r.organisation(),
                                "municipality", String.valueOf(r.municipality()), "value", ru.soko.selfeval.SelfEvalExport.number(r.value()),
                                "percent", ru.soko.selfeval.SelfEvalExport.number(r.percent()))).toList()));
            } catch (IllegalArgumentException e) {
                model.put("error", e.getMessage());
            }
        }
        page(ctx, "compare", model);
    }

    private void compareExport(Context ctx) throws java.io.IOException {
        ru.soko.selfeval.Comparison c;
        try {
            c = archive.selfEval().compare(String.valueOf(ctx.queryParam("territory")), WebParams.integer(ctx, "year", 0),
                    String.valueOf(ctx.queryParam("indicator")), OrganisationPage.visibleReports(archive, Security.viewer(ctx)));
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException(e.getMessage());
        }
        sendTable(ctx, "selfeval-compare-" + c.year(), (format, file) -> ru.soko.selfeval.SelfEvalExport.comparison(c, format, file));
    }

    private interface TableWriter {
        void write(String format, java.nio.file.Path file) throws java.io.IOException;
    }

    /** Sends a table as an XLSX or CSV download named after {@code baseName}. */
    private static void sendTable(Context ctx, String baseName, TableWriter writer) throws java.io.IOException {
        String format = ctx.pathParam("format");
        if (!format.equals("xlsx") && !format.equals("csv")) {
            throw new InvalidQueryException("выгрузка возможна в xlsx или csv");
        }
        sendFile(ctx, baseName + "." + format, format.equals("csv") ? "text/csv; charset=utf-8"
                : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file -> writer.write(format, file));
    }

    private interface FileWriter {
        void write(java.nio.file.Path file) throws java.io.IOException;
    }

    /** Writes a download to a temporary file and sends it as an attachment; the file is always removed. */
    private static void sendFile(Context ctx, String fileName, String contentType, FileWriter writer) throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("soko-download", ".tmp");
        try {
            writer.write(file);
            ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
            ctx.contentType(contentType);
            ctx.result(java.nio.file.Files.readAllBytes(file));
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    private void apiCompare(Context ctx) {
        String territory = ctx.queryParam("territory");
        String code = ctx.queryParam("indicator");
        if (territory == null || code == null) {
            throw new InvalidQueryException("нужны параметры territory, year и indicator");
        }
        int year = WebParams.integer(ctx, "year", 0);
        try {
            ctx.contentType(ContentType.APPLICATION_JSON).result(Json.write(archive.selfEval().compare(territory, year, code,
                    OrganisationPage.visibleReports(archive, Security.viewer(ctx)))));
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException(e.getMessage());
        }
    }

    /** An unknown organisation is a 404, not an error page. */
    private static <T> T organisation(Context ctx, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (IllegalArgumentException e) {
            throw new io.javalin.http.NotFoundResponse(e.getMessage());
        }
    }

    private ru.soko.registry.RegistrySpec registryOr404(String name) {
        try {
            return archive.registries().catalogue().get(name);
        } catch (IllegalArgumentException e) {
            throw new io.javalin.http.NotFoundResponse(e.getMessage());
        }
    }

    private ru.soko.registry.RegistryQuery registryQuery(Context ctx, ru.soko.registry.RegistrySpec spec) {
        Map<String, String> filters = new java.util.LinkedHashMap<>();
        for (ru.soko.registry.FieldSpec f : spec.fields()) {
            String v = ctx.queryParam(f.name());
            if (v != null && !v.isBlank() && f.filter()) {
                filters.put(f.name(), v.strip());
            }
        }
        String status = Optional.ofNullable(ctx.queryParam("status")).filter(v -> !v.isBlank()).orElse(null);
        java.time.LocalDate validOn = Optional.ofNullable(ctx.queryParam("validOn")).filter(v -> !v.isBlank())
                .map(v -> ru.soko.requisites.RussianDates.parseWhole(v).orElseThrow(() -> new InvalidQueryException("validOn: не дата")))
                .orElse(null);
        return new ru.soko.registry.RegistryQuery(filters, status, validOn);
    }

    private void registryPage(Context ctx) {
        ru.soko.registry.RegistrySpec spec = registryOr404(ctx.pathParam("name"));
        ru.soko.registry.RegistryQuery q = registryQuery(ctx, spec);
        page(ctx, "registry", RegistryPages.table(archive, spec, q.fields(), q.status(), q.validOn(),
                ctx.queryParam("sort"), pageParam(ctx)));
    }

    private void registryRecordPage(Context ctx) {
        ru.soko.registry.RegistrySpec spec = registryOr404(ctx.pathParam("name"));
        String id = ctx.pathParam("id");
        Optional<ru.soko.registry.RegistryRecord> record = id.matches("\\d{1,18}")
                ? archive.registries().get(Long.parseLong(id)).filter(r -> r.registry().equals(spec.name()))
                : archive.registries().byKey(spec.name(), id);
        var card = record.flatMap(r -> archive.registryCard(spec.name(), r.key(), Security.viewer(ctx)))
                .orElseThrow(() -> new io.javalin.http.NotFoundResponse("нет такой записи"));
        Map<String, Object> model = new java.util.LinkedHashMap<>(RegistryPages.record(archive, spec, card));
        model.put("canEdit", Security.viewer(ctx).atLeast(Role.ADMIN));
        page(ctx, "registry-record", model);
    }

    private void registryExport(Context ctx) throws java.io.IOException {
        ru.soko.registry.RegistrySpec spec = registryOr404(ctx.pathParam("name"));
        String format = Optional.ofNullable(ctx.queryParam("format")).orElse("csv");
        ru.soko.registry.RegistryExporter.Format f;
        try {
            f = ru.soko.registry.RegistryExporter.Format.valueOf(format.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("format: csv, xlsx или json");
        }
        String extension = format.toLowerCase(java.util.Locale.ROOT);
        String type = switch (f) {
            case CSV -> "text/csv; charset=utf-8";
            case XLSX -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            case JSON -> "application/json";
        };
        var query = registryQuery(ctx, spec);
        sendFile(ctx, spec.name() + "." + extension, type, file -> archive.registries().export(spec.name(), query, f, file));
    }

    private static String openApi() throws IOException {
        try (InputStream in = WebServer.class.getClassLoader().getResourceAsStream("web/openapi.json")) {
            if (in == null) {
                throw new IOException("openapi.json is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void apiRegistries(Context ctx) {
        java.util.List<Map<String, Object>> list = new java.util.ArrayList<>();
        for (ru.soko.registry.RegistrySpec spec : archive.registries().catalogue().all()) {
            list.add(Map.of("name", spec.name(), "title", spec.title(), "kind", spec.kind(),
                    "count", archive.registries().count(spec.name())));
        }
        ctx.contentType(ContentType.APPLICATION_JSON).result(Json.write(list));
    }

    /** {@code filter=subject:математика&filter=grade:7&status=действует&validOn=2025-09-01}. */
    static final int API_REGISTRY_LIMIT = 100;
    static final int API_REGISTRY_MAX_LIMIT = 1_000;

    private void apiRegistry(Context ctx) {
        String name = ctx.pathParam("name");
        registryOrNotFound(name);
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        facetParams(ctx, "filter").forEach((k, v) -> fields.put(k, v.get(0)));
        java.time.LocalDate validOn = null;
        if (ctx.queryParam("validOn") != null) {
            validOn = ru.soko.requisites.RussianDates.parseWhole(ctx.queryParam("validOn"))
                    .orElseThrow(() -> new InvalidQueryException("validOn: не дата"));
        }
        // A page at a time: a registry may hold a million records, more than one answer should carry.
        int limit = WebParams.integer(ctx, "limit", API_REGISTRY_LIMIT);
        int offset = WebParams.integer(ctx, "offset", 0);
        if (limit < 1 || limit > API_REGISTRY_MAX_LIMIT) {
            throw new InvalidQueryException("limit должен быть от 1 до " + API_REGISTRY_MAX_LIMIT);
        }
        if (offset < 0) {
            throw new InvalidQueryException("offset не может быть отрицательным");
        }
        try {
            var found = archive.registries().page(name, new ru.soko.registry.RegistryQuery(fields, ctx.queryParam("status"), validOn),
                    ctx.queryParam("sort"), offset, limit);
            ctx.contentType(ContentType.APPLICATION_JSON).result(Json.write(Map.of("registry", name, "total", found.total(),
                    "offset", offset, "limit", limit, "records", found.records())));
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException(e.getMessage());
        }
    }

    private void apiRegistryRecord(Context ctx) {
        String name = ctx.pathParam("name");
        registryOrNotFound(name);
        var card = archive.registryCard(name, ctx.pathParam("key"), Security.viewer(ctx));
        if (card.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).contentType(ContentType.APPLICATION_JSON).result(Json.write(Map.of("error", "запись не найдена")));
            return;
        }
        ctx.contentType(ContentType.APPLICATION_JSON).result(Json.write(card.get()));
    }

    private void registryOrNotFound(String name) {
        try {
            archive.registries().catalogue().get(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException(e.getMessage());
        }
    }

    private void apiDocument(Context ctx) {
        Optional<DocumentRecord> record = visibleDocument(ctx);
        if (record.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).contentType(ContentType.APPLICATION_JSON)
                    .result(Json.write(Map.of("error", "документ не найден")));
            return;
        }
        ctx.contentType(ContentType.APPLICATION_JSON).result(Json.write(archive.card(record.get().id(), Security.viewer(ctx)).orElseThrow()));
    }

    /** Documents hidden from the viewer answer exactly like missing ones, so their existence does not leak. */
    private Optional<DocumentRecord> visibleDocument(Context ctx) {
        return WebParams.id(ctx.pathParam("id")).flatMap(archive.catalog()::get).filter(Security.viewer(ctx)::canSee);
    }

    private static int pageParam(Context ctx) {
        int page = WebParams.integer(ctx, "page", 1);
        if (page < 1 || page > MAX_PAGE) {
            throw new InvalidQueryException("номер страницы должен быть от 1 до " + MAX_PAGE);
        }
        return page;
    }

    /**
     * A {@code %} not followed by two hex digits, in the path or the query: Javalin would either drop the
     * parameter silently (a different search than asked) or fail on decoding it.
     */
    private static void rejectBrokenEscapes(Context ctx) {
        if (!validEscapes(ctx.req().getRequestURI()) || !validEscapes(ctx.queryString())) {
            throw new InvalidQueryException("в адресе запроса неверная %-кодировка: после % должны идти две шестнадцатеричные цифры");
        }
    }

    static boolean validEscapes(String raw) {
        if (raw == null) {
            return true;
        }
        for (int i = raw.indexOf('%'); i >= 0; i = raw.indexOf('%', i + 1)) {
            if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0 || Character.digit(raw.charAt(i + 2), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private void notFound(Context ctx) {
        errorPage(ctx, HttpStatus.NOT_FOUND, "Документ не найден", "Такого документа в открытой части архива нет.");
    }

    private void errorPage(Context ctx, HttpStatus status, String title, String message) {
        ctx.status(status);
        page(ctx, "error", Map.of("title", title, "message", message, "status", status.getCode()));
    }

    /** Renders a page with the site's chrome: who is logged in, their menu, the CSRF token of its forms. */
    private void page(Context ctx, String template, Map<String, Object> model) {
        Viewer viewer = Security.viewer(ctx);
        Map<String, Object> chrome = new java.util.HashMap<>();
        if (!viewer.anonymous()) {
            chrome.put("session", Map.of("name", viewer.name(), "role", viewer.role().title(),
                    "admin", viewer.atLeast(Role.ADMIN), "auditor", viewer.atLeast(Role.AUDITOR),
                    "csrf", Security.session(ctx).map(Sessions.Session::csrf).orElse("")));
        }
        ctx.html(templates.render(template, chrome, model));
    }

    /** 401, 403, 404, 413 and the like: a Russian page, JSON under /api/, and a way to log in where that helps. */
    private void refused(HttpResponseException e, Context ctx) {
        HttpStatus status = HttpStatus.forStatus(e.getStatus());
        // Javalin's own messages are English and name the framework; only ours, in Russian, are shown.
        String message = e.getMessage() != null && e.getMessage().matches("(?s).*[а-яА-ЯёЁ].*") ? e.getMessage()
                : switch (status) {
                    case NOT_FOUND -> "не найдено";
                    case UNAUTHORIZED -> "нужно войти в систему";
                    case FORBIDDEN -> "доступ запрещён";
                    default -> "неверный запрос";
                };
        if (ctx.path().startsWith("/api/")) {
            ctx.status(status).contentType(ContentType.APPLICATION_JSON).result(Json.write(Map.of("error", message)));
            return;
        }
        if (status == HttpStatus.UNAUTHORIZED && "GET".equals(ctx.method().name())) {
            ctx.redirect("/login?next=" + WebParams.encode(ctx.path()), HttpStatus.SEE_OTHER);
            return;
        }
        String title = switch (status) {
            case UNAUTHORIZED -> "Нужно войти";
            case FORBIDDEN -> "Доступ запрещён";
            case NOT_FOUND -> "Страница не найдена";
            case CONTENT_TOO_LARGE -> "Файл слишком большой";
            case BAD_REQUEST, UNPROCESSABLE_CONTENT -> "Неверный запрос";
            default -> "Запрос не выполнен";
        };
        errorPage(ctx, status, title, message);
    }

    private long maxUploadBytes() {
        return archive.config().maxFileBytes() * 4;
    }

    /** Refuses an upload by its declared length, before a byte of the body is read. */
    private void limitUploadSize(Context ctx) {
        long length;
        try {
            length = Long.parseLong(Optional.ofNullable(ctx.header("Content-Length")).orElse("-1").strip());
        } catch (NumberFormatException e) {
            throw new InvalidQueryException("неверный заголовок Content-Length");
        }
        if (String.valueOf(ctx.contentType()).startsWith("multipart/") && length > maxUploadBytes()) {
            ctx.header("Connection", "close");
            throw new HttpResponseException(HttpStatus.CONTENT_TOO_LARGE, "запрос больше "
                    + maxUploadBytes() / 1024 / 1024 + " МБ: загрузите файлы по одному", Map.of());
        }
    }

    private void loginPage(Context ctx) {
        Map<String, Object> model = new java.util.HashMap<>();
        model.put("csrf", security.csrfFor(ctx));
        model.put("next", safeNext(ctx.queryParam("next")));
        page(ctx, "login", model);
    }

    private void login(Context ctx) {
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("").strip();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        String next = safeNext(ctx.formParam("next"));
        Map<String, Object> model = new java.util.HashMap<>();
        model.put("name", name);
        model.put("next", next);
        Optional<java.time.Duration> wait = throttle.waitBefore(name, ctx.ip());
        if (wait.isPresent()) {
            long seconds = Math.max(1, wait.get().toSeconds());
            ctx.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", Long.toString(seconds));
            model.put("error", "Слишком много неудачных попыток входа. Повторите через " + seconds + " с.");
            model.put("csrf", security.csrfFor(ctx));
            page(ctx, "login", model);
            return;
        }
        Optional<ru.soko.users.User> user = archive.users().authenticate(name, password);
        if (user.isEmpty()) {
            throttle.failed(name, ctx.ip());
            ctx.status(HttpStatus.UNAUTHORIZED);
            model.put("error", "Неверное имя пользователя или пароль.");
            model.put("csrf", security.csrfFor(ctx));
            page(ctx, "login", model);
            return;
        }
        throttle.succeeded(name);
        security.login(ctx, user.get().viewer());
        String target = next.isEmpty() ? (user.get().role() == Role.ADMIN ? "/admin" : "/") : next;
        ctx.redirect(target, HttpStatus.SEE_OTHER);
    }

    /** Only a path on this site: «//evil.example» and absolute addresses are dropped. */
    private static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || next.length() > 500) {
            return "";
        }
        return next.chars().anyMatch(Character::isISOControl) ? "" : next;
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; "
                + "img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
    }

    @Override
    public void close() {
        if (app != null) {
            app.stop();
        }
    }
}
