package ru.soko.requisites;

import java.util.List;

/**
 * One body that issues documents, as listed in {@code index-config/issuers.json}: its canonical
 * name, where it sits (level, region, municipality), its usual place of issue, the organisation id
 * when it is a school or college, and the patterns that recognise it in text.
 */
public record Issuer(
        String name,
        String level,
        String region,
        String municipality,
        String place,
        String orgId,
        List<String> patterns) {

    public Issuer {
        patterns = patterns == null ? List.of() : List.copyOf(patterns);
    }

    public boolean isOrganisation() {
        return orgId != null;
    }
}
