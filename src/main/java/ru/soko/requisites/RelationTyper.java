package ru.soko.requisites;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides how a document cites an act. An annex's approval stamp gives APPROVED_BY; «О внесении
 * изменений в приказ …» and «Внести в приказ … изменения» give AMENDS; every act listed in a
 * «Признать утратившим(и) силу …» point (down to the next point of the same level) gives REPEALS.
 * An act cited inside another act's title is only referenced.
 */
final class RelationTyper {

    private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern AMEND_BEFORE = Pattern.compile(
            "(?:внест[иь]|внесени[еяю]|внесены|внесенные|вносятся)\\s+(?:изменени[яйе]\\s+|изменения и дополнения\\s+)?во?\\s*$"
                    + "|изменени[йя]\\s+(?:и дополнени[йя]\\s+)?во?\\s*$", CI);
    private static final Pattern REPEAL = Pattern.compile(
            "(?:признать|признаются|признан[оаы]?|считать)\\s+утратившим(?:и)?\\s+силу", CI);
    private static final Pattern REPEAL_AFTER = Pattern.compile("^[^.;]{0,40}?(?:признать|считать)\\s+утратившим(?:и)?\\s+силу", CI);
    private static final Pattern TOP_POINT = Pattern.compile("\\n\\s*\\d{1,2}\\.\\s+\\S");
    private static final int BEFORE = 80;
    private static final int REPEAL_REACH = 1500;

    private final String text;
    private final List<int[]> repealRegions;
    private final int[] approvalRegion;

    RelationTyper(String text, int[] approvalRegion) {
        this.text = text;
        this.approvalRegion = approvalRegion;
        this.repealRegions = repealRegions(text);
    }

    Relation relationOf(FoundCitation c) {
        if (approvalRegion != null && c.start() >= approvalRegion[0] && c.start() <= approvalRegion[1]) {
            return Relation.APPROVED_BY;
        }
        if (c.nested()) {
            return Relation.REFERENCES;
        }
        for (int[] r : repealRegions) {
            if (c.start() >= r[0] && c.start() < r[1]) {
                return Relation.REPEALS;
            }
        }
        String after = text.substring(c.end(), Math.min(text.length(), c.end() + 60));
        if (REPEAL_AFTER.matcher(after).find()) {
            return Relation.REPEALS;
        }
        String before = text.substring(Math.max(0, c.start() - BEFORE), c.start());
        if (AMEND_BEFORE.matcher(before).find()) {
            return Relation.AMENDS;
        }
        return Relation.REFERENCES;
    }

    private static List<int[]> repealRegions(String text) {
        List<int[]> regions = new ArrayList<>();
        // Most documents repeal nothing: one lower-casing is cheaper than the case-insensitive
        // alternation tried at every position.
        if (!text.toLowerCase(java.util.Locale.ROOT).contains("утративш")) {
            return regions;
        }
        Matcher m = REPEAL.matcher(text);
        while (m.find()) {
            int limit = Math.min(text.length(), m.end() + REPEAL_REACH);
            Matcher next = TOP_POINT.matcher(text).region(m.end(), limit);
            regions.add(new int[] {m.end(), next.find() ? next.start() : limit});
        }
        return regions;
    }
}
