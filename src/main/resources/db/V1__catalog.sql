-- The catalogue: one row per distinct original (by SHA-256), with the text extracted from it.
CREATE TABLE documents (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    sha256          TEXT    NOT NULL UNIQUE,
    source_name     TEXT    NOT NULL,
    source_path     TEXT,
    media_type      TEXT    NOT NULL,
    format          TEXT    NOT NULL,
    size_bytes      INTEGER NOT NULL,
    title           TEXT,
    text            TEXT    NOT NULL,
    text_truncated  INTEGER NOT NULL DEFAULT 0,
    text_source     TEXT    NOT NULL CHECK (text_source IN ('layer', 'ocr', 'none')),
    needs_ocr       INTEGER NOT NULL DEFAULT 0,
    metadata_json   TEXT    NOT NULL DEFAULT '{}',
    warnings_json   TEXT    NOT NULL DEFAULT '[]',
    visibility      TEXT    NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'internal')),
    ingested_at     TEXT    NOT NULL,
    -- 0 until the document's index entry is committed; rows left at 0 by a crash are indexed at next open.
    indexed         INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX documents_unindexed ON documents (indexed) WHERE indexed = 0;

CREATE TABLE audit_log (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    at      TEXT NOT NULL,
    actor   TEXT NOT NULL,
    action  TEXT NOT NULL,
    target  TEXT,
    details TEXT NOT NULL DEFAULT '{}'
);

CREATE INDEX audit_log_target ON audit_log (target);
