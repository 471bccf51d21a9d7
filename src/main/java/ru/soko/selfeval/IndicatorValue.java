package ru.soko.selfeval;
// PLACEHOLDER (worktree only): replaced by the real class.
public record IndicatorValue(String code, String name, String unit, Double value, Double percent, String cell, boolean recognised, int line) {
}
