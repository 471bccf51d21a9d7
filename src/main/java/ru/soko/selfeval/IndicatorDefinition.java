package ru.soko.selfeval;

import java.util.List;

/**
 * One indicator of a list of приказ № 1324 as {@code indicators.json} states it.
 *
 * @param code     number in the act («1.19.1»)
 * @param name     official wording
 * @param unit     unit of measure («человек/%», «балл», «да/нет»); null for a heading without one
 * @param variants other wordings reports use for the same indicator
 * @param heading  true for a row that only introduces its sub-rows and has no figure of its own
 *                 («… стаж работы которых составляет:»)
 * @param base     for a «человек/%» row, the code of the row whose number is 100 % (1.1 for a share of
 *                 all students); lets a reader check that a pair «126/52,3» fits the row it is put on
 */
public record IndicatorDefinition(String code, String name, String unit, List<String> variants, boolean heading,
                                  String base) {

    public IndicatorDefinition {
        variants = variants == null ? List.of() : List.copyOf(variants);
    }

    /** The official name and every variant: the texts a printed name is compared with. */
    List<String> wordings() {
        return variants.isEmpty() ? List.of(name)
                : java.util.stream.Stream.concat(java.util.stream.Stream.of(name), variants.stream()).toList();
    }
}
