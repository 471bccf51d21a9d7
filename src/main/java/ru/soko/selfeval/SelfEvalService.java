package ru.soko.selfeval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import ru.soko.catalog.DocumentRecord;
import ru.soko.requisites.Issuer;
import ru.soko.requisites.IssuerDirectory;

/**
 * Reads the indicator tables of self-evaluation reports at ingest and answers an auditor: a
 * school's figures across years with changes and flags, a territory's schools side by side.
 */
public final class SelfEvalService {

    public static final String REPORT_KIND = "отчёт о самообследовании";

    private final SelfEvalStore store;
    private final IndicatorExtractor extractor;
    private final IndicatorCatalogue catalogue;
    private final IssuerDirectory issuers;
    private final double jumpFactor;

    public SelfEvalService(SelfEvalStore store, IndicatorCatalogue catalogue, IssuerDirectory issuers, double jumpFactor) {
        this.store = store;
        this.catalogue = catalogue;
        this.extractor = new IndicatorExtractor(catalogue);
        this.issuers = issuers;
        this.jumpFactor = jumpFactor;
    }

    /** Reads and stores the table of a self-evaluation report; other documents are left alone. */
    public boolean record(DocumentRecord doc) {
        var r = doc.requisites();
        if (!REPORT_KIND.equals(r.kind()) || r.organisation() == null || r.reportYear() == null) {
            return false;
        }
        Optional<IndicatorTable> table = extractor.extract(doc.text());
        table.ifPresent(t -> store.storeReport(doc.id(), r.organisation(), r.reportYear(), t, bases(t.list())));
        return table.isPresent();
    }

    public java.util.List<ReportVersion> versions(String organisation, int year) {
        return store.versions(organisation, year);
    }

    /** Stores one report's table as it is (for the archive's own tests and tools that read tables elsewhere). */
    void store(long documentId, String organisation, int year, IndicatorTable table) {
        store.storeReport(documentId, organisation, year, table, bases(table.list()));
    }

    /** For each «человек/%» indicator of a list, the indicator whose count is its 100 %. */
    private Map<String, String> bases(String list) {
        Map<String, String> bases = new LinkedHashMap<>();
        catalogue.list(list).ifPresent(l -> l.indicators().stream().filter(d -> d.base() != null)
                .forEach(d -> bases.put(d.code(), d.base())));
        return bases;
    }

    public void correct(String organisation, int year, String code, Double value, Double percent, String actor) {
        store.correct(organisation, year, code, value, percent, actor);
    }

    /** Finds a school by its id («org-kem-12»), ИНН or a part of its name; several matches are an error. */
    public Issuer organisation(String query, Map<String, String> innByName) {
        String q = normalise(query);
        List<Issuer> schools = issuers.all().stream().filter(Issuer::isOrganisation).toList();
        List<Issuer> found = schools.stream().filter(i -> i.orgId().equalsIgnoreCase(query.strip())
                || query.strip().equals(innByName.get(normalise(i.name())))).toList();
        if (found.isEmpty()) {
            found = schools.stream().filter(i -> normalise(i.name()).contains(q)).toList();
        }
        if (found.size() != 1) {
            throw new IllegalArgumentException(found.isEmpty() ? "организация «" + query + "» не найдена"
                    : "«" + query + "» подходит нескольким организациям: "
                    + String.join("; ", found.stream().map(Issuer::name).toList()));
        }
        return found.get(0);
    }

    public SchoolHistory history(Issuer school, String inn) {
        return history(school, inn, id -> true);
    }

