-- The number of records of each registry in each status, kept by triggers, so a registry's table
-- and the list of registries show their totals without counting a million index entries.
CREATE TABLE registry_counts (
    registry TEXT    NOT NULL,
    status   TEXT    NOT NULL,
    n        INTEGER NOT NULL,
    PRIMARY KEY (registry, status)
) WITHOUT ROWID;

INSERT INTO registry_counts (registry, status, n)
SELECT registry, status, count(*) FROM registry_records GROUP BY registry, status;

-- Each trigger stays on one line: the migration runner splits scripts at «;» before a line break.
CREATE TRIGGER registry_counts_insert AFTER INSERT ON registry_records BEGIN INSERT INTO registry_counts (registry, status, n) VALUES (new.registry, new.status, 1) ON CONFLICT (registry, status) DO UPDATE SET n = n + 1; END;

CREATE TRIGGER registry_counts_delete AFTER DELETE ON registry_records BEGIN UPDATE registry_counts SET n = n - 1 WHERE registry = old.registry AND status = old.status; END;

CREATE TRIGGER registry_counts_update AFTER UPDATE OF registry, status ON registry_records BEGIN UPDATE registry_counts SET n = n - 1 WHERE registry = old.registry AND status = old.status; INSERT INTO registry_counts (registry, status, n) VALUES (new.registry, new.status, 1) ON CONFLICT (registry, status) DO UPDATE SET n = n + 1; END;
