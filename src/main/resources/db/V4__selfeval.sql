-- Indicator values read from self-evaluation reports: one row per table row of one report.
CREATE TABLE selfeval_values (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id  INTEGER NOT NULL REFERENCES documents (id),
    organisation TEXT    NOT NULL,
    year         INTEGER NOT NULL,
    code         TEXT,
    name         TEXT,
    unit         TEXT,
    -- for a «человек/%» row, the indicator whose count is 100 % (from index-config/indicators.json)
    base         TEXT,
    value        REAL,
    percent      REAL,
    cell         TEXT,
    line         INTEGER,
    recognised   INTEGER NOT NULL,
    -- 0 once a newer report of the same organisation and year replaced these values (kept as history).
    current      INTEGER NOT NULL DEFAULT 1
);

CREATE INDEX selfeval_values_org ON selfeval_values (organisation, year, current);
CREATE INDEX selfeval_values_document ON selfeval_values (document_id);

-- An auditor's or administrator's correction of one figure, kept apart from what was read.
CREATE TABLE selfeval_corrections (
    organisation TEXT    NOT NULL,
    year         INTEGER NOT NULL,
    code         TEXT    NOT NULL,
    value        REAL,
    percent      REAL,
    actor        TEXT    NOT NULL,
    at           TEXT    NOT NULL,
    PRIMARY KEY (organisation, year, code)
);
