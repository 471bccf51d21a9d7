package ru.soko.requisites;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a document's requisites (kind, issuer, date, number, place, title, signatory, territory,
 * organisation, report year) and every act it cites from its stored text. Pure and thread-safe: all
 * state is the immutable issuer directory. What the text does not say stays null.
 */
public final class RequisiteExtractor {

    private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern REPORT_YEAR = Pattern.compile("за\\s+((?:19|20)\\d{2})(?:\\s*(?:год|г\\.))?", CI);
    private static final Pattern HEAD_OF_ORG = Pattern.compile(
            "^(?:директора|заведующего|ректора|руководителя|начальника)(?:\\s|$)", CI);
    private static final String EXPERT_CONCLUSION = "экспертное заключение";
    private static final String SELF_EVALUATION = "отчёт о самообследовании";
    private static final int OBJECT_REACH = 1500;

    private final IssuerDirectory issuers;

    public RequisiteExtractor(IssuerDirectory issuers) {
        this.issuers = Objects.requireNonNull(issuers);
    }

    public ExtractedRequisites extract(String text, Map<String, String> metadata) {
        if (text == null || text.isBlank()) {
            return ExtractedRequisites.NONE;
        }
        String norm = TextNormalizer.normalize(text);
        boolean spreadsheet = isSpreadsheet(metadata == null ? Map.of() : metadata);
        List<Line> lines = Line.split(norm);
        DocumentLayout layout = DocumentLayout.of(lines, spreadsheet);
        List<FoundCitation> found = CitationParser.parse(norm);
        HeadRequisites head = HeadRequisites.read(layout, issuers, found, norm);
        int[] approvalRegion = approvalRegion(layout);
        Optional<FoundCitation> approving = found.stream()
                .filter(c -> approvalRegion != null && c.start() >= approvalRegion[0] && c.start() <= approvalRegion[1])
                .findFirst();

        String title = TitleExtractor.extract(layout, issuers, spreadsheet).orElse(null);
        String kind = kindOf(layout, head, title);
        List<Issuer> header = headerIssuers(layout, title);
        Issuer issuer = approving.flatMap(c -> issuers.recognise(c.issuerText()))
                .orElse(header.isEmpty() ? null : header.get(0));
        List<String> coIssuers = layout.markers().size() > 1 && header.size() > 1
                ? header.subList(1, header.size()).stream().map(Issuer::name).toList() : List.of();
        Issuer organisation = organisationOf(kind, issuer, title, layout, norm);
        if (issuer == null) {
            issuer = organisation;
        }

        LocalDate date = approving.map(FoundCitation::date).orElse(head.date());
        Integer year = date != null ? Integer.valueOf(date.getYear()) : head.year();
        String number = approving.isPresent() ? null : number(layout, head);
        Issuer territory = organisation != null ? organisation : issuer;
        Requisites requisites = new Requisites(
                kind,
                issuer == null ? null : issuer.name(),
                coIssuers,
                date,
                year,
                number,
                approving.isPresent() ? null : head.place(),
                title,
                SignatoryExtractor.extract(lines.subList(layout.first(), lines.size())).orElse(null),
                issuer == null ? null : issuer.level(),
                territory == null ? null : territory.region(),
                territory == null ? null : territory.municipality(),
                organisation == null ? null : organisation.orgId(),
                SELF_EVALUATION.equals(kind) ? reportYear(title) : null);
        List<Citation> citations = citations(found, norm, approvalRegion, date, number, issuer);
        return new ExtractedRequisites(requisites, citations);
    }

    private static boolean isSpreadsheet(Map<String, String> metadata) {
        String type = metadata.getOrDefault("Content-Type", "").toLowerCase(java.util.Locale.ROOT);
        return type.contains("spreadsheet") || type.contains("ms-excel") || type.contains("text/csv");
    }

    private static int[] approvalRegion(DocumentLayout layout) {
        return layout.approvalStamp()
                .map(s -> new int[] {layout.lines().get(s.firstLine()).start(), layout.lines().get(s.lastLine()).end()})
                .orElse(null);
    }

    // Without a kind heading, a head with its own date, number and an «О …» title is a letter.
    private static String kindOf(DocumentLayout layout, HeadRequisites head, String title) {
        if (layout.marker().isPresent()) {
            return layout.marker().get().kind();
        }
        if (head.date() != null && !head.numbers().isEmpty() && title != null) {
            return "письмо";
        }
        return "иное";
    }

    // The issuer heads the document above its kind heading. A document that opens with its heading
    // (a spreadsheet report) names its organisation in the title or in the head's stamps instead.
    private List<Issuer> headerIssuers(DocumentLayout layout, String title) {
        int end = layout.marker().map(m -> layout.markers().get(layout.markers().size() - 1).line())
                .orElse(layout.bodyStart());
        List<Issuer> found = issuersIn(layout, layout.first(), Math.max(layout.first(), end), false);
        if (found.isEmpty() && title != null) {
            found = firstOrganisation(title).map(List::of).orElse(List.of());
        }
        if (found.isEmpty()) {
            found = issuersIn(layout, layout.first(), layout.bodyStart(), true).stream()
                    .filter(Issuer::isOrganisation).limit(1).toList();
        }
        return found;
    }

