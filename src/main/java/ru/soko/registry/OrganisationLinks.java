package ru.soko.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Links a name or ИНН written in a sheet to the organisations registry (or, for the organisations
 * that are not schools, to the providers and assessment operators): by ИНН first, then by the
 * normalised full or short name. When nothing or more than one organisation fits, the text is kept
 * without a link and the import says so: ambiguity is reported, never guessed.
 */
public final class OrganisationLinks {

    private final Map<String, Long> byInn = new LinkedHashMap<>();
    private final Map<String, List<Long>> byName = new LinkedHashMap<>();

    public OrganisationLinks(Map<String, RegistryRecord> organisations) {
        this(organisations.values());
    }

    /** Organisations first; providers and assessment operators (keyed by ИНН too) also count as organisations. */
    public OrganisationLinks(java.util.Collection<RegistryRecord> records) {
        for (RegistryRecord r : records) {
            byInn.putIfAbsent(r.key(), r.id());
            for (String field : List.of("fullName", "shortName", "name")) {
                String name = r.text(field);
                if (name != null) {
                    List<Long> ids = byName.computeIfAbsent(normalise(name), k -> new ArrayList<>());
                    if (!ids.contains(r.id())) {
                        ids.add(r.id());
                    }
                }
            }
        }
    }

    Map<String, Object> link(String text, int row, List<String> warnings) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("text", text);
        Long id = find(text, row, warnings);
        if (id != null) {
            value.put("recordId", id);
        }
        return value;
    }

    /** The organisation's record id, or null (with a warning) when none or several fit. */
    public Long find(String text, int row, List<String> warnings) {
        String digits = text.replaceAll("\\s", "");
        if (digits.matches("\\d{10}|\\d{12}") && byInn.containsKey(digits)) {
            return byInn.get(digits);
        }
        List<Long> ids = byName.getOrDefault(normalise(text), List.of());
        if (ids.size() == 1) {
            return ids.get(0);
        }
        if (warnings != null && !byInn.isEmpty()) {
            warnings.add("строка " + row + ": организация «" + text + "» "
                    + (ids.isEmpty() ? "не найдена в реестре организаций" : "неоднозначна (подходит " + ids.size() + ")")
                    + ", ссылка не поставлена");
        }
        return null;
    }

    /** Lower case, «ё» as «е», quotes and punctuation dropped, single spaces: «МБОУ "СОШ №12"» = «мбоу сош № 12». */
    static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("[«»\"'„“”]", " ")
                .replaceAll("№\\s*", "№ ").replaceAll("[\\s\\u00A0]+", " ").strip();
    }
}
