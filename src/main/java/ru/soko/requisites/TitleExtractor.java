package ru.soko.requisites;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a document's title from its head. For an order, a letter or a resolution it is the first line
 * opening with «О»/«Об» after the kind heading; for a regulation, a plan, a report or a conclusion it
 * is what follows the kind word. Either way the title goes on over line breaks (and the blank lines
 * PDF puts inside it) until the preamble, a requisite line, a form field («Эксперт: …»), a numbered
 * section or another stamp begins.
 */
final class TitleExtractor {

    private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern ABOUT = Pattern.compile("^(?:О|Об|Обо|ОБ|ОБО)\\s+\\S");
    private static final Pattern FIELD = Pattern.compile("^[А-ЯЁA-Z][^:«»]{0,40}:(?:\\s|$)");
    private static final Pattern STOP = Pattern.compile(
            "^(?:рассмотрен|принят|утвержд|согласован|одобрен|фамилия|разработчик|составител|исполнитель|"
                    + "рекомендовано|приложение|дата|№|проект(?:$|\\s))", CI);
    private static final int MAX_LENGTH = 450;
    private static final int SHORT_ASIDE = 40;

    private TitleExtractor() {
    }

    static Optional<String> extract(DocumentLayout layout, IssuerDirectory directory, boolean spreadsheet) {
        Optional<KindDetector.Marker> marker = layout.marker();
        List<Line> head = layout.head();
        if (marker.isEmpty() || marker.get().orderLike()) {
            int from = marker.map(m -> lastMarkerLine(layout) + 1).orElse(layout.first());
            for (Line l : head) {
                if (l.index() >= from && !layout.inAnyStamp(l.index()) && ABOUT.matcher(l.text()).find()) {
                    return Optional.of(collect(l.text(), layout, directory, l.index() + 1, spreadsheet));
                }
            }
            return Optional.empty();
        }
        String rest = stripNumber(marker.get().rest());
        int next = marker.get().line() + 1;
        if (rest.isEmpty()) {
            for (Line l : head) {
                if (l.index() >= next && !l.blank()) {
                    if (stops(l, layout, directory)) {
                        return Optional.empty();
                    }
                    return Optional.of(collect(l.text(), layout, directory, l.index() + 1, spreadsheet));
                }
            }
            return Optional.empty();
        }
        return Optional.of(collect(rest, layout, directory, next, spreadsheet));
    }

    private static int lastMarkerLine(DocumentLayout layout) {
        List<KindDetector.Marker> ms = layout.markers();
        return ms.get(ms.size() - 1).line();
    }

    private static String collect(String firstPart, DocumentLayout layout, IssuerDirectory directory, int from,
            boolean spreadsheet) {
        List<String> parts = new ArrayList<>();
        parts.add(firstPart);
        if (!spreadsheet) {
            int length = firstPart.length();
            for (int i = from; i < layout.bodyStart() && length < MAX_LENGTH; i++) {
                Line l = layout.lines().get(i);
                if (l.blank()) {
                    continue;
                }
                if (stops(l, layout, directory)) {
                    break;
                }
                parts.add(l.text());
                length += l.text().length();
            }
        }
        return tidy(String.join(" ", parts));
    }

    private static boolean stops(Line l, DocumentLayout layout, IssuerDirectory directory) {
        String t = l.text();
        return layout.inAnyStamp(l.index())
                || KindDetector.detect(l).isPresent()
                || HeadLine.read(t, directory).isPresent()
                || FIELD.matcher(t).find()
                || STOP.matcher(t).find()
                || t.startsWith("(") && t.length() > SHORT_ASIDE
                || t.startsWith("_");
    }

    private static String stripNumber(String rest) {
        return rest.replaceFirst("^№\\s*" + CitationParser.NUMBER + "\\s*", "").strip();
    }

    static String tidy(String title) {
        String t = title.replaceAll("\\s+", " ").strip();
        t = t.replaceAll("\\s+([,.;:»)])", "$1").replaceAll("([«(])\\s+", "$1");
        return t.replaceAll("[.;:,]$", "").strip();
    }
}
