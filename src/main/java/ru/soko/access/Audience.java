package ru.soko.access;

import java.util.Locale;
import ru.soko.catalog.DocumentRecord;
import ru.soko.selfeval.SelfEvalService;

/**
 * The narrowest group of people allowed to see a document, derived from its visibility, its
 * withdrawal and its kind. Stored in the index so that every search, facet count and similar-documents
 * query filters on it.
 */
public enum Audience {
    PUBLIC, EXPERT, AUDITOR, ADMIN;

    public static final String PUBLIC_VISIBILITY = "public";
    public static final String INTERNAL_VISIBILITY = "internal";

    public static Audience of(DocumentRecord doc) {
        if (doc.withdrawn()) {
            return ADMIN;
        }
        if (PUBLIC_VISIBILITY.equals(doc.visibility())) {
            return PUBLIC;
        }
        return selfEvaluationMaterial(doc) ? AUDITOR : EXPERT;
    }

    /** Index term of this audience. */
    public String term() {
        return name().toLowerCase(Locale.ROOT);
    }

    // Internal self-evaluation material (drafts of reports, conclusions on reports) is the auditors' business.
    private static boolean selfEvaluationMaterial(DocumentRecord doc) {
        String title = doc.title() == null ? "" : doc.title().toLowerCase(Locale.ROOT);
        return SelfEvalService.REPORT_KIND.equals(doc.requisites().kind()) || title.contains("самообследовани");
    }
}
