package ru.soko.requisites;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date, number and place a document states about itself. They come from the requisite lines of
 * its head (never from a stamp that cites another act), then from the date under «УТВЕРЖДАЮ», then
 * from a date line under the closing signature, and last from the protocol that records its approval.
 */
record HeadRequisites(LocalDate date, Integer year, List<String> numbers, String place) {

    private static final Pattern HEAD_APPROVAL = Pattern.compile("утверждаю", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final int TAIL_LINES = 12;
    private static final int APPROVAL_REACH = 200;

    static HeadRequisites read(DocumentLayout layout, IssuerDirectory directory, List<FoundCitation> citations,
            String text) {
        DateParser.DateMatch date = null;
        List<String> numbers = new ArrayList<>();
        String place = null;
        for (Line line : layout.head()) {
            if (line.blank() || layout.inStamp(line.index(), DocumentLayout.StampType.APPROVED_BY_ACT)
                    || layout.inStamp(line.index(), DocumentLayout.StampType.CONSIDERED)
                    || continuesCitation(line, layout, citations)) {
                continue;
            }
            Optional<HeadLine> h = HeadLine.read(requisitePart(line, layout), directory);
            if (h.isEmpty()) {
                if (place == null) {
                    place = HeadLine.placeInAddress(line.text(), directory).orElse(null);
                }
                continue;
            }
            if (date == null && h.get().date() != null) {
                date = h.get().date();
            }
            if (h.get().number() != null && !numbers.contains(h.get().number())) {
                numbers.add(h.get().number());
            }
            if (place == null && h.get().place() != null) {
                place = h.get().place();
            }
        }
        if (date == null) {
            date = approvedByHead(text, layout, citations).orElse(null);
        }
        if (date == null && layout.approvalStamp().isEmpty()) {
            date = tailDate(layout, directory).orElse(null);
        }
        if (date == null) {
            date = consideredDate(layout, citations).orElse(null);
        }
        LocalDate d = date == null ? null : date.date();
        Integer year = date == null ? null : date.year();
        return new HeadRequisites(d, year, List.copyOf(numbers), place);
    }

    // «(протокол\nот 16.02.2023 № 2)» cites another act even though the line alone looks like requisites;
    // only a kind heading («ПРИКАЗ\nот 24.07.2020 № 1291») introduces the document's own.
    private static boolean continuesCitation(Line line, DocumentLayout layout, List<FoundCitation> citations) {
        for (FoundCitation c : citations) {
            if (c.start() < line.start() && c.end() > line.start()) {
                int kindLine = lineOf(layout.lines(), c.start());
                return layout.markers().stream().noneMatch(m -> m.line() == kindLine);
            }
        }
        return false;
    }

    private static int lineOf(List<Line> lines, int offset) {
        for (Line l : lines) {
            if (l.covers(offset)) {
                return l.index();
            }
        }
        return -1;
    }

    // A heading line «ПРИКАЗ от 24.07.2020 № 1291» or «Экспертное заключение № 47-Э» carries requisites after the kind word.
    private static String requisitePart(Line line, DocumentLayout layout) {
        for (KindDetector.Marker m : layout.markers()) {
            if (m.line() == line.index()) {
                return m.rest().startsWith("№") || m.rest().startsWith("от") ? firstRequisites(m.rest()) : "";
            }
        }
        return line.text();
    }

    private static String firstRequisites(String rest) {
        Matcher n = HeadLine.NUMBER.matcher(rest);
        return n.find() ? rest.substring(0, n.end()) : rest;
    }

    private static Optional<DateParser.DateMatch> approvedByHead(String text, DocumentLayout layout,
            List<FoundCitation> citations) {
        Matcher m = HEAD_APPROVAL.matcher(text).region(0, Math.min(text.length(), layout.headEndOffset()));
        if (!m.find()) {
            return Optional.empty();
        }
        int from = m.end();
        String window = text.substring(from, Math.min(text.length(), from + APPROVAL_REACH));
        for (DateParser.DateMatch d : DateParser.findAll(window)) {
            int at = from + d.start();
            boolean cited = citations.stream().anyMatch(c -> at >= c.start() && at < c.end());
            if (!cited) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    private static Optional<DateParser.DateMatch> tailDate(DocumentLayout layout, IssuerDirectory directory) {
        List<Line> lines = layout.lines();
        int seen = 0;
        for (int i = lines.size() - 1; i >= layout.bodyStart() && seen < TAIL_LINES; i--) {
            Line l = lines.get(i);
            if (l.blank()) {
                continue;
            }
            seen++;
            Optional<HeadLine> h = HeadLine.read(l.text(), directory);
            if (h.isPresent() && h.get().date() != null && h.get().number() == null) {
                return Optional.of(h.get().date());
            }
        }
        return Optional.empty();
    }

    private static Optional<DateParser.DateMatch> consideredDate(DocumentLayout layout, List<FoundCitation> citations) {
        for (DocumentLayout.Stamp s : layout.stamps()) {
            if (s.type() != DocumentLayout.StampType.CONSIDERED) {
                continue;
            }
            int from = layout.lines().get(s.firstLine()).start();
            int to = layout.lines().get(s.lastLine()).end();
            for (FoundCitation c : citations) {
                if (c.start() >= from && c.start() <= to && c.date() != null) {
                    return Optional.of(new DateParser.DateMatch(c.date(), c.date().getYear(), c.start(), c.end()));
                }
            }
        }
        return Optional.empty();
    }
}
