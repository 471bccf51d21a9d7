package ru.soko.requisites;

import java.util.List;

/** The requisites of one document and every act it cites, in order of appearance. */
public record ExtractedRequisites(Requisites requisites, List<Citation> citations) {

    public static final ExtractedRequisites NONE = new ExtractedRequisites(Requisites.EMPTY, List.of());
}
