-- Each record's values in lower case, folded in Java (SQLite's lower() and NOCASE fold Latin
-- letters only, not Cyrillic), so that registry tables are filtered, sorted and paged in SQL with
-- the same matching as RegistryQuery. Stored as JSONB (SQLite's binary JSON), which json_extract
-- reads without parsing text: a filter reads it for every record of the registry.
-- NULL until RegistryStore fills it in when the archive opens.
ALTER TABLE registry_records ADD COLUMN folded BLOB;
