package ru.soko.web.e2e;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.soko.Archive;
import ru.soko.access.Role;
import ru.soko.ingest.FileCollector;
import ru.soko.ingest.IngestProgress;
import ru.soko.registry.ImportReport;
import ru.soko.registry.RegistryImporter;
import ru.soko.testing.TestArchives;
import ru.soko.testing.TestFiles;
import ru.soko.web.Templates;
import ru.soko.web.WebServer;

/**
 * The real site over a small archive made in a temporary folder in a few seconds: four public
 * documents of three kinds, one staff-only draft, two registries and the staff accounts
 * admin, expert and auditor (password: the name + «-password»).
 */
final class SmallSite implements AutoCloseable {

    /** The file downloaded from its card: a Cyrillic name with spaces, to check the name survives. */
    static final String ORIGINAL_NAME = "Положение о мониторинге.docx";

    private static final String COMMON = "Мониторинг качества образования в общеобразовательных организациях: "
            + "результаты оценочных процедур, анализ успеваемости, выводы и рекомендации по повышению качества "
            + "образования.\n";

    private static final String ORGANISATIONS = """
            № п/п;Краткое наименование;Полное наименование;Тип;ИНН;Муниципальное образование;Субъект РФ;Сайт
            1;МБОУ «СОШ № 12»;Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 12»;СОШ;4205012340;Кемеровский городской округ;Кемеровская область – Кузбасс;https://school12.kem.ru
            2;МБОУ «Лицей № 76»;Муниципальное бюджетное общеобразовательное учреждение «Лицей № 76»;лицей;4217076764;Новокузнецкий городской округ;Кемеровская область – Кузбасс;https://lyceum76.ru
            3;МБОУ «ООШ № 3»;Муниципальное бюджетное общеобразовательное учреждение «Основная общеобразовательная школа № 3»;ООШ;4213003035;Мариинский муниципальный округ;Кемеровская область – Кузбасс;school3-mariinsk.ru
            """;

    private static final String EXPERTS = """
            ФИО эксперта;Регистрационный номер;Место работы;Должность;Категория;Направления экспертизы;Дата включения
            Иванова Марина Сергеевна;Э-2021-017;МБОУ «СОШ № 12»;учитель математики;высшая;"математика; ВПР; ОГЭ";15.03.2021
            Сидоренко Ольга Викторовна;Э-2022-004;МБОУ «Лицей № 76»;учитель русского языка и литературы;высшая;русский язык;10.02.2022
            Кузнецова Елена Павловна;Э-2022-031;МБОУ «ООШ № 3»;учитель начальных классов;первая;НОО;01.09.2022
            """;

    private final Path dir;
    private final Archive archive;
    private final WebServer server;
    private final Map<String, Long> ids;

    private SmallSite(Path dir, Archive archive, WebServer server, Map<String, Long> ids) {
        this.dir = dir;
        this.archive = archive;
        this.server = server;
        this.ids = ids;
    }

    static SmallSite start(Path dir) throws Exception {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        text(docs, "prikaz-77.txt", "МИНИСТЕРСТВО ОБРАЗОВАНИЯ КУЗБАССА\nПРИКАЗ\n01.02.2023 № 77\nг. Кемерово\n"
                + "О проведении мониторинга качества образования\n" + COMMON + COMMON);
        text(docs, "prikaz-115.txt", "МИНИСТЕРСТВО ОБРАЗОВАНИЯ КУЗБАССА\nПРИКАЗ\n20.01.2024 № 115\nг. Кемерово\n"
                + "Об итогах мониторинга качества подготовки обучающихся\n" + COMMON + COMMON);
        text(docs, "pismo-02-27.txt", "ПИСЬМО\nо сроках мониторинга качества образования в 2024 году\n"
                + "Направляем график проведения мониторинга.\n" + COMMON);
        TestFiles.docx(docs, ORIGINAL_NAME, "ПОЛОЖЕНИЕ о региональном мониторинге качества образования. "
                + COMMON.strip() + " Положение определяет порядок проведения мониторинга.");
        text(docs, "proekt-zaklyucheniya.txt", "ЭКСПЕРТНОЕ ЗАКЛЮЧЕНИЕ (проект)\nпо итогам мониторинга качества образования\n"
                + COMMON);
        Archive archive = Archive.open(TestArchives.withoutOcr(dir));
        Map<String, Long> ids = new LinkedHashMap<>();
        archive.ingest().ingest(FileCollector.collect(List.of(docs)), "e2e", IngestProgress.NONE).outcomes()
                .forEach(o -> ids.put(Path.of(o.file()).getFileName().toString(), o.documentId()));
        archive.setVisibility(ids.get("proekt-zaklyucheniya.txt"), "internal", "e2e");
        registry(archive, dir, "organisations", ORGANISATIONS, StandardCharsets.UTF_8);
        registry(archive, dir, "experts", EXPERTS, Charset.forName("windows-1251"));
        for (String name : List.of("admin", "expert", "auditor")) {
            archive.users().add(name, Role.valueOf(name.toUpperCase(java.util.Locale.ROOT)), name + "-password", "e2e");
        }
        WebServer server = new WebServer(archive, new Templates(Optional.empty())).start(0);
        return new SmallSite(dir, archive, server, ids);
    }

    private static void text(Path dir, String name, String content) throws Exception {
        TestFiles.text(dir, name, content, StandardCharsets.UTF_8);
    }

    private static void registry(Archive archive, Path dir, String name, String csv, Charset charset) throws Exception {
        Path file = dir.resolve(name + ".csv");
        Files.write(file, csv.getBytes(charset));
        ImportReport report = archive.importRegistry(name, file, RegistryImporter.Options.DEFAULT, "e2e");
        if (!report.written()) {
            throw new IllegalStateException("registry " + name + " not imported: " + report.errors());
        }
    }

    String base() {
        return "http://localhost:" + server.port();
    }

    /** The catalogue id of a sample file by its name. */
    long id(String fileName) {
        Long id = ids.get(fileName);
        if (id == null) {
            throw new IllegalArgumentException("no sample " + fileName + " in " + ids.keySet());
        }
        return id;
    }

    Path sample(String fileName) {
        return dir.resolve("docs").resolve(fileName);
    }

    @Override
    public void close() {
        server.close();
        archive.close();
    }
}
