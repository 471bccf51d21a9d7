package ru.soko.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import ru.soko.Archive;
import ru.soko.requisites.Issuer;
import ru.soko.selfeval.Comparison;
import ru.soko.selfeval.SchoolHistory;
import ru.soko.selfeval.SelfEvalExport;
import ru.soko.util.Json;

@Command(name = "selfeval", mixinStandardHelpOptions = true,
        description = "Показатели самообследования: история школы по годам, сравнение школ территории, исправление значений.",
        subcommands = {SelfEvalCommand.Show.class, SelfEvalCommand.Compare.class, SelfEvalCommand.Correct.class})
public final class SelfEvalCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "укажите show, compare или correct");
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Все показатели школы за все годы с изменением к предыдущему году и подозрительными значениями.")
    static final class Show implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Parameters(paramLabel = "ORG", description = "Школа: идентификатор (org-kem-12), ИНН или часть названия.")
        String organisation;

        @Option(names = "--json", description = "В JSON.")
        boolean json;

        @Option(names = "--export", paramLabel = "FILE", description = "Выгрузить таблицу в FILE (.xlsx или .csv).")
        Path export;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (Archive archive = Archive.open(data.config())) {
                var innByName = archive.innByName();
                Issuer school = archive.selfEval().organisation(organisation, innByName);
                SchoolHistory h = archive.selfEval().history(school,
                        innByName.get(ru.soko.selfeval.SelfEvalService.normalise(school.name())));
                if (export != null) {
                    SelfEvalExport.history(h, extension(export), export);
                    out.println("Выгружено: " + export);
                } else if (json) {
                    out.println(Json.writePretty(h));
                } else {
                    print(out, h);
                }
                out.flush();
                return 0;
            }
        }

        private static void print(PrintWriter out, SchoolHistory h) {
            out.println(h.organisation().name() + (h.organisation().inn() == null ? "" : ", ИНН " + h.organisation().inn()));
            if (h.years().isEmpty()) {
                out.println("Отчётов о самообследовании в архиве нет.");
                return;
            }
            StringBuilder head = new StringBuilder(String.format("%-7s %-60s", "№", "Показатель"));
            h.years().forEach(y -> head.append(String.format(" %14s", y + (h.missingYears().contains(y) ? " (нет)" : ""))));
            out.println(head);
            for (SchoolHistory.Indicator i : h.indicators()) {
                String name = i.name() == null ? "" : i.name();
                StringBuilder line = new StringBuilder(String.format("%-7s %-60s", i.code(), name.length() > 60 ? name.substring(0, 59) + "…" : name));
                for (int y : h.years()) {
                    SchoolHistory.YearValue v = i.values().get(Integer.toString(y));
                    line.append(String.format(" %14s", v == null ? "—" : cell(v)));
                }
                out.println(line);
            }
            if (!h.flags().isEmpty()) {
                out.println("Подозрительные значения:");
                h.flags().forEach(f -> out.println("  ! " + f.message()));
            }
        }

        private static String cell(SchoolHistory.YearValue v) {
            String value = v.value() == null ? "—" : SelfEvalExportFormat.number(v.value());
            String text = v.percent() == null ? value : value + "/" + SelfEvalExportFormat.number(v.percent()) + "%";
            return v.corrected() ? text + "*" : text;
        }
    }

    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = "Все школы территории по одному показателю за год, с медианой.")
    static final class Compare implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Option(names = "--territory", required = true, paramLabel = "T", description = "Муниципальное образование или регион (часть названия).")
        String territory;

        @Option(names = "--year", required = true, paramLabel = "Y", description = "Отчётный год.")
        int year;

        @Option(names = "--indicator", required = true, paramLabel = "CODE", description = "Показатель, например 1.5.")
        String code;

        @Option(names = "--sort", defaultValue = "value", paramLabel = "value|name", description = "Порядок: по значению (по умолчанию) или по названию.")
        String sort;

        @Option(names = "--json", description = "В JSON.")
        boolean json;

        @Option(names = "--export", paramLabel = "FILE", description = "Выгрузить таблицу в FILE (.xlsx или .csv).")
        Path export;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (Archive archive = Archive.open(data.config())) {
                Comparison c = archive.selfEval().compare(territory, year, code);
                if ("name".equals(sort)) {
                    c = new Comparison(c.territory(), c.year(), c.code(), c.name(), c.unit(),
                            c.rows().stream().sorted(Comparator.comparing(Comparison.Row::organisation)).toList(), c.median());
                }
                if (export != null) {
                    SelfEvalExport.comparison(c, extension(export), export);
                    out.println("Выгружено: " + export);
                } else if (json) {
                    out.println(Json.writePretty(c));
                } else {
                    out.printf("%s, %d год, показатель %s %s%n", c.territory(), c.year(), c.code(), c.name() == null ? "" : c.name());
                    c.rows().forEach(r -> out.printf("  %-70s %10s %8s%n", r.organisation(), SelfEvalExportFormat.number(r.value()),
                            r.percent() == null ? "" : SelfEvalExportFormat.number(r.percent()) + "%"));
                    out.printf("  %-70s %10s%n", "Медиана", SelfEvalExportFormat.number(c.median()));
                }
                out.flush();
                return 0;
            }
        }
    }

    @Command(name = "correct", mixinStandardHelpOptions = true,
            description = "Исправляет значение показателя; исправление хранится отдельно от прочитанного и пишется в журнал.")
    static final class Correct implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Parameters(index = "0", paramLabel = "ORG", description = "Школа.")
        String organisation;

        @Parameters(index = "1", paramLabel = "YEAR", description = "Отчётный год.")
        int year;

        @Parameters(index = "2", paramLabel = "CODE", description = "Показатель.")
        String code;

        @Option(names = "--value", paramLabel = "V", description = "Значение (пусто — нет значения).")
        Double value;

        @Option(names = "--percent", paramLabel = "P", description = "Доля, %.")
        Double percent;

        @Option(names = "--as", paramLabel = "NAME", description = "Кто исправляет.")
        String actor;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (Archive archive = Archive.open(data.config())) {
                Issuer school = archive.selfEval().organisation(organisation, archive.innByName());
                archive.selfEval().correct(school.orgId(), year, code, value, percent,
                        DataOption.actor(actor));
                spec.commandLine().getOut().printf("Исправлено: %s, %d, %s%n", school.name(), year, code);
                spec.commandLine().getOut().flush();
                return 0;
            }
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** The export's number format, with a dash for a missing figure on screen. */
    static final class SelfEvalExportFormat {
        private SelfEvalExportFormat() {
        }

        static String number(Double v) {
            return v == null ? "—" : SelfEvalExport.number(v);
        }
    }
}
