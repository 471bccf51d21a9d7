package ru.soko.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Filters over one registry's records: field=value pairs (a list field matches when any item does,
 * text matches ignoring case and as a part), the status, and «valid on a date» for records with a
 * period (certificates valid until, events, periods of accreditation).
 */
public record RegistryQuery(Map<String, String> fields, String status, LocalDate validOn) {

    public static final RegistryQuery ALL = new RegistryQuery(Map.of(), null, null);

    public boolean matches(RegistrySpec spec, RegistryRecord record) {
        if (status != null && !status.equalsIgnoreCase(record.status())) {
            return false;
        }
        for (Map.Entry<String, String> f : fields.entrySet()) {
            if (spec.field(f.getKey()).isEmpty()) {
                throw new IllegalArgumentException("в реестре " + spec.name() + " нет поля «" + f.getKey() + "»");
            }
            if (!valueMatches(record.data().get(f.getKey()), f.getValue())) {
                return false;
            }
        }
        return validOn == null || validOn(record);
    }

    private boolean validOn(RegistryRecord record) {
        LocalDate from = date(record, "certifiedOn", "periodFrom", "dateFrom", "includedOn");
        LocalDate to = date(record, "validUntil", "periodTo", "dateTo");
        if (RegistryRecord.WITHDRAWN.equals(record.status()) && record.statusDate() != null && !validOn.isBefore(record.statusDate())) {
            return false;
        }
        return (from == null || !validOn.isBefore(from)) && (to == null || !validOn.isAfter(to));
    }

    private static LocalDate date(RegistryRecord record, String... names) {
        for (String n : names) {
            Object v = record.data().get(n);
            if (v != null) {
                return LocalDate.parse(v.toString());
            }
        }
        return null;
    }

    private static boolean valueMatches(Object value, String wanted) {
        if (value == null) {
            return false;
        }
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(v -> valueMatches(v, wanted));
        }
        if (value instanceof Map<?, ?> link) {
            return valueMatches(link.get("text"), wanted);
        }
        String w = wanted.toLowerCase(Locale.ROOT).replace('ё', 'е');
        String v = value.toString().toLowerCase(Locale.ROOT).replace('ё', 'е');
        return value instanceof Number ? v.equals(w) : v.contains(w);
    }
}
