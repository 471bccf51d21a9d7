-- Registry records of every registry, typed values as JSON, identified by the registry's key field.
CREATE TABLE registry_records (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    registry    TEXT    NOT NULL,
    record_key  TEXT    NOT NULL,
    data_json   TEXT    NOT NULL,
    status      TEXT    NOT NULL DEFAULT 'действует' CHECK (status IN ('действует', 'исключён')),
    status_date TEXT,
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    UNIQUE (registry, record_key)
);

CREATE INDEX registry_records_registry ON registry_records (registry, status);

-- Every change to a record: who, when, what (field: [old, new]).
CREATE TABLE registry_history (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    record_id   INTEGER NOT NULL REFERENCES registry_records (id),
    at          TEXT    NOT NULL,
    actor       TEXT    NOT NULL,
    action      TEXT    NOT NULL CHECK (action IN ('added', 'updated', 'withdrawn', 'restored', 'edited')),
    changes_json TEXT   NOT NULL DEFAULT '{}'
);

CREATE INDEX registry_history_record ON registry_history (record_id);
