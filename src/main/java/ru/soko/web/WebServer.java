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

/** The public site and its JSON API. Pages are rendered on the server; no script is needed to read. */
public final class WebServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final int PAGE_SIZE = 10;
    private static final int MAX_PAGE = 1000;

    private final Archive archive;
    private final Templates templates;
    private Javalin app;

    public WebServer(Archive archive, Templates templates) {
        this.archive = archive;
        this.templates = templates;
    }

    public WebServer start(int port) {
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = 1_000_000L;
            config.routes.before(WebServer::securityHeaders);
            config.routes.get("/", this::searchPage);
            config.routes.get("/static/site.css", ctx -> ctx.contentType("text/css; charset=utf-8").result(templates.asset("static/site.css")));
            config.routes.get("/documents/{id}", this::documentPage);
            config.routes.get("/documents/{id}/original", this::download);
            config.routes.get("/api/search", this::apiSearch);
            config.routes.get("/api/documents/{id}", this::apiDocument);
            config.routes.get("/organisations/{id}", this::organisationPage);
            config.routes.get("/organisations/{id}/selfeval.{format}", this::selfEvalExport);
            config.routes.get("/api/organisations/{id}/selfeval", ctx -> ctx.contentType(ContentType.APPLICATION_JSON)
                    .result(Json.write(organisation(ctx, () -> OrganisationPage.history(archive, ctx.pathParam("id"))))));
            config.routes.get("/api/selfeval/compare", this::apiCompare);
            config.routes.get("/selfeval/compare", this::comparePage);
            config.routes.get("/selfeval/compare.{format}", this::compareExport);
            config.routes.get("/registries", ctx -> ctx.html(templates.render("registries",
                    Map.of("registries", RegistryPages.registries(archive)))));
            config.routes.get("/registries/{name}", this::registryPage);
            config.routes.get("/registries/{name}/export", this::registryExport);
            config.routes.get("/registries/{name}/{id}", this::registryRecordPage);
            config.routes.get("/api/openapi.json", ctx -> ctx.contentType(ContentType.APPLICATION_JSON).result(openApi()));
            config.routes.get("/api/registries", this::apiRegistries);
            config.routes.get("/api/registries/{name}", this::apiRegistry);
            config.routes.get("/api/registries/{name}/{key}", this::apiRegistryRecord);
            config.routes.exception(InvalidQueryException.class, (e, ctx) -> badRequest(ctx, e.getMessage()));
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
        long documents = archive.catalog().count();
        SearchPage model;
        try {
            Map<String, java.util.List<String>> filters = facetParams(ctx, "f");
            boolean byDate = "date".equals(ctx.queryParam("sort"));
            SearchResult result = archive.search().search(new SearchRequest(query, (page - 1) * PAGE_SIZE, PAGE_SIZE, filters,
                    byDate ? SearchRequest.Order.DATE : SearchRequest.Order.RELEVANCE));
            model = SearchPage.of(query, result, page, PAGE_SIZE, documents, filters, byDate, registryTitles());
        } catch (InvalidQueryException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            model = SearchPage.failed(query, e.getMessage(), documents);
        }
        ctx.html(templates.render("search", Map.of("page", model)));
    }

    private Map<String, String> registryTitles() {
        Map<String, String> titles = new java.util.LinkedHashMap<>();
        titles.put(ru.soko.search.DocumentMapper.DOCUMENTS, "Документы");
        archive.registries().catalogue().all().forEach(r -> titles.put(r.name(), r.title()));
        return titles;
    }

    private void documentPage(Context ctx) {
        Optional<DocumentRecord> record = publicDocument(ctx);
        if (record.isEmpty()) {
            notFound(ctx);
            return;
        }
        ru.soko.catalog.DocumentCard card = archive.card(record.get().id()).orElseThrow();
        Map<String, Object> model = new java.util.LinkedHashMap<>();
        model.put("card", card);
        model.put("text", record.get().text());
        model.put("links", links(card));
        ctx.html(templates.render("document", model));
    }

    /** The card's links as «relation: title» lines, public documents only. */
    private java.util.List<Map<String, Object>> links(ru.soko.catalog.DocumentCard card) {
        java.util.List<Map<String, Object>> links = new java.util.ArrayList<>();
        Map<String, java.util.List<Long>> byRelation = new java.util.LinkedHashMap<>();
        byRelation.put("Утверждён", card.approvedBy());
        byRelation.put("Утверждает", card.approves());
        byRelation.put("Изменяет", card.amends());
        byRelation.put("Изменён", card.amendedBy());
        byRelation.put("Признаёт утратившим силу", card.repeals());
        byRelation.put("Утратил силу в связи с", card.repealedBy());
        java.util.Set<Long> shown = new java.util.HashSet<>();
        byRelation.forEach((relation, ids) -> ids.forEach(id -> titled(id).ifPresent(t -> {
            links.add(Map.of("relation", relation, "id", id, "title", t));
            shown.add(id);
        })));
        card.citedBy().stream().filter(id -> !shown.contains(id))
                .forEach(id -> titled(id).ifPresent(t -> links.add(Map.of("relation", "Ссылается на этот документ", "id", id, "title", t))));
        return links;
    }

    private Optional<String> titled(long id) {
        return archive.catalog().get(id).filter(r -> "public".equals(r.visibility())).map(DocumentRecord::title);
    }

    private void download(Context ctx) throws IOException {
        Optional<DocumentRecord> record = publicDocument(ctx);
        if (record.isEmpty()) {
            notFound(ctx);
            return;
        }
        DocumentRecord doc = record.get();
        String encoded = URLEncoder.encode(doc.sourceName(), StandardCharsets.UTF_8).replace("+", "%20");
        ctx.header("Content-Disposition", "attachment; filename*=UTF-8''" + encoded);
        ctx.contentType(doc.mediaType().split(";")[0]);
        InputStream in = archive.originals().open(doc.sha256());
        ctx.result(in);
    }

    private void apiSearch(Context ctx) {
        String query = Optional.ofNullable(ctx.queryParam("q")).orElse("");
        int limit = intParam(ctx, "limit", 10);
        int offset = intParam(ctx, "offset", 0);
        ctx.contentType(ContentType.APPLICATION_JSON).result(Json.write(archive.search().search(
                new SearchRequest(query, offset, limit, facetParams(ctx), orderParam(ctx)))));
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
        Map<String, Object> model = organisation(ctx, () -> OrganisationPage.model(archive, ctx.pathParam("id"), ctx.queryParam("indicator")));
        ctx.html(templates.render("organisation", model));
    }

    private void selfEvalExport(Context ctx) throws java.io.IOException {
        var history = organisation(ctx, () -> OrganisationPage.history(archive, ctx.pathParam("id")));
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
                ru.soko.selfeval.Comparison c = archive.selfEval().compare(territory, intParam(ctx, "year", 0), code);
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
        ctx.html(templates.render("compare", model));
    }

    private void compareExport(Context ctx) throws java.io.IOException {
        ru.soko.selfeval.Comparison c;
        try {
            c = archive.selfEval().compare(String.valueOf(ctx.queryParam("territory")), intParam(ctx, "year", 0),
                    String.valueOf(ctx.queryParam("indicator")));
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
        int year = intParam(ctx, "year", 0);
        try {
            ctx.contentType(ContentType.APPLICATION_JSON).result(Json.write(archive.selfEval().compare(territory, year, code)));
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
        ctx.html(templates.render("registry", RegistryPages.table(archive, spec, q.fields(), q.status(), q.validOn(),
                ctx.queryParam("sort"), pageParam(ctx))));
    }

    private void registryRecordPage(Context ctx) {
        ru.soko.registry.RegistrySpec spec = registryOr404(ctx.pathParam("name"));
        String id = ctx.pathParam("id");
        Optional<ru.soko.registry.RegistryRecord> record = id.matches("\\d+")
                ? archive.registries().get(Long.parseLong(id)).filter(r -> r.registry().equals(spec.name()))
                : archive.registries().byKey(spec.name(), id);
        var card = record.flatMap(r -> archive.registryCard(spec.name(), r.key()))
                .orElseThrow(() -> new io.javalin.http.NotFoundResponse("нет такой записи"));
        ctx.html(templates.render("registry-record", RegistryPages.record(archive, spec, card)));
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
        try {
            var records = archive.registries().list(name, new ru.soko.registry.RegistryQuery(fields, ctx.queryParam("status"), validOn));
            ctx.contentType(ContentType.APPLICATION_JSON).result(Json.write(Map.of("registry", name, "total", records.size(), "records", records)));
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException(e.getMessage());
        }
    }

    private void apiRegistryRecord(Context ctx) {
        String name = ctx.pathParam("name");
        registryOrNotFound(name);
        var card = archive.registryCard(name, ctx.pathParam("key"));
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
        Optional<DocumentRecord> record = publicDocument(ctx);
        if (record.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).contentType(ContentType.APPLICATION_JSON)
                    .result(Json.write(Map.of("error", "документ не найден")));
            return;
        }
        ctx.contentType(ContentType.APPLICATION_JSON).result(Json.write(archive.card(record.get().id()).orElseThrow()));
    }

    /** Non-public documents answer exactly like missing ones, so their existence does not leak. */
    private Optional<DocumentRecord> publicDocument(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return archive.catalog().get(id).filter(r -> "public".equals(r.visibility()));
    }

    private static int pageParam(Context ctx) {
        int page = intParam(ctx, "page", 1);
        if (page < 1 || page > MAX_PAGE) {
            throw new InvalidQueryException("номер страницы должен быть от 1 до " + MAX_PAGE);
        }
        return page;
    }

    private static int intParam(Context ctx, String name, int fallback) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidQueryException("параметр " + name + " должен быть целым числом");
        }
    }

    private void badRequest(Context ctx, String message) {
        if (ctx.path().startsWith("/api/")) {
            ctx.status(HttpStatus.BAD_REQUEST).contentType(ContentType.APPLICATION_JSON)
                    .result(Json.write(Map.of("error", message)));
        } else {
            errorPage(ctx, HttpStatus.BAD_REQUEST, "Неверный запрос", message);
        }
    }

    private void notFound(Context ctx) {
        errorPage(ctx, HttpStatus.NOT_FOUND, "Документ не найден", "Такого документа в открытой части архива нет.");
    }

    private void errorPage(Context ctx, HttpStatus status, String title, String message) {
        ctx.status(status).html(templates.render("error", Map.of("title", title, "message", message,
                "status", status.getCode())));
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
