package ru.soko.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import ru.soko.Archive;
import ru.soko.registry.FieldSpec;
import ru.soko.registry.RegistryRecord;
import ru.soko.registry.RegistrySpec;
import ru.soko.util.Json;

@Command(name = "registry", mixinStandardHelpOptions = true,
        description = {"Показывает записи реестра (с фильтрами) или одну запись с историей изменений.",
                "Без имени реестра — список реестров с числом записей."})
public final class RegistryCommand implements Callable<Integer> {

    @Mixin
    DataOption data;

    @Mixin
    RegistryFilterOptions filter;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Реестр.")
    String registry;

    @Parameters(index = "1", arity = "0..1", paramLabel = "KEY", description = "Ключ записи (рег. номер, ИНН, номер сертификата…).")
    String key;

    @Option(names = "--json", description = "В JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws java.io.IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (Archive archive = Archive.open(data.config())) {
            if (registry == null) {
                for (RegistrySpec s : archive.registries().catalogue().all()) {
                    out.printf("%-16s %5d  %s%n", s.name(), archive.registries().count(s.name()), s.title());
                }
            } else if (key == null) {
                // Counted in SQL, then streamed: a registry of a million records is never held whole.
                long total = archive.registries().page(registry, filter.query(), null, 0, 0).total();
                if (json) {
                    writeJson(archive, total, out);
                } else {
                    RegistrySpec s = archive.registries().catalogue().get(registry);
                    out.println(s.title() + ": записей " + total);
                    archive.registries().forEach(registry, filter.query(), r -> out.printf("  %s  %s%s%n", r.key(), display(r.data().get(s.titleField())),
                            RegistryRecord.WITHDRAWN.equals(r.status()) ? "  [исключён " + ru.soko.requisites.RussianDates.format(r.statusDate()) + "]" : ""));
                }
            } else {
                ru.soko.registry.RegistryCard card = archive.registryCard(registry, key)
                        .orElseThrow(() -> new IllegalArgumentException("в реестре " + registry + " нет записи «" + key + "»"));
                RegistryRecord r = card.record();
                if (json) {
                    out.println(Json.writePretty(card));
                } else {
                    RegistrySpec s = archive.registries().catalogue().get(registry);
                    for (FieldSpec f : s.fields()) {
                        Object v = r.data().get(f.name());
                        if (v != null) {
                            out.printf("%-32s %s%n", f.label() + ":", display(v));
                        }
                    }
                    out.printf("%-32s %s%s%n", "Состояние:", r.status(), r.statusDate() == null ? "" : " " + ru.soko.requisites.RussianDates.format(r.statusDate()));
                    out.println("История:");
                    card.history().forEach(h -> out.printf("  %s %s %s %s%n", h.at(), h.actor(), h.action(), h.changes()));
                    if (!card.documents().isEmpty()) {
                        out.println("Документы:");
                        card.documents().forEach(d -> out.printf("  № %d %s%s%n", d.id(), d.kind() == null ? "" : d.kind() + ": ", d.title()));
                    }
                }
            }
            out.flush();
            return 0;
        }
    }

    private void writeJson(Archive archive, long total, PrintWriter out) throws java.io.IOException {
        try (com.fasterxml.jackson.core.JsonGenerator g = Json.mapper().getFactory().createGenerator(out)) {
            g.disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("registry", registry);
            g.writeNumberField("total", total);
            g.writeArrayFieldStart("records");
            archive.registries().forEach(registry, filter.query(), r -> {
                try {
                    Json.mapper().writeValue(g, r);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            g.writeEndArray();
            g.writeEndObject();
        }
        out.println();
    }

    /** A value with the record a link points to, for the command line. */
    private static String display(Object v) {
        if (v instanceof Map<?, ?> link && link.get("recordId") != null) {
            return RegistryRecord.display(v) + " (запись № " + link.get("recordId") + ")";
        }
        return RegistryRecord.display(v);
    }
}
