-- People who log in to the site. Anonymous visitors have no row; passwords are stored as
-- Argon2id hashes in PHC form (algorithm, parameters and salt travel with the hash).
CREATE TABLE users (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    name          TEXT    NOT NULL,
    -- the name in lower case, folded in Java: SQLite's NOCASE folds Latin letters only, not Cyrillic
    name_key      TEXT    NOT NULL UNIQUE,
    role          TEXT    NOT NULL CHECK (role IN ('expert', 'auditor', 'admin')),
    password_hash TEXT    NOT NULL,
    disabled      INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT    NOT NULL
);

-- Tokens for the upload and edit API; only a SHA-256 of the token is kept, the token is shown once.
CREATE TABLE api_tokens (
    token_sha256  TEXT    PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES users (id),
    label         TEXT    NOT NULL,
    created_at    TEXT    NOT NULL
);

-- A withdrawn document leaves every public view but is never deleted; only administrators see it.
ALTER TABLE documents ADD COLUMN withdrawn_at TEXT;
ALTER TABLE documents ADD COLUMN withdrawn_reason TEXT;

CREATE INDEX audit_log_at ON audit_log (at);
