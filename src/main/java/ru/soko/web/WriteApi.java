package ru.soko.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UploadedFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.soko.Archive;
import ru.soko.access.Role;
import ru.soko.catalog.AuditQuery;
import ru.soko.catalog.DocumentRecord;
import ru.soko.util.Json;

/**
 * The API's changes for administrators (an API token, or the session with its CSRF header) and the
 * audit log for auditors. Field names are the card's, as the CLI's JSON gives them.
 */
final class WriteApi {

    private final Archive archive;
    private final Uploads uploads;

    WriteApi(Archive archive, Uploads uploads) {
        this.archive = archive;
        this.uploads = uploads;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/documents", this::upload);
        routes.patch("/api/documents/{id}", this::patchDocument);
        routes.patch("/api/registries/{name}/{key}", this::patchRecord);
        routes.get("/api/audit", this::audit);
    }

    private void upload(Context ctx) {
        Security.require(ctx, Role.ADMIN);
        List<UploadedFile> files = new ArrayList<>(ctx.uploadedFiles("file"));
        files.addAll(ctx.uploadedFiles("files"));
        if (files.isEmpty()) {
            throw new BadRequestResponse("нет файла: пошлите multipart/form-data с полем file");
        }
        String visibility = AdminPages.visibility(ctx.formParam("visibility"), "internal");
        var outcomes = uploads.ingest(files, visibility, Security.viewer(ctx).name());
        List<Map<String, Object>> results = new ArrayList<>();
        for (var o : outcomes) {
            Map<String, Object> r = new LinkedHashMap<>(AdminPages.outcome(o));
            if (o.documentId() != null) {
                archive.card(o.documentId(), Security.viewer(ctx)).ifPresent(card -> r.put("card", card));
            }
            results.add(r);
        }
        boolean anyAdded = outcomes.stream().anyMatch(o -> o.status() == ru.soko.ingest.IngestOutcome.Status.ADDED);
        ctx.status(anyAdded ? 201 : outcomes.stream().allMatch(o -> o.status() == ru.soko.ingest.IngestOutcome.Status.REJECTED) ? 422 : 200);
        json(ctx, Map.of("results", results));
    }

    private void patchDocument(Context ctx) {
        Security.require(ctx, Role.ADMIN);
        DocumentRecord d = WebParams.id(ctx.pathParam("id")).flatMap(archive.catalog()::get)
                .orElseThrow(() -> new NotFoundResponse("документ не найден"));
        JsonNode body = body(ctx);
        String actor = Security.viewer(ctx).name();
        Map<String, String> changes = new LinkedHashMap<>();
        JsonNode requisites = body.path("requisites");
        if (!requisites.isMissingNode() && !requisites.isObject()) {
            throw new BadRequestResponse("requisites должен быть объектом «поле: значение»");
        }
        requisites.properties().forEach(e -> changes.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        try {
            if (!changes.isEmpty()) {
                archive.edit(d.id(), changes, actor);
            }
            if (body.hasNonNull("visibility")) {
                archive.setVisibility(d.id(), AdminPages.visibility(body.get("visibility").asText(), null), actor);
            }
            if (body.hasNonNull("withdrawn")) {
                if (!body.get("withdrawn").isBoolean()) {
                    throw new IllegalArgumentException("withdrawn: true или false");
                }
                if (body.get("withdrawn").asBoolean()) {
                    archive.withdraw(d.id(), body.path("reason").asText(""), actor);
                } else {
                    archive.restore(d.id(), actor);
                }
            }
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage());
        }
        json(ctx, archive.card(d.id(), Security.viewer(ctx)).orElseThrow());
    }

    private void patchRecord(Context ctx) {
        Security.require(ctx, Role.ADMIN);
        JsonNode fields = body(ctx).path("fields");
        if (!fields.isObject()) {
            throw new BadRequestResponse("нужен объект fields: {\"поле\": \"значение\"}");
        }
        Map<String, String> changes = new LinkedHashMap<>();
        fields.properties().forEach(e -> changes.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        try {
            archive.registries().catalogue().get(ctx.pathParam("name"));
        } catch (IllegalArgumentException e) {
            throw new NotFoundResponse("нет такого реестра");
        }
        if (archive.registries().byKey(ctx.pathParam("name"), ctx.pathParam("key")).isEmpty()) {
            throw new NotFoundResponse("запись не найдена");
        }
        try {
            json(ctx, archive.editRegistry(ctx.pathParam("name"), ctx.pathParam("key"), changes, Security.viewer(ctx).name()));
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage());
        }
    }

    private void audit(Context ctx) {
        Security.require(ctx, Role.AUDITOR);
        int limit = WebParams.integer(ctx, "limit", 100);
        int offset = WebParams.integer(ctx, "offset", 0);
        try {
            json(ctx, archive.catalog().auditLog(new AuditQuery(ctx.queryParam("actor"), ctx.queryParam("action"),
                    ctx.queryParam("target"), WebParams.date(ctx, "from"), WebParams.date(ctx, "to"), offset, limit)));
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage());
        }
    }

    private static JsonNode body(Context ctx) {
        try {
            JsonNode node = Json.mapper().readTree(ctx.body());
            if (node == null || !node.isObject()) {
                throw new BadRequestResponse("тело запроса должно быть объектом JSON");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadRequestResponse("неверный JSON: " + e.getOriginalMessage());
        }
    }

    private static void json(Context ctx, Object value) {
        ctx.contentType(ContentType.APPLICATION_JSON).result(Json.write(value));
    }
}
