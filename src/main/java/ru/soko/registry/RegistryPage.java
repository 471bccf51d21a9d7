package ru.soko.registry;

import java.util.List;

/** One page of a registry's matching records, in order, and how many records match in all. */
public record RegistryPage(List<RegistryRecord> records, long total) {
}
