-- An organisation's registry card lists the documents it issued or that name it. Without these the
-- card read every document row, through the stored text to the requisites after it: 8 s at 455 000
-- documents, for any visitor who opens the card. Both sides of its OR now have an index. The
-- expression must stay the same as in Catalog.idsAbout for SQLite to use it.
CREATE INDEX IF NOT EXISTS documents_issuer ON documents (issuer);
CREATE INDEX IF NOT EXISTS documents_organisation ON documents (json_extract(requisites_json, '$.organisation'));
