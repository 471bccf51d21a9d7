package ru.soko.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.soko.Archive;
import ru.soko.registry.FieldSpec;
import ru.soko.registry.FieldType;
import ru.soko.registry.RegistryCard;
import ru.soko.registry.RegistryPage;
import ru.soko.registry.RegistryQuery;
import ru.soko.registry.RegistryRecord;
import ru.soko.registry.RegistrySpec;

/** Models of the registry pages: the list of registries, one registry's table, one record. */
final class RegistryPages {

    static final int PAGE_SIZE = 25;

    private RegistryPages() {
    }

    record Column(String name, String label, String sortLink, boolean sorted) {
    }

    record Filter(String name, String label, String value) {
    }

    record Row(String link, List<String> cells, String status, boolean withdrawn) {
    }

    static List<Map<String, Object>> registries(Archive archive) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (RegistrySpec spec : archive.registries().catalogue().all()) {
            list.add(Map.of("name", spec.name(), "title", spec.title(),
                    "count", archive.registries().count(spec.name())));
        }
        return list;
    }

    /** One registry's table: filters from the query string, sorting by any column, pages of 25. */
    static Map<String, Object> table(Archive archive, RegistrySpec spec, Map<String, String> filters, String status,
                                     LocalDate validOn, String sort, int page) {
        String sortField = spec.field(sort == null ? "" : sort).map(FieldSpec::name).orElse(spec.titleField());
        // Only the page is read: filtering, sorting and counting happen in SQLite (Registries.page).
        long from = (long) (page - 1) * PAGE_SIZE;
        RegistryPage found = archive.registries().page(spec.name(), new RegistryQuery(filters, status, validOn), sortField, from, PAGE_SIZE);
        List<FieldSpec> shown = spec.fields().stream()
                .filter(f -> f.fieldType() != FieldType.STATUS && !f.name().equals("recordKey")).toList();
        String state = state(filters, status, validOn);
        List<Column> columns = shown.stream().map(f -> new Column(f.name(), f.label(),
                "?" + state + "&sort=" + f.name(), f.name().equals(sortField))).toList();
        List<Row> rows = new ArrayList<>();
        for (RegistryRecord r : found.records()) {
            List<String> cells = shown.stream().map(f -> cell(f, r.data().get(f.name()))).toList();
            boolean withdrawn = RegistryRecord.WITHDRAWN.equals(r.status());
            rows.add(new Row("/registries/" + spec.name() + "/" + r.id(), cells,
                    withdrawn ? "исключён " + ru.soko.requisites.RussianDates.format(r.statusDate()) : "действует", withdrawn));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("spec", spec);
        model.put("columns", columns);
        model.put("rows", rows);
        model.put("total", found.total());
        model.put("filters", spec.fields().stream().filter(FieldSpec::filter)
                .map(f -> new Filter(f.name(), f.label(), filters.getOrDefault(f.name(), ""))).toList());
        model.put("status", status == null ? "" : status);
        model.put("validOn", validOn == null ? "" : validOn.toString());
        model.put("state", state + "&sort=" + sortField);
        model.put("previousPage", page > 1 ? page - 1 : null);
        model.put("nextPage", from + PAGE_SIZE < found.total() ? page + 1 : null);
        model.put("exportState", state);
        return model;
    }

    static Map<String, Object> record(Archive archive, RegistrySpec spec, RegistryCard card) {
        List<Filter> fields = new ArrayList<>();
        for (FieldSpec f : spec.fields()) {
            Object v = card.record().data().get(f.name());
            if (v != null && f.fieldType() != FieldType.STATUS) {
                fields.add(new Filter(f.name(), f.label(), cell(f, v)));
            }
        }
        RegistryRecord r = card.record();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("spec", spec);
        model.put("card", card);
        model.put("fields", fields);
        model.put("status", RegistryRecord.WITHDRAWN.equals(r.status())
                ? "исключён " + ru.soko.requisites.RussianDates.format(r.statusDate()) : "действует");
        model.put("withdrawn", RegistryRecord.WITHDRAWN.equals(r.status()));
        model.put("history", card.history().stream().map(h -> Map.of("at", h.at().toString().substring(0, 16).replace('T', ' '),
                "actor", h.actor(), "action", action(h.action()), "changes", changes(spec, h.changes()))).toList());
        return model;
    }

    private static String action(String action) {
        return switch (action) {
            case "added" -> "добавлена";
            case "updated" -> "обновлена при загрузке";
            case "withdrawn" -> "исключена";
            case "restored" -> "восстановлена";
            case "edited" -> "исправлена вручную";
            default -> action;
        };
    }

    private static String changes(RegistrySpec spec, Map<String, Object> changes) {
        List<String> parts = new ArrayList<>();
        changes.forEach((field, pair) -> {
            String label = spec.field(field).map(FieldSpec::label).orElse(field);
            if (pair instanceof List<?> p && p.size() == 2) {
                parts.add(label + ": " + (p.get(0) == null ? "—" : RegistryRecord.display(p.get(0))) + " → " + (p.get(1) == null ? "—" : RegistryRecord.display(p.get(1))));
            }
        });
        return String.join("; ", parts);
    }

    private static String state(Map<String, String> filters, String status, LocalDate validOn) {
        StringBuilder s = new StringBuilder();
        filters.forEach((k, v) -> s.append("&").append(enc(k)).append("=").append(enc(v)));
        if (status != null) {
            s.append("&status=").append(enc(status));
        }
        if (validOn != null) {
            s.append("&validOn=").append(validOn);
        }
        return s.length() == 0 ? "" : s.substring(1);
    }

    private static String enc(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }

    private static String cell(FieldSpec f, Object value) {
        if (value == null) {
            return "";
        }
        if (f.fieldType() == FieldType.DATE) {
            return ru.soko.requisites.RussianDates.format(LocalDate.parse(value.toString()));
        }
        return RegistryRecord.display(value);
    }

}
