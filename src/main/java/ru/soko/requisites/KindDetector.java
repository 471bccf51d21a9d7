package ru.soko.requisites;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a document's kind from the heading line that names it: «ПРИКАЗ», «ПОЛОЖЕНИЕ о …»,
 * «Отчёт о результатах самообследования …», «Экспертное заключение № …». Where the heading word is
 * the kind's own name the title goes on without it («Положение о …» → «о …»); a heading that only
 * belongs to a kind («Циклограмма …», «Информационно-аналитические материалы …») stays in the title.
 */
final class KindDetector {

    /** A heading line naming the kind; {@code rest} is what follows the dropped kind word. */
    record Marker(String kind, int line, String rest, boolean orderLike) {
    }

    private record Rule(String kind, Pattern pattern, boolean drop, boolean orderLike) {
    }

    private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static final List<Rule> RULES = List.of(
            new Rule("приказ", Pattern.compile("^(ПРИКАЗ|Приказ)(?=$|\\s+(?:от|№)\\s|\\s+\\d)"), true, true),
            new Rule("распоряжение", Pattern.compile("^(РАСПОРЯЖЕНИЕ|Распоряжение)(?=$|\\s+(?:от|№)\\s|\\s+\\d)"), true, true),
            new Rule("постановление", Pattern.compile("^(ПОСТАНОВЛЕНИЕ|Постановление)(?=$|\\s+(?:от|№)\\s|\\s+\\d)"), true, true),
            new Rule("протокол", Pattern.compile("^(ПРОТОКОЛ)(?=$|\\s+(?:от|№)\\s|\\s+\\d)"), true, true),
            new Rule("письмо", Pattern.compile("^(ПИСЬМО)(?=$|\\s+(?:от|№)\\s|\\s+\\d)"), true, true),
            new Rule("закон", Pattern.compile("^((?:ФЕДЕРАЛЬНЫЙ |ОБЛАСТНОЙ )?ЗАКОН)(?=$|\\s)"), true, true),
            new Rule("положение", Pattern.compile("^(положение)(?=$|\\s+об?\\s)", CI), true, false),
            new Rule("концепция", Pattern.compile("^(концепция)(?=$|\\s)", CI), true, false),
            new Rule("программа", Pattern.compile("^(программа)(?=$|\\s)", CI), true, false),
            new Rule("план", Pattern.compile("^(план)(?=$|\\s)", CI), true, false),
            new Rule("план", Pattern.compile("^()(?=циклограмма|дорожная карта)", CI), false, false),
            new Rule("отчёт о самообследовании", Pattern.compile("^(отч[её]т)(?=\\s+о\\s+результатах\\s+самообследования)", CI), true, false),
            new Rule("экспертное заключение", Pattern.compile("^(экспертное\\s+заключение)(?=$|\\s)", CI), true, false),
            new Rule("аналитическая справка", Pattern.compile("^(аналитическая\\s+справка)(?=$|\\s)", CI), true, false),
            new Rule("аналитическая справка", Pattern.compile("^()(?=информационно-аналитическ|публичн\\S*\\s+доклад)", CI), false, false),
            new Rule("методические рекомендации", Pattern.compile("^(методические\\s+рекомендации)(?=$|\\s)", CI), true, false));

    private KindDetector() {
    }

    static Optional<Marker> detect(Line line) {
        for (Rule r : RULES) {
            Matcher m = r.pattern().matcher(line.text());
            if (m.find()) {
                String rest = r.drop() ? line.text().substring(m.end(1)).strip() : line.text();
                return Optional.of(new Marker(r.kind(), line.index(), rest, r.orderLike()));
            }
        }
        return Optional.empty();
    }
}
