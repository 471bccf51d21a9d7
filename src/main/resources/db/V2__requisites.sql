-- Requisites read from the text (as JSON, exactly as the extractor gave them) and the effective
-- values after administrators' corrections, denormalised into columns for lookups and joins.
ALTER TABLE documents ADD COLUMN requisites_json TEXT NOT NULL DEFAULT '{}';
ALTER TABLE documents ADD COLUMN kind TEXT;
ALTER TABLE documents ADD COLUMN issuer TEXT;
ALTER TABLE documents ADD COLUMN act_date TEXT;
ALTER TABLE documents ADD COLUMN act_number TEXT;

CREATE INDEX documents_act ON documents (act_number, act_date);

-- An administrator's correction of one requisite; kept apart so re-extraction never loses it.
CREATE TABLE overrides (
    document_id INTEGER NOT NULL REFERENCES documents (id),
    field       TEXT    NOT NULL,
    value       TEXT,
    actor       TEXT    NOT NULL,
    at          TEXT    NOT NULL,
    PRIMARY KEY (document_id, field)
);

-- Every act a document cites, with the archive document it resolves to (when there is one).
CREATE TABLE citations (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id INTEGER NOT NULL REFERENCES documents (id),
    position    INTEGER NOT NULL,
    relation    TEXT    NOT NULL CHECK (relation IN ('references', 'approved_by', 'amends', 'repeals')),
    kind        TEXT,
    issuer      TEXT,
    act_date    TEXT,
    act_number  TEXT    NOT NULL,
    title       TEXT,
    target_id   INTEGER REFERENCES documents (id)
);

CREATE INDEX citations_document ON citations (document_id);
CREATE INDEX citations_target ON citations (target_id);
CREATE INDEX citations_unresolved ON citations (act_number) WHERE target_id IS NULL;
