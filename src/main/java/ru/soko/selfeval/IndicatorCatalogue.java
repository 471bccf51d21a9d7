package ru.soko.selfeval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import ru.soko.util.Json;

/**
 * The indicator lists of приказ Минобрнауки России от 10.12.2013 № 1324, kept as data in
 * {@code index-config/indicators.json} so that a corrected wording or a new variant needs no rebuild.
 * Immutable once loaded.
 */
public final class IndicatorCatalogue {

    static final String RESOURCE = "index-config/indicators.json";
    static final String FILE_NAME = "indicators.json";

    /** The file as a whole: the act it comes from and its lists. */
    record File(String act, List<IndicatorList> lists) {
    }

    private final List<IndicatorList> lists;

    IndicatorCatalogue(List<IndicatorList> lists) {
        if (lists == null || lists.isEmpty()) {
            throw new IllegalArgumentException("В справочнике показателей нет ни одного перечня");
        }
        this.lists = List.copyOf(lists);
    }

    /**
     * Reads {@code indicators.json} from the index-config directory when it holds one, otherwise the
     * copy the build packs on the classpath.
     */
    public static IndicatorCatalogue load(Optional<Path> indexConfigDir) {
        Optional<Path> file = indexConfigDir.map(d -> d.resolve(FILE_NAME)).filter(Files::isRegularFile);
        try (InputStream in = file.isPresent() ? Files.newInputStream(file.get()) : classpathStream()) {
            return new IndicatorCatalogue(Json.mapper().readValue(in, File.class).lists());
        } catch (IOException e) {
            throw new UncheckedIOException("Не удалось прочитать справочник показателей "
                    + file.map(Path::toString).orElse(RESOURCE) + ": " + e.getMessage(), e);
        }
    }

    private static InputStream classpathStream() throws IOException {
        InputStream in = IndicatorCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IOException("нет ресурса " + RESOURCE);
        }
        return in;
    }

    public List<IndicatorList> lists() {
        return lists;
    }

    public Optional<IndicatorList> list(String name) {
        return lists.stream().filter(l -> l.list().equals(name)).findFirst();
    }
}
