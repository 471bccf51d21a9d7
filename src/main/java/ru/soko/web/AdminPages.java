package ru.soko.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.soko.Archive;
import ru.soko.access.Audience;
import ru.soko.access.Role;
import ru.soko.catalog.AuditEntry;
import ru.soko.catalog.AuditQuery;
import ru.soko.catalog.DocumentRecord;
import ru.soko.ingest.IngestOutcome;
import ru.soko.registry.FieldSpec;
import ru.soko.registry.ImportReport;
import ru.soko.registry.RegistryImporter;
import ru.soko.registry.RegistryRecord;
import ru.soko.registry.RegistrySpec;
import ru.soko.requisites.RequisiteOverrides;
import ru.soko.users.User;

/**
 * The staff area under {@code /admin}: uploads with review, requisite corrections, visibility,
 * withdrawal, registry imports checked before writing, record edits, the audit log and accounts.
 * Every form posts back with the session's CSRF token; every change lands in the audit log.
 */
final class AdminPages {

    interface Renderer {
        void page(Context ctx, String template, Map<String, Object> model);
    }

    private static final int AUDIT_PAGE = 50;
    private static final Map<String, String> FIELD_LABELS = Map.ofEntries(Map.entry("kind", "Вид"),
            Map.entry("issuer", "Издатель"), Map.entry("date", "Дата"), Map.entry("number", "Номер"),
            Map.entry("place", "Место издания"), Map.entry("title", "Заголовок"), Map.entry("signatory", "Подписал"),
            Map.entry("level", "Уровень"), Map.entry("region", "Регион"), Map.entry("municipality", "Муниципалитет"),
            Map.entry("organisation", "Организация (код)"), Map.entry("reportYear", "Отчётный год"));
    private static final Map<String, String> NOTICES = Map.of(
            "saved", "Изменения сохранены.",
            "visibility", "Видимость изменена.",
            "withdrawn", "Документ отозван: он скрыт отовсюду, кроме администрирования, и не удалён.",
            "restored", "Документ возвращён.",
            "imported", "Реестр загружен.",
            "user", "Учётная запись сохранена.");

    private final Archive archive;
    private final Renderer renderer;
    private final Security security;
    private final Uploads uploads;
    private final PendingImports imports;

    AdminPages(Archive archive, Renderer renderer, Security security, Uploads uploads, PendingImports imports) {
        this.archive = archive;
        this.renderer = renderer;
        this.security = security;
        this.uploads = uploads;
        this.imports = imports;
    }

    void register(RoutesConfig routes) {
        routes.get("/admin", admin(this::dashboard));
        routes.get("/admin/upload", admin(ctx -> renderer.page(ctx, "admin-upload", new LinkedHashMap<>())));
        routes.post("/admin/upload", admin(this::uploadForm));
        routes.get("/admin/documents/{id}", admin(this::documentForm));
        routes.post("/admin/documents/{id}", admin(this::saveRequisites));
        routes.post("/admin/documents/{id}/visibility", admin(this::saveVisibility));
        routes.post("/admin/documents/{id}/withdraw", admin(this::withdraw));
        routes.post("/admin/documents/{id}/restore", admin(this::restore));
        routes.get("/admin/registries/import", admin(ctx -> renderer.page(ctx, "admin-import", importModel(null, null))));
        routes.post("/admin/registries/import", admin(this::checkImport));
        routes.post("/admin/registries/import/confirm", admin(this::confirmImport));
        routes.get("/admin/registries/{name}/{key}", admin(this::recordForm));
        routes.post("/admin/registries/{name}/{key}", admin(this::saveRecord));
        routes.get("/admin/audit", ctx -> {
            Security.require(ctx, Role.AUDITOR);
            auditPage(ctx);
        });
        routes.get("/admin/users", admin(this::usersPage));
        routes.post("/admin/users", admin(this::addUser));
        routes.post("/admin/users/{name}", admin(this::changeUser));
    }

    private static io.javalin.http.Handler admin(io.javalin.http.Handler handler) {
        return ctx -> {
            Security.require(ctx, Role.ADMIN);
            handler.handle(ctx);
        };
    }

