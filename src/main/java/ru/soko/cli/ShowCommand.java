package ru.soko.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import ru.soko.Archive;
import ru.soko.catalog.DocumentCard;
import ru.soko.util.Json;

@Command(name = "show", mixinStandardHelpOptions = true, description = "Показывает карточку документа.")
public final class ShowCommand implements Callable<Integer> {

    @Mixin
    DataOption data;

    @Option(names = "--json", description = "Карточка в JSON.")
    boolean json;

    @Parameters(paramLabel = "ID", description = "Номер документа в архиве.")
    long id;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Archive archive = Archive.open(data.config())) {
            DocumentCard card = archive.card(id)
                    .orElseThrow(() -> new IllegalArgumentException("документа № " + id + " нет в архиве"));
            out.println(json ? Json.writePretty(card) : text(card));
            out.flush();
            return 0;
        }
    }

    private static String text(DocumentCard c) {
        StringBuilder s = new StringBuilder();
        line(s, "Документ №", String.valueOf(c.id()));
        line(s, "Заголовок", c.title());
        line(s, "Вид", c.kind());
        line(s, "Издатель", c.issuer());
        line(s, "Дата", c.date() == null ? null : c.date().toString());
        line(s, "Номер", c.number());
        line(s, "Место", c.place());
        line(s, "Подписал", c.signatory());
        line(s, "Уровень", c.level());
        if (c.territory() != null) {
            line(s, "Территория", java.util.stream.Stream.of(c.territory().region(), c.territory().municipality())
                    .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.joining(", ")));
        }
        line(s, "Статус", c.status());
        line(s, "Утверждён документом", ids(c.approvedBy()));
        line(s, "Утверждает", ids(c.approves()));
        line(s, "Изменяет", ids(c.amends()));
        line(s, "Изменён", ids(c.amendedBy()));
        line(s, "Отменяет", ids(c.repeals()));
        line(s, "Отменён", ids(c.repealedBy()));
        line(s, "На него ссылаются", ids(c.citedBy()));
        c.similar().forEach(r -> line(s, "Похожий", "№ " + r.id() + " " + r.title()));
        line(s, "Исправлено вручную", c.corrected().isEmpty() ? null : String.join(", ", c.corrected()));
        c.references().forEach(ref -> line(s, "Ссылка", java.util.stream.Stream.of(ref.kind(), ref.issuer(),
                        ref.date() == null ? null : "от " + ref.date(), "№ " + ref.number(),
                        ref.targetId() == null ? null : "→ документ № " + ref.targetId())
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.joining(" "))));
        line(s, "Исходный файл", c.sourcePath());
        line(s, "Тип", c.mediaType() + " (" + c.format() + ")");
        line(s, "Размер", c.sizeBytes() + " байт");
        line(s, "SHA-256", c.sha256());
        line(s, "Текст", c.textLength() + " символов, источник: " + switch (c.textSource()) {
            case "ocr" -> "распознавание (OCR)";
            case "layer" -> "текстовый слой файла";
            default -> "нет";
        } + (c.textTruncated() ? ", обрезан" : ""));
        line(s, "Нужно распознавание", c.needsOcr() ? "да" : null);
        line(s, "Доступ", "public".equals(c.visibility()) ? "публичный" : "внутренний");
        line(s, "Добавлен", c.ingestedAt().toString());
        c.warnings().forEach(w -> line(s, "Предупреждение", w));
        return s.toString().stripTrailing();
    }

    private static String ids(java.util.List<Long> ids) {
        return ids.isEmpty() ? null : ids.stream().map(id -> "№ " + id).collect(java.util.stream.Collectors.joining(", "));
    }

    private static void line(StringBuilder s, String label, String value) {
        if (value != null && !value.isBlank()) {
            s.append(String.format("%-20s %s%n", label + ":", value));
        }
    }
}
