package ru.soko.requisites;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds every act a text cites: «<вид> [издатель] от <дата> № <номер> [«название»]», written over
 * line breaks, with «№ 590/219», «№ 273-ФЗ», «№ 86-ОЗ»; lists that share one kind word
 * («приказами … от 31.05.2021 № 286 и от 31.05.2021 № 287», «приказы … № 462, № 1324»); and
 * number-less guidance cited by its date («Методических рекомендаций … (16.02.2023)»).
 * The kind word is looked for backwards from the date, never across an earlier citation, so that
 * «Положением …, утверждённым приказом … от …» is read as an order.
 */
final class CitationParser {

    static final String NUMBER = "(?:[0-9]+|[А-ЯЁA-Z]{1,4}-?[0-9]+)(?:[-/.][0-9А-ЯЁA-Zа-яё]+)*";
    private static final String DATE = "(?:" + DateParser.NUMERIC + "|" + DateParser.IN_WORDS + ")"
            + "(?:\\s*(?:г\\.|года)(?![\\p{L}]))?";

    // A look-ahead without case folding comes first in DATED and GUIDANCE: tried at every position of
    // the text, the case-folded look-behind or first letters cost more than the rest. Same matches.
    private static final Pattern DATED = Pattern.compile(
            "(?=(?-iu:[оО][тТ]))(?<![\\p{L}])от\\s+(" + DATE + ")\\s*(?:№\\s*(" + NUMBER + "))?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern BARE = Pattern.compile("№\\s*(" + NUMBER + ")");
    private static final Pattern GUIDANCE = Pattern.compile(
            "(?=(?-iu:[мМ][еЕ]))(методическ(?:ие|их|им|ими)\\s+рекомендаци(?:и|й|ям|ями))([^()]{0,200}?)\\((" + DateParser.NUMERIC + ")\\)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern CONNECTOR = Pattern.compile("\\s*(?:,|;|и|,\\s*и|а также)?\\s*", Pattern.UNICODE_CASE);
    private static final Pattern SENTENCE_BREAK = Pattern.compile("[.;!?](?:\\s|$)|\\n\\s*\\n|\\n\\s*(?:[-—–]\\s|\\d+(?:\\.\\d+)*\\.\\s)");
    private static final int LOOKBACK = 220;
    // Law numbers end in capitals («273-ФЗ», «86-ОЗ») that OCR may lower-case; «283-р» stays as written.
    private static final Pattern LAW_SUFFIX = Pattern.compile("\\d+-(?:фз|фкз|оз|кз)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private CitationParser() {
    }

    static List<FoundCitation> parse(String text) {
        List<FoundCitation> found = new ArrayList<>();
        List<int[]> anchors = anchors(text);
        FoundCitation previous = null;
        for (int[] a : anchors) {
            boolean nested = previous != null && a[0] < previous.end();
            FoundCitation c = nested
                    ? read(text, a, previous.titleStart() + 1, null, true)
                    : read(text, a, previous == null ? 0 : previous.end(), previous, false);
            if (c != null) {
                found.add(c);
                if (!nested) {
                    previous = c;
                }
            }
        }
        found.addAll(guidance(text, found));
        found.sort(java.util.Comparator.comparingInt(FoundCitation::start));
        return found;
    }

    // Anchor: {start, end, dateStart, dateEnd, numberStart, numberEnd} — date or number may be absent (-1).
    private static List<int[]> anchors(String text) {
        List<int[]> out = new ArrayList<>();
        Matcher d = DATED.matcher(text);
        while (d.find()) {
            if (d.group(d.groupCount()) == null) {
                continue;
            }
            int ng = d.groupCount();
            out.add(new int[] {d.start(), d.end(), d.start(1), d.end(1), d.start(ng), d.end(ng)});
        }
        Matcher b = BARE.matcher(text);
        while (b.find()) {
            int pos = b.start();
            boolean inside = out.stream().anyMatch(a -> pos >= a[0] && pos < a[1]);
            if (!inside) {
                out.add(new int[] {b.start(), b.end(), -1, -1, b.start(1), b.end(1)});
            }
        }
        out.sort(java.util.Comparator.comparingInt(a -> a[0]));
        return out;
    }

    private static FoundCitation read(String text, int[] a, int floor, FoundCitation previous, boolean nested) {
        int from = Math.max(floor, a[0] - LOOKBACK);
        String before = text.substring(from, a[0]);
        LocalDate date = a[2] < 0 ? null : DateParser.parse(text.substring(a[2], a[3])).orElse(null);
        String number = text.substring(a[4], a[5]);
        if (a[2] >= 0 && date == null) {
            return null;
        }
        KindWords.Hit kind = KindWords.lastIn(cutAtSentence(before));
        String issuerText;
        int start;
        if (kind != null && (a[2] >= 0 || bareGapOk(cutAtSentence(before).substring(kind.end())))) {
            String cut = cutAtSentence(before);
            int offset = from + (before.length() - cut.length());
            start = offset + kind.start();
            issuerText = cut.substring(kind.end()).strip();
        } else if (previous != null && previous.end() >= a[0] - 12
                && CONNECTOR.matcher(text.substring(previous.end(), a[0])).matches()) {
            start = a[0];
            kind = new KindWords.Hit(previous.kind(), 0, 0);
            issuerText = previous.issuerText();
        } else {
            return null;
        }
        int end = a[1];
        int[] title = QuotedTitle.after(text, end);
        String titleText = null;
        int titleStart = end;
        int titleEnd = end;
        if (title != null) {
            titleStart = title[0];
            titleEnd = title[1];
            titleText = text.substring(title[0] + 1, title[1] - 1).replaceAll("\\s+", " ").strip();
            end = title[1];
        }
        return new FoundCitation(kind.kind(), issuerText, date, cleanNumber(number), titleText, start, end,
                titleStart, titleEnd, nested);
    }

    private static boolean bareGapOk(String gap) {
        return gap.length() <= 60 && !gap.matches("(?s).*[\\d«»()].*");
    }

    private static String cutAtSentence(String before) {
        Matcher m = SENTENCE_BREAK.matcher(before);
        int last = -1;
        while (m.find()) {
            last = m.end();
        }
        return last < 0 ? before : before.substring(last);
    }

    private static List<FoundCitation> guidance(String text, List<FoundCitation> dated) {
        List<FoundCitation> out = new ArrayList<>();
        Matcher m = GUIDANCE.matcher(text);
        while (m.find()) {
            int s = m.start();
            if (dated.stream().anyMatch(c -> s >= c.start() && s < c.end())) {
                continue;
            }
            LocalDate date = DateParser.parse(m.group(3)).orElse(null);
            if (date != null) {
                out.add(new FoundCitation("методические рекомендации", m.group(2).strip(), date, null, null,
                        m.start(), m.end(), m.end(), m.end(), false));
            }
        }
        return out;
    }

    static String cleanNumber(String number) {
        String n = number.strip().replaceAll("[.,/-]+$", "");
        return LAW_SUFFIX.matcher(n).matches() ? n.toUpperCase(java.util.Locale.ROOT) : n;
    }
}