    private static String notice(Context ctx) {
        String done = ctx.queryParam("done");
        return done == null ? null : NOTICES.get(done);
    }

    private void dashboard(Context ctx) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("stats", archive.catalog().countBy(ru.soko.catalog.Catalog.StatColumn.VISIBILITY).entrySet().stream()
                .map(e -> Map.of("name", "public".equals(e.getKey()) ? "открытые" : "служебные", "count", e.getValue())).toList());
        int page = Math.max(1, WebParams.integer(ctx, "page", 1));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (long id : archive.catalog().newestIds((page - 1) * 30, 30)) {
            archive.catalog().get(id).ifPresent(d -> rows.add(row(d)));
        }
        model.put("documents", rows);
        model.put("page", page);
        model.put("next", rows.size() == 30 ? page + 1 : null);
        model.put("prev", page > 1 ? page - 1 : null);
        renderer.page(ctx, "admin", model);
    }

    private static Map<String, Object> row(DocumentRecord d) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", d.id());
        row.put("title", d.title());
        row.put("kind", d.requisites().kind() == null ? "" : d.requisites().kind());
        row.put("sourceName", d.sourceName());
        row.put("access", audienceTitle(Audience.of(d)));
        row.put("withdrawn", d.withdrawn());
        row.put("internal", "internal".equals(d.visibility()));
        return row;
    }

    static String audienceTitle(Audience audience) {
        return switch (audience) {
            case PUBLIC -> "открыт всем";
            case EXPERT -> "служебный: эксперты и выше";
            case AUDITOR -> "служебный: аудиторы и администраторы";
            case ADMIN -> "отозван";
        };
    }

    private void uploadForm(Context ctx) {
        List<UploadedFile> files = ctx.uploadedFiles("files");
        if (files.isEmpty()) {
            throw new BadRequestResponse("выберите хотя бы один файл");
        }
        String visibility = visibility(ctx.formParam("visibility"), "internal");
        List<IngestOutcome> outcomes = uploads.ingest(files, visibility, Security.viewer(ctx).name());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("results", outcomes.stream().map(AdminPages::outcome).toList());
        renderer.page(ctx, "admin-upload", model);
    }

    static Map<String, Object> outcome(IngestOutcome o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", o.file());
        m.put("status", o.status().name().toLowerCase(java.util.Locale.ROOT));
        m.put("added", o.status() == IngestOutcome.Status.ADDED);
        m.put("rejected", o.status() == IngestOutcome.Status.REJECTED);
        m.put("documentId", o.documentId());
        m.put("message", o.message());
        m.put("warnings", o.warnings());
        return m;
    }

    private void documentForm(Context ctx) {
        DocumentRecord d = document(ctx);
        Map<String, String> overrides = archive.catalog().overrides(d.id());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("doc", row(d));
        model.put("warnings", d.warnings());
        model.put("publicNow", "public".equals(d.visibility()));
        model.put("withdrawnReason", d.withdrawnReason());
        model.put("fields", requisiteFields(d, overrides));
        model.put("kinds", RequisiteOverrides.KINDS.stream().sorted().toList());
        model.put("text", d.text().length() > 3000 ? d.text().substring(0, 3000) + " …" : d.text());
        model.put("notice", notice(ctx));
        model.put("audit", archive.catalog().auditTrail("document:" + d.id()).stream().map(AdminPages::auditRow).toList());
        renderer.page(ctx, "admin-document", model);
    }

    private static List<Map<String, Object>> requisiteFields(DocumentRecord d, Map<String, String> overrides) {
        var r = d.requisites();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("kind", r.kind());
        values.put("issuer", r.issuer());
        values.put("date", r.date() == null ? null : ru.soko.requisites.RussianDates.format(r.date()));
        values.put("number", r.number());
        values.put("place", r.place());
        values.put("title", r.title());
        values.put("signatory", r.signatory());
        values.put("level", r.level());
        values.put("region", r.region());
        values.put("municipality", r.municipality());
        values.put("organisation", r.organisation());
        values.put("reportYear", r.reportYear());
        List<Map<String, Object>> fields = new ArrayList<>();
        for (String name : RequisiteOverrides.FIELDS) {
            Object v = values.get(name);
            fields.add(Map.of("name", name, "label", FIELD_LABELS.get(name), "value", v == null ? "" : v.toString(),
                    "corrected", overrides.containsKey(name), "wide", name.equals("title") || name.equals("issuer")));
        }
        return fields;
    }

    private void saveRequisites(Context ctx) {
        DocumentRecord d = document(ctx);
        Map<String, String> current = new LinkedHashMap<>();
        requisiteFields(d, Map.of()).forEach(f -> current.put((String) f.get("name"), (String) f.get("value")));
        Map<String, String> changes = new LinkedHashMap<>();
        for (String field : RequisiteOverrides.FIELDS) {
            String sent = ctx.formParam(field);
            if (sent != null && !sent.strip().equals(current.get(field))) {
                changes.put(field, sent.strip());
            }
        }
        try {
            archive.edit(d.id(), changes, Security.viewer(ctx).name());
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage());
        }
        ctx.redirect("/admin/documents/" + d.id() + "?done=saved", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void saveVisibility(Context ctx) {
        DocumentRecord d = document(ctx);
        archive.setVisibility(d.id(), visibility(ctx.formParam("visibility"), null), Security.viewer(ctx).name());
        ctx.redirect("/admin/documents/" + d.id() + "?done=visibility", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void withdraw(Context ctx) {
        DocumentRecord d = document(ctx);
        archive.withdraw(d.id(), ctx.formParam("reason"), Security.viewer(ctx).name());
        ctx.redirect("/admin/documents/" + d.id() + "?done=withdrawn", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void restore(Context ctx) {
        DocumentRecord d = document(ctx);
        archive.restore(d.id(), Security.viewer(ctx).name());
        ctx.redirect("/admin/documents/" + d.id() + "?done=restored", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    static String visibility(String sent, String fallback) {
        if (sent == null || sent.isBlank()) {
            if (fallback == null) {
                throw new BadRequestResponse("укажите видимость: public или internal");
            }
            return fallback;
        }
        try {
            return ru.soko.catalog.Catalog.requireVisibility(sent);
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage());
        }
    }

    private DocumentRecord document(Context ctx) {
        return WebParams.id(ctx.pathParam("id")).flatMap(archive.catalog()::get)
                .orElseThrow(() -> new NotFoundResponse("документ не найден"));
    }

    private Map<String, Object> importModel(ImportReport report, PendingImports.Pending pending) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("registries", archive.registries().catalogue().all().stream()
                .filter(r -> !r.name().equals("selfeval"))
                .map(r -> Map.of("name", r.name(), "title", r.title(),
                        "selected", pending != null && pending.registry().equals(r.name()))).toList());
        if (report != null) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("registry", archive.registries().catalogue().get(report.registry()).title());
            r.put("file", pending == null ? report.file() : pending.originalName());
            r.put("rows", report.rows());
            r.put("added", report.added());
            r.put("updated", report.updated());
            r.put("unchanged", report.unchanged());
            r.put("withdrawn", report.withdrawn());
            r.put("errors", report.errors());
            r.put("warnings", report.warnings());
            r.put("written", report.written());
            r.put("clean", report.errors().isEmpty());
            model.put("report", r);
        }
        if (pending != null && report != null && report.errors().isEmpty() && !report.written()) {
            model.put("token", pending.token());
        }
        return model;
    }

    private void checkImport(Context ctx) throws IOException {
        String registry = ctx.formParam("registry");
        UploadedFile sheet = ctx.uploadedFile("sheet");
        if (registry == null || sheet == null) {
            throw new BadRequestResponse("выберите реестр и файл таблицы");
        }
        try {
            archive.registries().catalogue().get(registry);
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage());
        }
        Path dir = Files.createTempDirectory("soko-import");
        Path file = dir.resolve(Uploads.safeName(sheet.filename()));
        try (InputStream in = sheet.content()) {
            Files.copy(in, file);
        }
        PendingImports.Pending pending = imports.add(registry, file, sheet.filename(), Security.viewer(ctx).name());
        ImportReport report = archive.registries().importFile(registry, file,
                new RegistryImporter.Options(true, false, true), Security.viewer(ctx).name());
        if (!report.errors().isEmpty()) {
            ctx.status(422);
        }
        renderer.page(ctx, "admin-import", importModel(report, pending));
    }

    private void confirmImport(Context ctx) throws IOException {
        PendingImports.Pending pending = imports.take(ctx.formParam("token"), Security.viewer(ctx).name())
                .orElseThrow(() -> new BadRequestResponse("проверка устарела: загрузите таблицу ещё раз"));
        try {
            ImportReport report = archive.importRegistry(pending.registry(), pending.file(), RegistryImporter.Options.DEFAULT,
                    Security.viewer(ctx).name());
            renderer.page(ctx, "admin-import", importModel(report, null));
        } finally {
            PendingImports.discard(pending);
        }
    }

    private record Loaded(RegistrySpec spec, RegistryRecord record) {
    }

    private Loaded record(Context ctx) {
        RegistrySpec spec;
        try {
            spec = archive.registries().catalogue().get(ctx.pathParam("name"));
        } catch (IllegalArgumentException e) {
            throw new NotFoundResponse("нет такого реестра");
        }
        RegistryRecord record = archive.registries().byKey(spec.name(), ctx.pathParam("key"))
                .orElseThrow(() -> new NotFoundResponse("нет такой записи"));
        return new Loaded(spec, record);
    }

    private void recordForm(Context ctx) {
        Loaded loaded = record(ctx);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("registry", Map.of("name", loaded.spec().name(), "title", loaded.spec().title()));
        model.put("key", loaded.record().key());
        model.put("fields", loaded.spec().fields().stream().map(f -> Map.of("name", f.name(), "label", f.label(),
                "value", RegistryRecord.display(loaded.record().data().get(f.name())), "key", f.name().equals(loaded.spec().key())))
                .toList());
        model.put("notice", notice(ctx));
        renderer.page(ctx, "admin-record", model);
    }

    private void saveRecord(Context ctx) {
        Loaded loaded = record(ctx);
        Map<String, String> changes = new LinkedHashMap<>();
        for (FieldSpec f : loaded.spec().fields()) {
            String sent = ctx.formParam(f.name());
            if (sent != null && !f.name().equals(loaded.spec().key())
                    && !sent.strip().equals(RegistryRecord.display(loaded.record().data().get(f.name())))) {
                changes.put(f.name(), sent.strip());
            }
        }
        if (!changes.isEmpty()) {
            try {
                archive.editRegistry(loaded.spec().name(), loaded.record().key(), changes, Security.viewer(ctx).name());
            } catch (IllegalArgumentException e) {
                throw new BadRequestResponse(e.getMessage());
            }
        }
        ctx.redirect("/admin/registries/" + WebParams.encode(loaded.spec().name()) + "/" + WebParams.encode(loaded.record().key())
                + "?done=saved", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void auditPage(Context ctx) {
        int page = WebParams.integer(ctx, "page", 1);
        if (page < 1 || page > 10_000) {
            throw new BadRequestResponse("номер страницы должен быть от 1 до 10000");
        }
        AuditQuery q;
        try {
            q = new AuditQuery(ctx.queryParam("actor"), ctx.queryParam("action"), ctx.queryParam("target"),
                    WebParams.date(ctx, "from"), WebParams.date(ctx, "to"), (page - 1) * AUDIT_PAGE, AUDIT_PAGE + 1);
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage());
        }
        List<AuditEntry> entries = archive.catalog().auditLog(q);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("entries", entries.stream().limit(AUDIT_PAGE).map(AdminPages::auditRow).toList());
        model.put("actions", archive.catalog().auditActions().stream()
                .map(a -> Map.of("name", a, "title", ACTION_TITLES.getOrDefault(a, a), "selected", a.equals(q.action()))).toList());
        Map<String, String> filter = new LinkedHashMap<>();
        filter.put("actor", Optional.ofNullable(q.actor()).orElse(""));
        filter.put("target", Optional.ofNullable(q.target()).orElse(""));
        filter.put("from", q.from() == null ? "" : q.from().toString());
        filter.put("to", q.to() == null ? "" : q.to().toString());
        model.put("filter", filter);
        String base = "actor=" + WebParams.encode(filter.get("actor")) + "&action=" + WebParams.encode(Optional.ofNullable(q.action()).orElse(""))
                + "&target=" + WebParams.encode(filter.get("target")) + "&from=" + filter.get("from") + "&to=" + filter.get("to");
        model.put("next", entries.size() > AUDIT_PAGE ? base + "&page=" + (page + 1) : null);
        model.put("prev", page > 1 ? base + "&page=" + (page - 1) : null);
        renderer.page(ctx, "admin-audit", model);
    }

    private static final Map<String, String> ACTION_TITLES = Map.ofEntries(Map.entry("ingest", "загрузка"),
            Map.entry("edit", "исправление реквизита"), Map.entry("visibility", "видимость"), Map.entry("withdraw", "отзыв"),
            Map.entry("restore", "возврат"), Map.entry("user-add", "новый пользователь"), Map.entry("user-role", "смена роли"),
            Map.entry("user-password", "смена пароля"), Map.entry("user-disable", "отключение"), Map.entry("user-enable", "включение"),
            Map.entry("token-add", "токен API"), Map.entry("selfeval-correct", "исправление показателя"));

    static Map<String, Object> auditRow(AuditEntry e) {
        return Map.of("actionTitle", ACTION_TITLES.getOrDefault(e.action(), e.action()), "at", e.at().toString().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z"), "actor", e.actor(),
                "action", e.action(), "target", e.target() == null ? "" : e.target(), "details", e.detailsJson());
    }

    private void usersPage(Context ctx) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("users", archive.users().list().stream().map(AdminPages::userRow).toList());
        model.put("notice", notice(ctx));
        renderer.page(ctx, "admin-users", model);
    }

    private static Map<String, Object> userRow(User u) {
        return Map.of("name", u.name(), "role", u.role().title(), "code", u.role().code(), "disabled", u.disabled(),
                "roles", List.of(Role.EXPERT, Role.AUDITOR, Role.ADMIN).stream()
                        .map(r -> Map.of("code", r.code(), "title", r.title(), "selected", r == u.role())).toList());
    }

    private void addUser(Context ctx) {
        try {
            archive.users().add(ctx.formParam("name"), Role.ofAccount(ctx.formParam("role")), ctx.formParam("password"),
                    Security.viewer(ctx).name());
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage());
        }
        ctx.redirect("/admin/users?done=user", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void changeUser(Context ctx) {
        String actor = Security.viewer(ctx).name();
        User user = archive.users().find(ctx.pathParam("name"))
                .orElseThrow(() -> new NotFoundResponse("нет такого пользователя"));
        boolean changed = false;
        try {
            String role = ctx.formParam("role");
            if (role != null && Role.ofAccount(role) != user.role()) {
                archive.users().setRole(user.name(), Role.ofAccount(role), actor);
                changed = true;
            }
            String password = ctx.formParam("password");
            if (password != null && !password.isBlank()) {
                archive.users().setPassword(user.name(), password, actor);
                changed = true;
            }
            String disabled = ctx.formParam("disabled");
            if (disabled != null && "on".equals(disabled) != user.disabled()) {
                if ("on".equals(disabled) && user.name().equalsIgnoreCase(actor)) {
                    throw new IllegalArgumentException("нельзя отключить собственную учётную запись");
                }
                archive.users().setDisabled(user.name(), "on".equals(disabled), actor);
                changed = true;
            }
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage());
        }
        if (changed) {
            // A changed role or password takes effect at once: the user logs in again.
            security.endSessionsOf(user.name());
        }
        ctx.redirect("/admin/users?done=user", io.javalin.http.HttpStatus.SEE_OTHER);
    }
}
