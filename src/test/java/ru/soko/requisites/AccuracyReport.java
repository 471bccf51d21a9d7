package ru.soko.requisites;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Compares extracted requisites with the hand labels field by field and keeps the score: per-field
 * accuracy, reference recall and precision, typed-relation recall and precision, and every mismatch.
 */
final class AccuracyReport {

    /** One disagreement between the labels and the extractor. */
    record Mismatch(String file, String field, String expected, String got) {
    }

    private record Score(int right, int total) {
        double ratio() {
            return total == 0 ? 1.0 : (double) right / total;
        }
    }

    static final List<String> FIELDS = List.of("kind", "issuer", "coIssuers", "date", "year", "number", "place",
            "title", "signatory", "level", "region", "municipality", "organisation", "reportYear");

    private final Map<String, int[]> fieldScores = new LinkedHashMap<>();
    private final int[] references = new int[3];
    private final Map<Relation, int[]> relations = new LinkedHashMap<>();
    private final List<Mismatch> mismatches = new ArrayList<>();
    private final Map<String, String> actKeyByFile = new LinkedHashMap<>();

    AccuracyReport(List<LabelledDocument> labels) {
        FIELDS.forEach(f -> fieldScores.put(f, new int[2]));
        for (Relation r : List.of(Relation.APPROVED_BY, Relation.AMENDS, Relation.REPEALS)) {
            relations.put(r, new int[3]);
        }
        Map<String, LabelledDocument> byFile = new LinkedHashMap<>();
        labels.forEach(l -> byFile.put(l.file(), l));
        for (LabelledDocument l : labels) {
            actKeyByFile.put(l.file(), actKey(l, byFile));
        }
    }

    // An annex has no number of its own: it is known by the act that approved it.
    private static String actKey(LabelledDocument l, Map<String, LabelledDocument> byFile) {
        if (l.text("number") == null && l.text("approvedBy") != null && byFile.containsKey(l.text("approvedBy"))) {
            LabelledDocument act = byFile.get(l.text("approvedBy"));
            return key(act.text("date"), act.text("number"));
        }
        return key(l.text("date"), l.text("number"));
    }

    private static String key(Object date, String number) {
        return date + "|" + normalNumber(number);
    }

    void add(LabelledDocument label, ExtractedRequisites got) {
        Requisites r = got.requisites();
        Map<String, Function<Requisites, Object>> getters = new LinkedHashMap<>();
        getters.put("kind", Requisites::kind);
        getters.put("issuer", Requisites::issuer);
        getters.put("coIssuers", q -> q.coIssuers().isEmpty() ? null : q.coIssuers());
        getters.put("date", Requisites::date);
        getters.put("year", Requisites::year);
        getters.put("number", Requisites::number);
        getters.put("place", Requisites::place);
        getters.put("title", Requisites::title);
        getters.put("signatory", Requisites::signatory);
        getters.put("level", Requisites::level);
        getters.put("region", Requisites::region);
        getters.put("municipality", Requisites::municipality);
        getters.put("organisation", Requisites::organisation);
        getters.put("reportYear", Requisites::reportYear);
        for (String field : FIELDS) {
            Object expected = label.fields().get(field);
            if (field.equals("coIssuers") && expected instanceof List<?> l && l.isEmpty()) {
                expected = null;
            }
            Object actual = getters.get(field).apply(r);
            boolean ok = field.equals("title") ? Objects.equals(normalTitle(expected), normalTitle(actual))
                    : Objects.equals(str(expected), str(actual));
            int[] s = fieldScores.get(field);
            s[1]++;
            if (ok) {
                s[0]++;
            } else {
                mismatches.add(new Mismatch(label.path(), field, str(expected), str(actual)));
            }
        }
        addReferences(label, got.citations());
        if (label.has("approvedBy")) {
            addRelation(label, got.citations(), Relation.APPROVED_BY, "approvedBy");
            addRelation(label, got.citations(), Relation.AMENDS, "amends");
            addRelation(label, got.citations(), Relation.REPEALS, "repeals");
        }
    }

