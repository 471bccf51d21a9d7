package ru.soko.selfeval;
// PLACEHOLDER (worktree only): replaced by the real class.
public record IndicatorTable(String list, java.util.List<IndicatorValue> rows) {
}
