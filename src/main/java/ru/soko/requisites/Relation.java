package ru.soko.requisites;

/** How a document cites another act. */
public enum Relation {
    /** A plain citation («в соответствии с приказом … от … № …»). */
    REFERENCES,
    /** This document is an annex approved by the cited act («Утверждено приказом … от … № …»). */
    APPROVED_BY,
    /** This document amends the cited act («О внесении изменений в приказ … от … № …»). */
    AMENDS,
    /** This document repeals the cited act («Признать утратившим силу приказ … от … № …»). */
    REPEALS
}