    private void addReferences(LabelledDocument label, List<Citation> citations) {
        List<Citation> unused = new ArrayList<>(citations);
        int matched = 0;
        for (Map<String, Object> ref : label.references()) {
            Citation hit = unused.stream().filter(c -> matches(ref, c)).findFirst().orElse(null);
            if (hit != null) {
                unused.remove(hit);
                matched++;
            } else {
                mismatches.add(new Mismatch(label.path(), "references", describe(ref), "—"));
            }
        }
        for (Citation c : unused) {
            mismatches.add(new Mismatch(label.path(), "references", "—", describe(c)));
        }
        references[0] += matched;
        references[1] += label.references().size();
        references[2] += citations.size();
    }

    private static boolean matches(Map<String, Object> ref, Citation c) {
        String number = (String) ref.get("number");
        String date = (String) ref.get("date");
        if (number == null) {
            return c.number() == null && date != null && c.date() != null && date.equals(c.date().toString())
                    && Objects.equals(ref.get("kind"), c.kind());
        }
        boolean sameNumber = normalNumber(number).equals(normalNumber(c.number()));
        boolean sameDate = date == null || c.date() == null || date.equals(c.date().toString());
        return sameNumber && sameDate;
    }

    private void addRelation(LabelledDocument label, List<Citation> citations, Relation relation, String field) {
        Set<String> expected = new HashSet<>();
        for (String target : label.targets(field)) {
            expected.add(actKeyByFile.getOrDefault(target, target));
        }
        Set<String> known = new HashSet<>(actKeyByFile.values());
        Set<String> got = new HashSet<>();
        for (Citation c : citations) {
            String k = key(c.date(), c.number());
            if (c.relation() == relation && known.contains(k)) {
                got.add(k);
            }
        }
        int[] s = relations.get(relation);
        for (String k : got) {
            if (expected.contains(k)) {
                s[0]++;
            } else {
                mismatches.add(new Mismatch(label.path(), field, "—", k));
            }
        }
        for (String k : expected) {
            if (!got.contains(k)) {
                mismatches.add(new Mismatch(label.path(), field, k, "—"));
            }
        }
        s[1] += expected.size();
        s[2] += got.size();
    }

    double accuracy(String field) {
        int[] s = fieldScores.get(field);
        return new Score(s[0], s[1]).ratio();
    }

    double referenceRecall() {
        return new Score(references[0], references[1]).ratio();
    }

    double referencePrecision() {
        return new Score(references[0], references[2]).ratio();
    }

    List<Mismatch> mismatches() {
        return mismatches;
    }

    String table() {
        StringBuilder b = new StringBuilder();
        b.append(String.format("%-22s %9s %7s%n", "поле", "верно", "%"));
        for (Map.Entry<String, int[]> e : fieldScores.entrySet()) {
            int[] s = e.getValue();
            b.append(String.format("%-22s %4d/%-4d %6.1f%n", e.getKey(), s[0], s[1], 100.0 * new Score(s[0], s[1]).ratio()));
        }
        b.append(String.format("%-22s %4d/%-4d %6.1f%n", "references recall", references[0], references[1], 100 * referenceRecall()));
        b.append(String.format("%-22s %4d/%-4d %6.1f%n", "references precision", references[0], references[2], 100 * referencePrecision()));
        for (Map.Entry<Relation, int[]> e : relations.entrySet()) {
            int[] s = e.getValue();
            b.append(String.format("%-22s %4d/%-4d %6.1f%n", e.getKey() + " recall", s[0], s[1], 100 * new Score(s[0], s[1]).ratio()));
            b.append(String.format("%-22s %4d/%-4d %6.1f%n", e.getKey() + " precision", s[0], s[2], 100 * new Score(s[0], s[2]).ratio()));
        }
        return b.toString();
    }

    String mismatchList() {
        StringBuilder b = new StringBuilder();
        for (Mismatch m : mismatches) {
            b.append(String.format("%s | %s | ожидалось: %s | получено: %s%n", m.file(), m.field(), m.expected(), m.got()));
        }
        return b.toString();
    }

    static String normalTitle(Object title) {
        if (title == null) {
            return null;
        }
        return title.toString().replaceAll("[«»“”„\"]", "\"").replaceAll("\\s+", " ").strip();
    }

    private static String normalNumber(String number) {
        return number == null ? null : number.replaceAll("\\s+", "").toUpperCase(java.util.Locale.ROOT);
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static String describe(Map<String, Object> ref) {
        return ref.get("kind") + " от " + ref.get("date") + " № " + ref.get("number");
    }

    private static String describe(Citation c) {
        return c.relation() + " " + c.kind() + " от " + c.date() + " № " + c.number();
    }
}
