package ru.soko.ingest;

import java.util.regex.Pattern;
import ru.soko.extract.Extraction;

/**
 * A provisional title until requisites are read from the text: the file's own title property when
 * it looks like one, else the first line of text, else the file name.
 */
final class TitleGuess {

    private static final int MAX_LENGTH = 300;
    private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");
    private static final Pattern FILE_LIKE = Pattern.compile("(?i).*\\.(docx?|pdf|odt|rtf|xlsx?|html?|txt)$|^microsoft .*");

    private TitleGuess() {
    }

    static String of(Extraction extraction, ru.soko.ingest.FileCollector.Input input) {
        String property = extraction.metadata().get("dc:title");
        if (property != null && CYRILLIC.matcher(property).find() && !FILE_LIKE.matcher(property.strip()).matches()) {
            return cut(SafeNames.clean(property).strip());
        }
        return extraction.text().lines().map(String::strip).filter(l -> l.length() > 3).findFirst()
                .map(TitleGuess::cut)
                .orElse(SafeNames.name(String.valueOf(input.file().getFileName())));
    }

    private static String cut(String value) {
        return value.length() > MAX_LENGTH ? value.substring(0, MAX_LENGTH) + "…" : value;
    }
}
