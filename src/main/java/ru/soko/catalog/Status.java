package ru.soko.catalog;

/**
 * Whether an act is in force, derived from the links rather than stored, so it is right whatever
 * order the acts arrived in: an act is repealed when another act repeals it, and an annex is
 * repealed with the order that approved it.
 */
final class Status {

    static final String SQL = """
            (CASE WHEN EXISTS (SELECT 1 FROM citations r WHERE r.target_id = documents.id AND r.relation = 'repeals')
                    OR EXISTS (SELECT 1 FROM citations a JOIN citations r ON r.target_id = a.target_id
                               WHERE a.document_id = documents.id AND a.relation = 'approved_by' AND r.relation = 'repeals')
                  THEN 'утратил силу' ELSE 'действует' END)""";

    /** Kinds of document that are acts and so are in force or not; a report or a conclusion is neither. */
    private static final java.util.Set<String> ACTS = java.util.Set.of("приказ", "распоряжение", "постановление",
            "положение", "концепция", "программа", "план", "закон", "методические рекомендации");

    private Status() {
    }

    /** The status as shown: always when repealed, otherwise only for acts (and documents of unknown kind). */
    static String shown(String kind, String derived) {
        if (DocumentRecord.REPEALED.equals(derived) || kind == null || ACTS.contains(kind)) {
            return derived;
        }
        return null;
    }
}