    /** The history from the reports {@code visibleReport} accepts: figures of hidden reports stay hidden. */
    public SchoolHistory history(Issuer school, String inn, java.util.function.LongPredicate visibleReport) {
        List<StoredValue> values = store.current(List.of(school.orgId())).stream()
                .filter(v -> visibleReport.test(v.documentId())).toList();
        TreeSet<Integer> reported = new TreeSet<>();
        values.forEach(v -> reported.add(v.year()));
        List<Integer> years = new ArrayList<>();
        List<Integer> missing = new ArrayList<>();
        if (!reported.isEmpty()) {
            for (int y = reported.first(); y <= reported.last(); y++) {
                years.add(y);
                if (!reported.contains(y)) {
                    missing.add(y);
                }
            }
        }
        Map<String, List<StoredValue>> byCode = new LinkedHashMap<>();
        values.stream().sorted(Comparator.comparing(StoredValue::code, SelfEvalService::byCode).thenComparing(StoredValue::year))
                .forEach(v -> byCode.computeIfAbsent(v.code(), k -> new ArrayList<>()).add(v));
        List<SchoolHistory.Indicator> indicators = new ArrayList<>();
        byCode.forEach((code, list) -> {
            Map<String, SchoolHistory.YearValue> perYear = new LinkedHashMap<>();
            Double previous = null;
            for (StoredValue v : list) {
                Double change = previous != null && v.value() != null ? round(v.value() - previous) : null;
                perYear.put(Integer.toString(v.year()), new SchoolHistory.YearValue(v.value(), v.percent(), v.documentId(),
                        v.line(), v.corrected(), change));
                if (v.value() != null) {
                    previous = v.value();
                }
            }
            StoredValue last = list.get(list.size() - 1);
            indicators.add(new SchoolHistory.Indicator(code, last.name(), last.unit(), perYear));
        });
        return new SchoolHistory(new SchoolHistory.Organisation(school.orgId(), school.name(), inn), years, missing,
                indicators, Flags.find(values, jumpFactor));
    }

    /** A territory (municipality or region, a part of its name) on one indicator and year, highest first. */
    public Comparison compare(String territory, int year, String code) {
        return compare(territory, year, code, id -> true);
    }

    /** As {@link #compare(String, int, String)}, from the reports {@code visibleReport} accepts. */
    public Comparison compare(String territory, int year, String code, java.util.function.LongPredicate visibleReport) {
        String t = normalise(territory);
        List<Issuer> schools = issuers.all().stream().filter(Issuer::isOrganisation)
                .filter(i -> contains(i.municipality(), t) || contains(i.region(), t)).toList();
        if (schools.isEmpty()) {
            throw new IllegalArgumentException("нет организаций на территории «" + territory + "»");
        }
        Map<String, Issuer> byId = new LinkedHashMap<>();
        schools.forEach(s -> byId.put(s.orgId(), s));
        List<Comparison.Row> rows = new ArrayList<>();
        String name = null;
        String unit = null;
        for (StoredValue v : store.current(new ArrayList<>(byId.keySet()))) {
            if (v.year() == year && code.equals(v.code()) && visibleReport.test(v.documentId())) {
                Issuer s = byId.get(v.organisation());
                rows.add(new Comparison.Row(s.orgId(), s.name(), s.municipality(), v.value(), v.percent(), v.documentId()));
                name = v.name();
                unit = v.unit();
            }
        }
        rows.sort(Comparator.comparing((Comparison.Row r) -> r.value() == null ? Double.NEGATIVE_INFINITY : r.value()).reversed());
        return new Comparison(territory, year, code, name, unit, rows, median(rows));
    }

    private static Double median(List<Comparison.Row> rows) {
        List<Double> values = rows.stream().map(Comparison.Row::value).filter(java.util.Objects::nonNull).sorted().toList();
        if (values.isEmpty()) {
            return null;
        }
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : round((values.get(n / 2 - 1) + values.get(n / 2)) / 2);
    }

    /** «1.10» after «1.9»: codes compare part by part as numbers. */
    static int byCode(String a, String b) {
        String[] pa = a.split("\\.");
        String[] pb = b.split("\\.");
        for (int i = 0; i < Math.min(pa.length, pb.length); i++) {
            int cmp = compareParts(pa[i], pb[i]);
            if (cmp != 0) {
                return cmp;
            }
        }
        return Integer.compare(pa.length, pb.length);
    }

    private static int compareParts(String a, String b) {
        try {
            return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    private static boolean contains(String value, String normalisedPart) {
        return value != null && normalise(value).contains(normalisedPart);
    }

    public static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("[«»\"]", "").replaceAll("\\s+", " ").strip();
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
