-- A later schema, for the upgrade test only: when an input was fetched, and a lookup by hash.
ALTER TABLE inputs ADD COLUMN fetched_at TEXT;
CREATE INDEX inputs_content_sha256 ON inputs (content_sha256);