    private List<Issuer> issuersIn(DocumentLayout layout, int from, int to, boolean withStamps) {
        StringBuilder b = new StringBuilder();
        for (Line l : layout.lines().subList(from, to)) {
            if (withStamps || !layout.inStamp(l.index(), DocumentLayout.StampType.APPROVED_BY_ACT)
                    && !layout.inStamp(l.index(), DocumentLayout.StampType.CONSIDERED)) {
                b.append(l.text()).append('\n');
            }
        }
        return issuers.findAll(TextNormalizer.matchForm(b.toString())).stream().map(IssuerDirectory.Found::issuer)
                .toList();
    }

    // A school's own documents belong to it; an expert conclusion belongs to the school it examines,
    // named in its title or, failing that, in its opening fields («Место работы …»).
    private Issuer organisationOf(String kind, Issuer issuer, String title, DocumentLayout layout, String text) {
        if (issuer != null && issuer.isOrganisation()) {
            return issuer;
        }
        if (!EXPERT_CONCLUSION.equals(kind)) {
            return null;
        }
        Optional<Issuer> inTitle = title == null ? Optional.empty() : firstOrganisation(title);
        if (inTitle.isPresent()) {
            return inTitle.get();
        }
        int from = layout.headEndOffset();
        return firstOrganisation(text.substring(from, Math.min(text.length(), from + OBJECT_REACH))).orElse(null);
    }

    private Optional<Issuer> firstOrganisation(String text) {
        return issuers.findAll(TextNormalizer.matchForm(text)).stream().map(IssuerDirectory.Found::issuer)
                .filter(Issuer::isOrganisation).findFirst();
    }

    private static String number(DocumentLayout layout, HeadRequisites head) {
        if (head.numbers().isEmpty()) {
            return null;
        }
        long orders = layout.markers().stream().filter(KindDetector.Marker::orderLike).count();
        return orders > 1 && head.numbers().size() > 1 ? String.join("/", head.numbers()) : head.numbers().get(0);
    }

    private static Integer reportYear(String title) {
        if (title == null) {
            return null;
        }
        Matcher m = REPORT_YEAR.matcher(title);
        Integer year = null;
        while (m.find()) {
            year = Integer.valueOf(m.group(1));
        }
        return year;
    }

    private List<Citation> citations(List<FoundCitation> found, String text, int[] approvalRegion, LocalDate ownDate,
            String ownNumber, Issuer own) {
        RelationTyper typer = new RelationTyper(text, approvalRegion);
        Map<String, Citation> byAct = new LinkedHashMap<>();
        Map<String, String> issuerByNumber = new LinkedHashMap<>();
        List<Citation> ordered = new ArrayList<>();
        for (FoundCitation c : found) {
            if (isSelf(c, ownDate, ownNumber)) {
                continue;
            }
            String issuer = issuerOf(c, own);
            if (issuer != null && c.number() != null) {
                issuerByNumber.putIfAbsent(c.number(), issuer);
            }
            ordered.add(new Citation(typer.relationOf(c), c.kind(), issuer, c.date(), c.number(), c.title()));
        }
        for (Citation c : ordered) {
            String issuer = c.issuer() != null || c.number() == null ? c.issuer() : issuerByNumber.get(c.number());
            Citation withIssuer = new Citation(c.relation(), c.kind(), issuer, c.date(), c.number(), c.title());
            String key = keyOf(withIssuer, ordered);
            byAct.merge(key, withIssuer, RequisiteExtractor::stronger);
        }
        return List.copyOf(byAct.values());
    }

    // A number cited without a date is the same act as that number cited with one elsewhere in the text.
    private static String keyOf(Citation c, List<Citation> all) {
        if (c.number() == null) {
            return c.kind() + "|" + c.date();
        }
        LocalDate date = c.date();
        if (date == null) {
            date = all.stream().filter(o -> c.number().equals(o.number()) && o.date() != null)
                    .map(Citation::date).findFirst().orElse(null);
        }
        return c.number() + "|" + date;
    }

    private static Citation stronger(Citation a, Citation b) {
        Citation keep = a.date() != null || b.date() == null ? a : b;
        Relation r = rank(b.relation()) > rank(a.relation()) ? b.relation() : a.relation();
        return new Citation(r, keep.kind(), keep.issuer() != null ? keep.issuer() : (a.issuer() != null ? a.issuer() : b.issuer()),
                keep.date(), keep.number(), keep.title() != null ? keep.title() : (a.title() != null ? a.title() : b.title()));
    }

    private static int rank(Relation r) {
        return switch (r) {
            case APPROVED_BY -> 3;
            case REPEALS -> 2;
            case AMENDS -> 1;
            case REFERENCES -> 0;
        };
    }

    private static boolean isSelf(FoundCitation c, LocalDate ownDate, String ownNumber) {
        if (ownNumber == null || c.number() == null || ownDate == null || !ownDate.equals(c.date())) {
            return false;
        }
        return ownNumber.equals(c.number()) || List.of(ownNumber.split("/")).contains(c.number());
    }

    private String issuerOf(FoundCitation c, Issuer own) {
        if (c.kind().endsWith("закон")) {
            return null;
        }
        String text = c.issuerText() == null ? "" : c.issuerText();
        Optional<Issuer> named = issuers.recognise(text);
        if (named.isPresent()) {
            return named.get().name();
        }
        if (own != null && HEAD_OF_ORG.matcher(text).find()) {
            return own.name();
        }
        return null;
    }
}
