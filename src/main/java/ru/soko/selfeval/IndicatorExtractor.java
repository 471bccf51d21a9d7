package ru.soko.selfeval;
// PLACEHOLDER (worktree only): replaced by the real class.
public final class IndicatorExtractor {
    public IndicatorExtractor(IndicatorCatalogue c) { }
    public java.util.Optional<IndicatorTable> extract(String text) { return java.util.Optional.empty(); }
}
