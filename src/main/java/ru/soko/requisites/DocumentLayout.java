package ru.soko.requisites;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The head of a document read line by line: the stamps above it (an annex's «Утверждено приказом …
 * от … № …», a report's «УТВЕРЖДАЮ … дата», a «РАССМОТРЕН … протокол …» record), the heading lines
 * that name its kind, and where the body starts (preamble, numbered section, a long paragraph).
 */
final class DocumentLayout {

    enum StampType { APPROVED_BY_ACT, APPROVED_BY_HEAD, CONSIDERED }

    record Stamp(StampType type, int firstLine, int lastLine) {
        boolean contains(int line) {
            return line >= firstLine && line <= lastLine;
        }
    }

    private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern APPROVAL = Pattern.compile("^(приложение|утвержд[её]н[оаы]?|утвержден[оаы]?)(?![\\p{L}])", CI);
    private static final Pattern HEAD_APPROVAL = Pattern.compile("^утверждаю", CI);
    private static final Pattern CONSIDERED = Pattern.compile("^(рассмотрен[оаы]?|принят[оаы]?|согласован[оаы]?|одобрен[оаы]?)(?![\\p{L}])", CI);
    private static final Pattern BODY = Pattern.compile(
            "^(?:в соответствии|в целях|во исполнение|на основании|в связи|руководствуясь|согласно|"
                    + "приказываю|приказываем|постановляю|постановляет|предлагаю|"
                    + "раздел\\s|введение|аналитическая часть|общие положения|общие сведения|"
                    + "основание|эксперт(?![\\p{L}])|объект|фамилия|критерии|составител|исполнитель|"
                    + "(?-i:\\d{1,2}(?:\\.\\d{1,2})*\\.?\\s+[А-ЯЁ]|[IVX]{1,4}\\.\\s))", CI);
    private static final int HEAD_LIMIT = 60;
    private static final int LONG_PARAGRAPH = 300;

    private final List<Line> lines;
    private final int first;
    private final int bodyStart;
    private final List<Stamp> stamps;
    private final List<KindDetector.Marker> markers;

    private DocumentLayout(List<Line> lines, int first, int bodyStart, List<Stamp> stamps,
            List<KindDetector.Marker> markers) {
        this.lines = lines;
        this.first = first;
        this.bodyStart = bodyStart;
        this.stamps = List.copyOf(stamps);
        this.markers = List.copyOf(markers);
    }

    static DocumentLayout of(List<Line> lines, boolean spreadsheet) {
        int first = spreadsheet ? firstCell(lines) : 0;
        List<Stamp> stamps = new ArrayList<>();
        List<KindDetector.Marker> markers = new ArrayList<>();
        int limit = Math.min(lines.size(), first + HEAD_LIMIT);
        int body = limit;
        for (int i = first; i < limit; i++) {
            Line line = lines.get(i);
            String t = line.text();
            if (t.isEmpty()) {
                continue;
            }
            if (APPROVAL.matcher(t).find() && markers.isEmpty()) {
                int last = stampEnd(lines, i);
                stamps.add(new Stamp(StampType.APPROVED_BY_ACT, i, last));
                i = last;
                continue;
            }
            if (HEAD_APPROVAL.matcher(t).find()) {
                int last = stampEnd(lines, i);
                stamps.add(new Stamp(StampType.APPROVED_BY_HEAD, i, last));
                i = last;
                continue;
            }
            if (CONSIDERED.matcher(t).find()) {
                int last = consideredEnd(lines, i);
                stamps.add(new Stamp(StampType.CONSIDERED, i, last));
                i = last;
                continue;
            }
            Optional<KindDetector.Marker> marker = KindDetector.detect(line);
            if (marker.isPresent()) {
                if (markers.isEmpty() || marker.get().orderLike() && markers.get(0).orderLike()) {
                    markers.add(marker.get());
                }
                continue;
            }
            if (i > first && (BODY.matcher(t).find() || t.length() > LONG_PARAGRAPH)) {
                body = i;
                break;
            }
        }
        return new DocumentLayout(lines, first, body, stamps, markers);
    }

    List<Line> lines() {
        return lines;
    }

    int first() {
        return first;
    }

    int bodyStart() {
        return bodyStart;
    }

    List<Stamp> stamps() {
        return stamps;
    }

    Optional<KindDetector.Marker> marker() {
        return markers.isEmpty() ? Optional.empty() : Optional.of(markers.get(0));
    }

    /** Heading lines naming the kind; two «ПРИКАЗ» headings mean a joint order. */
    List<KindDetector.Marker> markers() {
        return markers;
    }

    Optional<Stamp> approvalStamp() {
        return stamps.stream().filter(s -> s.type() == StampType.APPROVED_BY_ACT).findFirst();
    }

    boolean inStamp(int line, StampType type) {
        return stamps.stream().anyMatch(s -> s.type() == type && s.contains(line));
    }

    boolean inAnyStamp(int line) {
        return stamps.stream().anyMatch(s -> s.contains(line));
    }

    /** Head lines: from the first content line up to the body. */
    List<Line> head() {
        return lines.subList(first, bodyStart);
    }

    /** Text offsets covered by the head. */
    int headEndOffset() {
        return bodyStart < lines.size() ? lines.get(bodyStart).start() : lines.get(lines.size() - 1).end();
    }

    // Sheet names come before the first cell; they are labels of the workbook, not of the document.
    private static int firstCell(List<Line> lines) {
        for (Line l : lines) {
            if (l.cell() && !l.blank()) {
                return l.index();
            }
        }
        return 0;
    }

    // A stamp ends at its date line («от 24.07.2020 № 1291», «16.02.2023»); the number, when there is
    // one, stands on that line too — an earlier «№» belongs to a name («приказом МБОУ «СОШ № 12»»).
    private static int stampEnd(List<Line> lines, int from) {
        int limit = Math.min(lines.size() - 1, from + 7);
        for (int j = from; j <= limit; j++) {
            if (DateParser.first(lines.get(j).text()).isPresent()) {
                return j;
            }
        }
        return from;
    }

    private static int consideredEnd(List<Line> lines, int from) {
        int limit = Math.min(lines.size() - 1, from + 3);
        for (int j = from; j <= limit; j++) {
            if (DateParser.first(lines.get(j).text()).isPresent()) {
                return j;
            }
        }
        return from;
    }
}
