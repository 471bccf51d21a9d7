package ru.soko.requisites;
// PLACEHOLDER in the worktree only; replaced by the real class.
public final class RequisiteExtractor {
    public RequisiteExtractor(IssuerDirectory d) { }
    public ExtractedRequisites extract(String text, java.util.Map<String, String> metadata) { return ExtractedRequisites.NONE; }
}
