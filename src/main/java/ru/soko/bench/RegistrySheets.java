package ru.soko.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Registry sheets for a synthetic corpus, as CSV with «;» and the column headings people write
 * (aliases of {@code index-config/registries.json}): organisations (the schools of the corpus),
 * experts, certified programmes and students' achievements, the largest registry.
 */
final class RegistrySheets {

    /** Registries in import order: organisations first, so the others link to them. */
    static final List<String> ORDER = List.of("organisations", "experts", "programmes", "achievements");

    private RegistrySheets() {
    }

    static Map<String, Long> write(CorpusGenerator.Spec spec, World world, Path dir) throws IOException {
        SplittableRandom random = new SplittableRandom(spec.seed() * 31 + 7);
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("organisations", organisations(world, dir.resolve("organisations.csv")));
        counts.put("experts", experts(spec.experts(), world, random, dir.resolve("experts.csv")));
        counts.put("programmes", programmes(spec.programmes(), random, dir.resolve("programmes.csv")));
        counts.put("achievements", achievements(spec.achievements(), world, random, dir.resolve("achievements.csv")));
        return counts;
    }

    private static long organisations(World world, Path file) throws IOException {
        try (BufferedWriter w = CorpusGenerator.csv(file)) {
            w.write("Полное наименование;Краткое наименование;Тип;Субъект РФ;Муниципальное образование;ИНН;Руководитель\n");
            for (World.School s : world.schools()) {
                String type = s.fullName().contains("Гимназия") ? "гимназия" : s.fullName().contains("Лицей") ? "лицей"
                        : s.fullName().contains("Детский сад") ? "ДОУ" : s.fullName().contains("Основная") ? "ООШ" : "СОШ";
                String region = s.municipality().contains("Чегем") ? "Кабардино-Балкарская Республика"
                        : s.municipality().contains("Старомайн") ? "Ульяновская область" : "Кемеровская область – Кузбасс";
                w.write(cell(s.fullName() + " " + s.place()) + ";" + cell(s.shortName()) + ";" + type + ";" + region + ";"
                        + cell(s.municipality()) + ";" + s.inn() + ";" + Lexicon.SURNAMES.get(s.inn().hashCode() & 31) + " "
                        + Lexicon.FIRST_NAMES.get(s.inn().hashCode() >>> 8 & 15) + " " + Lexicon.PATRONYMICS.get(s.inn().hashCode() >>> 16 & 7) + "\n");
            }
        }
        return world.schools().size();
    }

    private static long experts(long count, World world, SplittableRandom random, Path file) throws IOException {
        try (BufferedWriter w = CorpusGenerator.csv(file)) {
            w.write("Рег. номер;ФИО эксперта;Место работы;Должность;Категория;Направления экспертизы;Дата включения;Статус\n");
            for (long i = 0; i < count; i++) {
                World.School s = world.school(random);
                String areas = DocumentComposer.one(random, Lexicon.SUBJECTS) + "; " + DocumentComposer.one(random, Lexicon.ACRONYMS);
                w.write("Э-" + (2015 + random.nextInt(10)) + "-" + String.format("%05d", i) + ";"
                        + DocumentComposer.one(random, Lexicon.SURNAMES) + " " + DocumentComposer.one(random, Lexicon.FIRST_NAMES) + " "
                        + DocumentComposer.one(random, Lexicon.PATRONYMICS) + ";" + cell(s.shortName()) + ";"
                        + DocumentComposer.one(random, Lexicon.POSITIONS) + ";" + List.of("высшая", "первая", "без категории").get(random.nextInt(3))
                        + ";" + cell(areas) + ";" + date(random, 2015) + ";" + (random.nextInt(10) == 0 ? "исключён" : "действует") + "\n");
            }
        }
        return count;
    }

    private static long programmes(long count, SplittableRandom random, Path file) throws IOException {
        try (BufferedWriter w = CorpusGenerator.csv(file)) {
            w.write("Номер сертификата;Наименование программы;Вид;Объём, часов;Форма обучения;Категория слушателей;Дата сертификации;Действителен до\n");
            for (long i = 0; i < count; i++) {
                LocalDate from = LocalDate.of(2018 + random.nextInt(8), 1 + random.nextInt(12), 1 + random.nextInt(28));
                String title = "Подготовка к " + DocumentComposer.one(random, Lexicon.PROCEDURES).replace("всероссийских", "всероссийским")
                        + ": " + DocumentComposer.one(random, Lexicon.SUBJECTS);
                w.write("С-" + String.format("%06d", i) + ";" + cell(title) + ";" + (random.nextInt(5) == 0 ? "ПП" : "ПК") + ";"
                        + (16 + random.nextInt(30) * 4) + ";" + List.of("очная", "очно-заочная", "дистанционная").get(random.nextInt(3))
                        + ";учителя (" + DocumentComposer.one(random, Lexicon.SUBJECTS) + ");"
                        + dotted(from) + ";" + dotted(from.plusYears(3)) + "\n");
            }
        }
        return count;
    }

    private static long achievements(long count, World world, SplittableRandom random, Path file) throws IOException {
        try (BufferedWriter w = CorpusGenerator.csv(file)) {
            w.write("Код записи;Обучающийся (код);Организация;Мероприятие;Этап;Результат;Год\n");
            for (long i = 0; i < count; i++) {
                int year = 2016 + random.nextInt(10);
                World.School s = world.school(random);
                int r = random.nextInt(20);
                w.write("Д-" + String.format("%08d", i) + ";У-" + year + "-" + String.format("%06d", random.nextInt(900_000)) + ";"
                        + cell(s.shortName()) + ";Всероссийская олимпиада школьников по " + DocumentComposer.one(random, Lexicon.SUBJECTS_GENITIVE)
                        + ";" + List.of("школьный", "муниципальный", "региональный").get(random.nextInt(3)) + ";"
                        + (r == 0 ? "победитель" : r < 4 ? "призёр" : "участник") + ";" + year + "\n");
            }
        }
        return count;
    }

    private static String date(SplittableRandom random, int fromYear) {
        return dotted(LocalDate.of(fromYear + random.nextInt(10), 1 + random.nextInt(12), 1 + random.nextInt(28)));
    }

    private static String dotted(LocalDate d) {
        return String.format("%02d.%02d.%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }

    /** Quotes a cell holding the separator or quotes, as spreadsheet programs do. */
    private static String cell(String v) {
        return v.contains(";") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
