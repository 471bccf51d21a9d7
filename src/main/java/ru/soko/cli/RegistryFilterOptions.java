package ru.soko.cli;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import ru.soko.registry.RegistryQuery;
import ru.soko.requisites.RussianDates;

/** Filters of a registry listing or export: {@code --filter field=value}, {@code --status}, {@code --valid-on}. */
final class RegistryFilterOptions {

    @Option(names = "--filter", paramLabel = "FIELD=VALUE",
            description = "Поле и значение (можно повторять), например subject=математика, grade=7, municipality=Кемеровский.")
    List<String> filters = new java.util.ArrayList<>();

    @Option(names = "--status", paramLabel = "STATUS", description = "действует или исключён. По умолчанию — все записи.")
    String status;

    @Option(names = "--valid-on", paramLabel = "DATE", description = "Только записи, действующие на дату (01.09.2025).")
    String validOn;

    RegistryQuery query() {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String f : filters) {
            int eq = f.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--filter ждёт поле=значение, а не «" + f + "»");
            }
            fields.put(f.substring(0, eq).strip(), f.substring(eq + 1).strip());
        }
        LocalDate date = validOn == null ? null : RussianDates.parseWhole(validOn)
                .orElseThrow(() -> new IllegalArgumentException("--valid-on: «" + validOn + "» — не дата"));
        return new RegistryQuery(fields, status, date);
    }
}
