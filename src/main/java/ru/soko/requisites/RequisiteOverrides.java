package ru.soko.requisites;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Administrators' corrections of requisites: which fields may be corrected, how their values are
 * checked, and how corrections are laid over what the extractor read. An empty value clears a field.
 */
public final class RequisiteOverrides {

    public static final List<String> FIELDS = List.of("kind", "issuer", "date", "number", "place", "title",
            "signatory", "level", "region", "municipality", "organisation", "reportYear");

    public static final Set<String> KINDS = Set.of("приказ", "распоряжение", "постановление", "положение",
            "концепция", "программа", "план", "отчёт о самообследовании", "экспертное заключение",
            "аналитическая справка", "методические рекомендации", "закон", "письмо", "протокол", "иное");

    public static final Set<String> LEVELS = Set.of("федеральный", "региональный", "муниципальный",
            "образовательная организация");

    private RequisiteOverrides() {
    }

    /** Checks one correction and returns the value to store; throws with a message for the user. */
    public static String validate(String field, String value) {
        if (!FIELDS.contains(field)) {
            throw new IllegalArgumentException("нельзя исправить поле «" + field + "»; можно: " + String.join(", ", FIELDS));
        }
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            return "";
        }
        return switch (field) {
            case "date" -> parseDate(v).toString();
            case "reportYear" -> Integer.toString(parseYear(v));
            case "kind" -> oneOf(field, v.toLowerCase(Locale.ROOT), KINDS);
            case "level" -> oneOf(field, v.toLowerCase(Locale.ROOT), LEVELS);
            default -> v;
        };
    }

    /** The extracted requisites with every stored correction applied. */
    public static Requisites apply(Requisites extracted, Map<String, String> overrides) {
        Requisites r = extracted;
        for (Map.Entry<String, String> o : overrides.entrySet()) {
            String v = o.getValue() == null || o.getValue().isEmpty() ? null : o.getValue();
            r = switch (o.getKey()) {
                case "kind" -> new Requisites(v, r.issuer(), r.coIssuers(), r.date(), r.year(), r.number(), r.place(), r.title(), r.signatory(), r.level(), r.region(), r.municipality(), r.organisation(), r.reportYear());
                case "issuer" -> new Requisites(r.kind(), v, r.coIssuers(), r.date(), r.year(), r.number(), r.place(), r.title(), r.signatory(), r.level(), r.region(), r.municipality(), r.organisation(), r.reportYear());
                case "date" -> {
                    LocalDate d = v == null ? null : LocalDate.parse(v);
                    yield new Requisites(r.kind(), r.issuer(), r.coIssuers(), d, d == null ? r.year() : Integer.valueOf(d.getYear()), r.number(), r.place(), r.title(), r.signatory(), r.level(), r.region(), r.municipality(), r.organisation(), r.reportYear());
                }
                case "number" -> new Requisites(r.kind(), r.issuer(), r.coIssuers(), r.date(), r.year(), v, r.place(), r.title(), r.signatory(), r.level(), r.region(), r.municipality(), r.organisation(), r.reportYear());
                case "place" -> new Requisites(r.kind(), r.issuer(), r.coIssuers(), r.date(), r.year(), r.number(), v, r.title(), r.signatory(), r.level(), r.region(), r.municipality(), r.organisation(), r.reportYear());
                case "title" -> new Requisites(r.kind(), r.issuer(), r.coIssuers(), r.date(), r.year(), r.number(), r.place(), v, r.signatory(), r.level(), r.region(), r.municipality(), r.organisation(), r.reportYear());
                case "signatory" -> new Requisites(r.kind(), r.issuer(), r.coIssuers(), r.date(), r.year(), r.number(), r.place(), r.title(), v, r.level(), r.region(), r.municipality(), r.organisation(), r.reportYear());
                case "level" -> new Requisites(r.kind(), r.issuer(), r.coIssuers(), r.date(), r.year(), r.number(), r.place(), r.title(), r.signatory(), v, r.region(), r.municipality(), r.organisation(), r.reportYear());
                case "region" -> new Requisites(r.kind(), r.issuer(), r.coIssuers(), r.date(), r.year(), r.number(), r.place(), r.title(), r.signatory(), r.level(), v, r.municipality(), r.organisation(), r.reportYear());
                case "municipality" -> new Requisites(r.kind(), r.issuer(), r.coIssuers(), r.date(), r.year(), r.number(), r.place(), r.title(), r.signatory(), r.level(), r.region(), v, r.organisation(), r.reportYear());
                case "organisation" -> new Requisites(r.kind(), r.issuer(), r.coIssuers(), r.date(), r.year(), r.number(), r.place(), r.title(), r.signatory(), r.level(), r.region(), r.municipality(), v, r.reportYear());
                case "reportYear" -> new Requisites(r.kind(), r.issuer(), r.coIssuers(), r.date(), r.year(), r.number(), r.place(), r.title(), r.signatory(), r.level(), r.region(), r.municipality(), r.organisation(), v == null ? null : Integer.valueOf(v));
                default -> r;
            };
        }
        return r;
    }

    private static LocalDate parseDate(String v) {
        return RussianDates.parseWhole(v).orElseThrow(() ->
                new IllegalArgumentException("дата «" + v + "» не распознана: пишите 24.07.2020 или 2020-07-24"));
    }

    private static int parseYear(String v) {
        try {
            int year = Integer.parseInt(v);
            if (year < 1990 || year > 2100) {
                throw new NumberFormatException();
            }
            return year;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("год «" + v + "» должен быть числом от 1990 до 2100");
        }
    }

    private static String oneOf(String field, String v, Set<String> allowed) {
        String normalised = v.replace('е', 'е');
        if (allowed.contains(normalised)) {
            return normalised;
        }
        String withYo = normalised.replace("отчет", "отчёт");
        if (allowed.contains(withYo)) {
            return withYo;
        }
        throw new IllegalArgumentException("значение «" + v + "» не подходит для поля " + field + "; допустимо: "
                + String.join(", ", new java.util.TreeSet<>(allowed)));
    }
}
