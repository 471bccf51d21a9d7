package ru.soko.bench;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import ru.soko.bench.SyntheticDocument.Block;
import ru.soko.bench.SyntheticDocument.Paragraph;
import ru.soko.bench.SyntheticDocument.Table;

/**
 * Composes synthetic documents of the archive's genres with their requisites where the requisite
 * reader looks for them (heading, «от … № …», place, title, signature) and citations of federal acts
 * and of acts generated earlier (approval, amendment, repeal), so the network of links is realistic.
 * One composer per corpus: it remembers the last acts it issued (a bounded window) to cite them.
 */
final class DocumentComposer {

    /** A page of a typed act holds about this many characters. */
    static final int CHARS_PER_PAGE = 1800;
    private static final int REMEMBERED_ACTS = 2000;

    /** Shares of genres in a region's archive (per thousand). */
    private static final String[] KINDS = {"приказ", "положение", "отчёт о самообследовании", "экспертное заключение",
            "аналитическая справка", "методические рекомендации", "план"};
    private static final int[] KIND_SHARES = {330, 90, 260, 160, 80, 40, 40};

    private record IssuedAct(String genitive, String date, String number, String title) {
    }

    private final World world;
    private final Deque<IssuedAct> recent = new ArrayDeque<>();
    private int orderNumber = 1;

    DocumentComposer(World world) {
        this.world = world;
    }

