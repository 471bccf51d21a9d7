package ru.soko.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Who issues the synthetic documents: the authorities of {@code index-config/issuers.json} (so
 * requisites, levels and territories are read as in real use) and generated schools in their
 * municipalities. Weights make regional and municipal documents the bulk, as in a region's archive.
 */
final class World {

    /** An authority: its heading in capitals, its name in the genitive for citations, place, signatory. */
    record Authority(String heading, String genitive, String place, String signatory, int weight) {
    }

    /** A school of a municipality (invented: number and type vary). */
    record School(String fullName, String shortName, String municipality, String place, String inn) {
    }

    static final List<Authority> AUTHORITIES = List.of(
            new Authority("МИНИСТЕРСТВО ПРОСВЕЩЕНИЯ РОССИЙСКОЙ ФЕДЕРАЦИИ", "Министерства просвещения Российской Федерации", "г. Москва", "Министр", 2),
            new Authority("ФЕДЕРАЛЬНАЯ СЛУЖБА ПО НАДЗОРУ В СФЕРЕ ОБРАЗОВАНИЯ И НАУКИ", "Федеральной службы по надзору в сфере образования и науки", "г. Москва", "Руководитель", 2),
            new Authority("МИНИСТЕРСТВО ОБРАЗОВАНИЯ КУЗБАССА", "Министерства образования Кузбасса", "г. Кемерово", "Министр образования Кузбасса", 14),
            new Authority("ГУ «РЕГИОНАЛЬНЫЙ ЦЕНТР МОНИТОРИНГА КАЧЕСТВА ОБРАЗОВАНИЯ КУЗБАССА»", "ГУ «Региональный центр мониторинга качества образования Кузбасса»", "г. Кемерово", "Директор", 6),
            new Authority("ГОУ ДПО «КУЗБАССКИЙ РЕГИОНАЛЬНЫЙ ИНСТИТУТ ПОВЫШЕНИЯ КВАЛИФИКАЦИИ И ПЕРЕПОДГОТОВКИ РАБОТНИКОВ ОБРАЗОВАНИЯ»", "КРИПКиПРО", "г. Кемерово", "Ректор", 4),
            new Authority("МИНИСТЕРСТВО ПРОСВЕЩЕНИЯ, НАУКИ И ПО ДЕЛАМ МОЛОДЁЖИ КАБАРДИНО-БАЛКАРСКОЙ РЕСПУБЛИКИ", "Министерства просвещения, науки и по делам молодёжи Кабардино-Балкарской Республики", "г. Нальчик", "Министр", 4),
            new Authority("УПРАВЛЕНИЕ ОБРАЗОВАНИЯ АДМИНИСТРАЦИИ ГОРОДА КЕМЕРОВО", "управления образования администрации города Кемерово", "г. Кемерово", "Начальник управления образования", 8),
            new Authority("КОМИТЕТ ОБРАЗОВАНИЯ И НАУКИ АДМИНИСТРАЦИИ ГОРОДА НОВОКУЗНЕЦКА", "комитета образования и науки администрации города Новокузнецка", "г. Новокузнецк", "Председатель комитета", 7),
            new Authority("УПРАВЛЕНИЕ ОБРАЗОВАНИЯ АДМИНИСТРАЦИИ МАРИИНСКОГО МУНИЦИПАЛЬНОГО ОКРУГА", "управления образования администрации Мариинского муниципального округа", "г. Мариинск", "Начальник управления образования", 4),
            new Authority("УПРАВЛЕНИЕ ОБРАЗОВАНИЯ МЕСТНОЙ АДМИНИСТРАЦИИ ЧЕГЕМСКОГО МУНИЦИПАЛЬНОГО РАЙОНА", "управления образования местной администрации Чегемского муниципального района", "г. Чегем", "Начальник управления образования", 3),
            new Authority("УПРАВЛЕНИЕ ОБРАЗОВАНИЯ АДМИНИСТРАЦИИ МУНИЦИПАЛЬНОГО ОБРАЗОВАНИЯ «СТАРОМАЙНСКИЙ РАЙОН»", "управления образования администрации муниципального образования «Старомайнский район»", "р.п. Старая Майна", "Начальник управления образования", 3));

    private static final String[][] MUNICIPALITIES = {
            {"Кемеровский городской округ", "г. Кемерово"}, {"Новокузнецкий городской округ", "г. Новокузнецк"},
            {"Мариинский муниципальный округ", "г. Мариинск"}, {"Чегемский муниципальный район", "г. Чегем"},
            {"муниципальное образование «Старомайнский район»", "р.п. Старая Майна"}};

    private static final String[][] SCHOOL_TYPES = {
            {"Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № %d»", "МБОУ «СОШ № %d»"},
            {"Муниципальное автономное общеобразовательное учреждение «Гимназия № %d»", "МАОУ «Гимназия № %d»"},
            {"Муниципальное бюджетное общеобразовательное учреждение «Лицей № %d»", "МБОУ «Лицей № %d»"},
            {"Муниципальное бюджетное общеобразовательное учреждение «Основная общеобразовательная школа № %d»", "МБОУ «ООШ № %d»"},
            {"Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад № %d»", "МБДОУ «Детский сад № %d»"}};

    private final List<School> schools;
    private final int totalWeight;

    /** {@code schoolCount} schools spread over the municipalities, numbered so that names never repeat. */
    World(int schoolCount, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<School> list = new ArrayList<>(schoolCount);
        for (int i = 0; i < schoolCount; i++) {
            String[] municipality = MUNICIPALITIES[i % MUNICIPALITIES.length];
            String[] type = SCHOOL_TYPES[random.nextInt(100) < 60 ? 0 : 1 + random.nextInt(SCHOOL_TYPES.length - 1)];
            int number = i / MUNICIPALITIES.length + 1;
            list.add(new School(type[0].formatted(number), type[1].formatted(number) + " " + municipality[1], municipality[0],
                    municipality[1], Inn.of(i)));
        }
        this.schools = List.copyOf(list);
        this.totalWeight = AUTHORITIES.stream().mapToInt(Authority::weight).sum();
    }

    List<School> schools() {
        return schools;
    }

    Authority authority(SplittableRandom random) {
        int r = random.nextInt(totalWeight);
        for (Authority a : AUTHORITIES) {
            r -= a.weight();
            if (r < 0) {
                return a;
            }
        }
        return AUTHORITIES.get(0);
    }

    /** Schools are not equally active: a Zipf-like pick makes some appear in many documents. */
    School school(SplittableRandom random) {
        double u = random.nextDouble();
        return schools.get((int) Math.min(schools.size() - 1, Math.floor(schools.size() * u * u)));
    }

    /** Valid 10-digit ИНН of a legal entity (check digit as the tax service computes it). */
    static final class Inn {
        private static final int[] WEIGHTS = {2, 4, 10, 3, 5, 9, 4, 6, 8};

        private Inn() {
        }

        /** Distinct for distinct {@code serial} below 10 million. */
        static String of(long serial) {
            String digits = "42" + String.format("%07d", serial % 10_000_000L);
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (digits.charAt(i) - '0') * WEIGHTS[i];
            }
            return digits + (sum % 11 % 10);
        }
    }
}
