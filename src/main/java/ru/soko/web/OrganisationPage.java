package ru.soko.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.soko.Archive;
import ru.soko.access.Viewer;
import ru.soko.registry.FieldSpec;
import ru.soko.registry.RegistryCard;
import ru.soko.registry.RegistryRecord;
import ru.soko.registry.RegistrySpec;
import ru.soko.requisites.Issuer;
import ru.soko.selfeval.SchoolHistory;
import ru.soko.selfeval.SelfEvalService;
import ru.soko.selfeval.SvgChart;

/** The model of an organisation's page: registry data, self-evaluation history with a chart, documents. */
final class OrganisationPage {

    private OrganisationPage() {
    }

    record Cell(String text, String change, boolean missing, boolean flagged) {
    }

    record Row(String code, String name, String unit, List<Cell> cells) {
    }

    record Option(String code, String name, boolean selected) {
    }

    record Field(String label, String value) {
    }

    static SchoolHistory history(Archive archive, String orgId, Viewer viewer) {
        Map<String, String> innByName = archive.innByName();
        Issuer school = archive.selfEval().organisation(orgId, innByName);
        return archive.selfEval().history(school, innByName.get(SelfEvalService.normalise(school.name())),
                visibleReports(archive, viewer));
    }

    /**
     * Which report ids the viewer may see figures of. A school's dozens of figures come from a few
     * reports, so each report is looked up once per page, not once per figure.
     */
    static java.util.function.LongPredicate visibleReports(Archive archive, Viewer viewer) {
        Map<Long, Boolean> seen = new java.util.HashMap<>();
        return id -> seen.computeIfAbsent(id, k -> archive.catalog().get(k).filter(viewer::canSee).isPresent());
    }

    static Map<String, Object> model(Archive archive, String orgId, String indicator, Viewer viewer) {
        SchoolHistory h = history(archive, orgId, viewer);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", h.organisation().id());
        model.put("history", h);
        List<String> flagged = h.flags().stream().map(f -> f.year() + "|" + f.code()).toList();
        List<Row> rows = new ArrayList<>();
        for (SchoolHistory.Indicator i : h.indicators()) {
            List<Cell> cells = new ArrayList<>();
            for (int y : h.years()) {
                SchoolHistory.YearValue v = i.values().get(Integer.toString(y));
                cells.add(v == null ? new Cell(h.missingYears().contains(y) ? "нет отчёта" : "—", null, true, false)
                        : new Cell(text(v), v.change() == null ? null : signed(v.change()), false, flagged.contains(y + "|" + i.code())));
            }
            rows.add(new Row(i.code(), i.name(), i.unit(), cells));
        }
        model.put("rows", rows);
        model.put("yearHeads", h.years());
        model.put("flags", h.flags());
        Optional<SchoolHistory.Indicator> chosen = h.indicators().stream()
                .filter(i -> indicator == null ? i.values().size() >= 2 : i.code().equals(indicator)).findFirst()
                .or(() -> h.indicators().stream().findFirst());
        chosen.ifPresent(i -> model.put("chart", SvgChart.of(i, h.years(),
                i.values().values().stream().allMatch(v -> v.value() == null) )));
        model.put("options", h.indicators().stream()
                .map(i -> new Option(i.code(), i.name(), chosen.isPresent() && chosen.get().code().equals(i.code()))).toList());
        String inn = h.organisation().inn();
        if (inn != null) {
            archive.registryCard("organisations", inn, viewer).ifPresent(card -> {
                model.put("record", Map.of("fields", fields(archive, card.record())));
                model.put("documents", card.documents());
            });
        }
        model.putIfAbsent("documents", List.<RegistryCard.LinkedDocument>of());
        return model;
    }

    private static List<Field> fields(Archive archive, RegistryRecord record) {
        RegistrySpec spec = archive.registries().catalogue().get("organisations");
        List<Field> fields = new ArrayList<>();
        for (FieldSpec f : spec.fields()) {
            Object v = record.data().get(f.name());
            if (v != null) {
                fields.add(new Field(f.label(), v.toString()));
            }
        }
        return fields;
    }

    private static String text(SchoolHistory.YearValue v) {
        String value = v.value() == null ? "—" : number(v.value());
        String text = v.percent() == null ? value : value + " / " + number(v.percent()) + "%";
        return v.corrected() ? text + " *" : text;
    }

    private static String signed(double change) {
        return (change > 0 ? "+" : "") + number(change);
    }

    private static String number(double v) {
        return ru.soko.selfeval.SelfEvalExport.number(v);
    }
}