    SyntheticDocument next(long serial, SplittableRandom random) {
        String kind = pick(random);
        int year = 2014 + (int) Math.floor(12 * Math.sqrt(random.nextDouble())); // more recent years more often
        year = Math.min(year, 2025);
        LocalDate date = LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28));
        int targetChars = (int) (pages(random) * CHARS_PER_PAGE);
        List<Block> blocks = switch (kind) {
            case "приказ" -> order(random, date, targetChars);
            case "положение" -> regulation(random, date, targetChars, "Положение");
            case "отчёт о самообследовании" -> report(random, year, targetChars);
            case "экспертное заключение" -> conclusion(random, date, targetChars);
            case "аналитическая справка" -> analysis(random, date, targetChars, "АНАЛИТИЧЕСКАЯ СПРАВКА");
            case "методические рекомендации" -> analysis(random, date, targetChars, "МЕТОДИЧЕСКИЕ РЕКОМЕНДАЦИИ");
            default -> regulation(random, date, targetChars, "План мероприятий");
        };
        String name = String.format("%03d/%s-%07d", serial / 1000 % 1000, slug(kind), serial);
        return new SyntheticDocument(name, kind, year, blocks);
    }

    /** Log-normal page counts: median about 1.5 pages, a long tail, clipped to 0.5–100 pages. */
    static double pages(SplittableRandom random) {
        double gaussian = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
        return Math.max(0.5, Math.min(100, Math.exp(Math.log(1.5) + 0.95 * gaussian)));
    }

    private static String pick(SplittableRandom random) {
        int r = random.nextInt(1000);
        for (int i = 0; i < KINDS.length; i++) {
            r -= KIND_SHARES[i];
            if (r < 0) {
                return KINDS[i];
            }
        }
        return KINDS[0];
    }

    private List<Block> order(SplittableRandom random, LocalDate date, int targetChars) {
        World.Authority issuer = world.authority(random);
        String number = String.valueOf(orderNumber++ % 3000 + 1);
        String topic = one(random, Lexicon.ORDER_TOPICS) + (random.nextBoolean() ? " в " + date.getYear() + " году" : "");
        List<Block> b = new ArrayList<>();
        b.add(new Paragraph(issuer.heading(), true));
        b.add(new Paragraph("ПРИКАЗ", true));
        b.add(new Paragraph("от " + dotted(date) + " № " + number, false));
        b.add(new Paragraph(issuer.place(), false));
        b.add(new Paragraph(topic, true));
        StringBuilder preamble = new StringBuilder("В соответствии с ");
        preamble.append(citation(random, Lexicon.FEDERAL_ACTS.get(0))).append(", ");
        for (int i = 0; i < 1 + random.nextInt(3); i++) {
            preamble.append(citation(random, one(random, Lexicon.FEDERAL_ACTS))).append(", ");
        }
        IssuedAct earlier = earlier(random);
        if (earlier != null) {
            preamble.append("приказом ").append(earlier.genitive()).append(" от ").append(earlier.date()).append(" № ")
                    .append(earlier.number()).append(" «").append(earlier.title()).append("», ");
        }
        preamble.append(Character.toLowerCase(one(random, Lexicon.PREAMBLES).charAt(0)))
                .append(one(random, Lexicon.PREAMBLES).substring(1));
        b.add(new Paragraph(preamble.toString(), false));
        b.add(new Paragraph("ПРИКАЗЫВАЮ:", false));
        int point = 1;
        int size = size(b);
        while (size < targetChars - 300 || point <= 3) {
            String text = point + ". " + one(random, Lexicon.ORDER_POINTS).formatted(one(random, Lexicon.PROCEDURES));
            if (random.nextInt(3) == 0) {
                text += " " + one(random, Lexicon.FILLER);
            }
            b.add(new Paragraph(text, false));
            size += text.length() + 2;
            point++;
        }
        IssuedAct repealed = random.nextInt(8) == 0 ? earlier(random) : null;
        if (repealed != null) {
            b.add(new Paragraph(point++ + ". Признать утратившим силу приказ " + repealed.genitive() + " от " + repealed.date()
                    + " № " + repealed.number() + " «" + repealed.title() + "».", false));
        }
        b.add(new Paragraph(point + ". Контроль за исполнением настоящего приказа оставляю за собой.", false));
        b.add(new Paragraph(issuer.signatory() + "    " + person(random), false));
        remember(new IssuedAct(issuer.genitive(), dotted(date), number, topic));
        return b;
    }

    private List<Block> regulation(SplittableRandom random, LocalDate date, int targetChars, String what) {
        World.Authority issuer = world.authority(random);
        IssuedAct approving = earlier(random);
        List<Block> b = new ArrayList<>();
        b.add(new Paragraph("Утверждено приказом " + issuer.genitive() + " от " + dotted(date) + " № "
                + (approving == null ? String.valueOf(1 + random.nextInt(900)) : approving.number()), false));
        String subject = switch (random.nextInt(4)) {
            case 0 -> "о региональной системе оценки качества образования";
            case 1 -> "о муниципальной системе оценки качества образования";
            case 2 -> "о проведении мониторинга " + one(random, Lexicon.PROCEDURES);
            default -> "по организации " + one(random, Lexicon.PROCEDURES) + " на " + date.getYear() + "–" + (date.getYear() + 2) + " годы";
        };
        b.add(new Paragraph(what.toUpperCase(java.util.Locale.ROOT), true));
        b.add(new Paragraph(subject, true));
        int size = size(b);
        int section = 1;
        while (size < targetChars - 200 || section <= 3) {
            String heading = section + ". " + Lexicon.REGULATION_SECTIONS.get((section - 1) % Lexicon.REGULATION_SECTIONS.size());
            b.add(new Paragraph(heading, true));
            size += heading.length();
            if (heading.endsWith("Нормативно-правовая основа")) {
                for (int i = 0; i < 3 + random.nextInt(6); i++) {
                    String text = section + "." + (i + 1) + ". " + capital(citation(random, one(random, Lexicon.FEDERAL_ACTS))) + ";";
                    b.add(new Paragraph(text, false));
                    size += text.length();
                }
            }
            for (int i = 1; i <= 2 + random.nextInt(5); i++) {
                String text = section + "." + i + ". " + one(random, Lexicon.REGULATION_CLAUSES);
                if (random.nextBoolean()) {
                    text += " " + one(random, Lexicon.FILLER);
                }
                b.add(new Paragraph(text, false));
                size += text.length();
            }
            section++;
        }
        return b;
    }

    private List<Block> report(SplittableRandom random, int year, int targetChars) {
        World.School school = world.school(random);
        int reportYear = year - 1;
        List<Block> b = new ArrayList<>();
        b.add(new Paragraph("УТВЕРЖДАЮ", false));
        b.add(new Paragraph("Директор " + school.shortName() + "  " + person(random), false));
        b.add(new Paragraph(dotted(LocalDate.of(year, 3 + random.nextInt(2), 1 + random.nextInt(19))), false));
        b.add(new Paragraph("ОТЧЁТ о результатах самообследования " + school.fullName() + " за " + reportYear + " год", true));
        b.add(new Paragraph("Самообследование проведено в соответствии с " + citation(random, Lexicon.FEDERAL_ACTS.get(4)) + " и "
                + citation(random, Lexicon.FEDERAL_ACTS.get(5)) + ".", false));
        b.add(new Paragraph("Аналитическая часть", true));
        int size = size(b);
        int students = 150 + random.nextInt(1200);
        while (size < targetChars - 1500) {
            String text = one(random, Lexicon.REPORT_ANALYTIC) + " " + one(random, Lexicon.FILLER);
            b.add(new Paragraph(text, false));
            size += text.length();
        }
        b.add(new Paragraph("Показатели деятельности общеобразовательной организации, подлежащей самообследованию", true));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("№ п/п", "Показатели", "Единица измерения", "Значение"));
        for (String[] indicator : Lexicon.INDICATORS) {
            rows.add(List.of(indicator[0], indicator[1], indicator[2], value(random, indicator[2], students)));
        }
        b.add(new Table(rows));
        return b;
    }

    private List<Block> conclusion(SplittableRandom random, LocalDate date, int targetChars) {
        World.School school = world.school(random);
        String expert = one(random, Lexicon.SURNAMES) + " " + one(random, Lexicon.FIRST_NAMES) + " " + one(random, Lexicon.PATRONYMICS);
        String object = switch (random.nextInt(4)) {
            case 0 -> "отчёта о результатах самообследования " + school.shortName() + " за " + (date.getYear() - 1) + " год";
            case 1 -> "официального сайта " + school.shortName();
            case 2 -> "контрольных измерительных материалов по " + one(random, Lexicon.SUBJECTS_GENITIVE) + " для " + (4 + random.nextInt(8)) + " класса";
            default -> "объективности проведения " + one(random, Lexicon.PROCEDURES) + " в " + school.shortName();
        };
        List<Block> b = new ArrayList<>();
        b.add(new Paragraph("ЭКСПЕРТНОЕ ЗАКЛЮЧЕНИЕ", true));
        b.add(new Paragraph("по результатам экспертизы " + object, true));
        b.add(new Paragraph(dotted(date), false));
        b.add(new Paragraph("Эксперт: " + expert + ", " + one(random, Lexicon.POSITIONS) + ", эксперт РСОКО (Э-" + (date.getYear() - random.nextInt(4))
                + "-" + String.format("%03d", 1 + random.nextInt(400)) + ").", false));
        b.add(new Paragraph("Основание: " + citation(random, one(random, Lexicon.FEDERAL_ACTS)) + ".", false));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("№", "Критерий", "Вывод"));
        for (int i = 1; i <= 3 + random.nextInt(5); i++) {
            rows.add(List.of(String.valueOf(i), one(random, Lexicon.CONCLUSION_CRITERIA), one(random, Lexicon.VERDICTS)));
        }
        b.add(new Table(rows));
        int size = size(b) + rows.size() * 80;
        while (size < targetChars - 200) {
            String text = one(random, Lexicon.FILLER) + " " + one(random, Lexicon.REPORT_ANALYTIC);
            b.add(new Paragraph(text, false));
            size += text.length();
        }
        b.add(new Paragraph("Заключение: объект экспертизы " + one(random, Lexicon.VERDICTS).toUpperCase(java.util.Locale.ROOT)
                + " установленным требованиям.", false));
        b.add(new Paragraph("Эксперт ______________ " + initialsOf(expert), false));
        return b;
    }

    private List<Block> analysis(SplittableRandom random, LocalDate date, int targetChars, String heading) {
        World.Authority issuer = world.authority(random);
        String procedure = one(random, Lexicon.PROCEDURES);
        String subject = one(random, Lexicon.SUBJECTS_GENITIVE);
        List<Block> b = new ArrayList<>();
        b.add(new Paragraph(issuer.heading(), true));
        b.add(new Paragraph(heading, true));
        b.add(new Paragraph("по результатам " + procedure + " по " + subject + " в " + date.getYear() + " году", true));
        b.add(new Paragraph(dotted(date), false));
        int size = size(b);
        while (size < targetChars - 200) {
            String text = sentence(random, date.getYear()) + " " + sentence(random, date.getYear()) + " " + one(random, Lexicon.FILLER);
            b.add(new Paragraph(text, false));
            size += text.length();
            if (random.nextInt(12) == 0) {
                List<List<String>> rows = new ArrayList<>();
                rows.add(List.of("Муниципальное образование", "Участников", "Доля «2», %", "Доля «4» и «5», %"));
                for (int i = 0; i < 4 + random.nextInt(6); i++) {
                    rows.add(List.of(world.schools().get(random.nextInt(world.schools().size())).municipality(),
                            String.valueOf(50 + random.nextInt(3000)), String.valueOf(random.nextInt(25)), String.valueOf(20 + random.nextInt(60))));
                }
                b.add(new Table(rows));
                size += rows.size() * 60;
            }
        }
        b.add(new Paragraph("Исполнитель: " + person(random), false));
        return b;
    }

    private String sentence(SplittableRandom random, int year) {
        String template = one(random, Lexicon.ANALYSIS_SENTENCES);
        List<Object> args = new ArrayList<>();
        for (int i = 0; i + 1 < template.length(); i++) {
            if (template.charAt(i) == '%' && template.charAt(i + 1) == 'd') {
                // The first number of «В … году» / «По сравнению с … годом» is a year, the rest are counts.
                boolean yearSlot = args.isEmpty() && (template.startsWith("В %d году") || template.startsWith("По сравнению"));
                args.add(yearSlot ? year - (template.startsWith("По") ? 1 : 0) : 2 + random.nextInt(95));
            } else if (template.charAt(i) == '%' && template.charAt(i + 1) == 's') {
                args.add(one(random, Lexicon.SUBJECTS_GENITIVE));
            }
        }
        return template.formatted(args.toArray());
    }

    private static String value(SplittableRandom random, String unit, int students) {
        return switch (unit) {
            case "человек" -> String.valueOf(1 + random.nextInt(students));
            case "человек/%" -> {
                int n = random.nextInt(students);
                yield n + "/" + String.format(java.util.Locale.ROOT, "%.1f", 100.0 * n / students).replace('.', ',') + "%";
            }
            case "балл" -> String.format(java.util.Locale.ROOT, "%.1f", 3 + random.nextDouble() * 70).replace('.', ',');
            case "единиц" -> String.format(java.util.Locale.ROOT, "%.2f", 0.05 + random.nextDouble() * 0.4).replace('.', ',');
            default -> String.format(java.util.Locale.ROOT, "%.1f", 2 + random.nextDouble() * 8).replace('.', ',');
        };
    }

    private static String citation(SplittableRandom random, Lexicon.Act act) {
        String issuer = act.issuerGenitive().isEmpty() ? "" : " " + act.issuerGenitive();
        return act.kindInstrumental() + issuer + " от " + act.date() + " № " + act.number() + " «" + act.title() + "»";
    }

    private IssuedAct earlier(SplittableRandom random) {
        if (recent.isEmpty()) {
            return null;
        }
        // Recent acts are cited most: pick from the newest end of the window.
        int back = (int) Math.min(recent.size() - 1, Math.floor(recent.size() * Math.pow(random.nextDouble(), 3)));
        var it = recent.descendingIterator();
        IssuedAct act = it.next();
        for (int i = 0; i < back; i++) {
            act = it.next();
        }
        return act;
    }

    private void remember(IssuedAct act) {
        recent.addLast(act);
        if (recent.size() > REMEMBERED_ACTS) {
            recent.removeFirst();
        }
    }

    private static String person(SplittableRandom random) {
        return one(random, Lexicon.INITIALS) + " " + one(random, Lexicon.SURNAMES);
    }

    private static String initialsOf(String fullName) {
        String[] p = fullName.split(" ");
        return p[1].charAt(0) + "." + p[2].charAt(0) + ". " + p[0];
    }

    private static int size(List<Block> blocks) {
        int n = 0;
        for (Block b : blocks) {
            if (b instanceof Paragraph p) {
                n += p.text().length() + 2;
            }
        }
        return n;
    }

    private static String dotted(LocalDate date) {
        return String.format("%02d.%02d.%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String slug(String kind) {
        return switch (kind) {
            case "приказ" -> "prikaz";
            case "положение" -> "polozhenie";
            case "отчёт о самообследовании" -> "otchet";
            case "экспертное заключение" -> "zakluchenie";
            case "аналитическая справка" -> "spravka";
            case "методические рекомендации" -> "rekomendacii";
            default -> "plan";
        };
    }

    static <T> T one(SplittableRandom random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
