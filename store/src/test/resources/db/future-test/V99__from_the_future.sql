-- A schema from a later program, for the upgrade test only: a program that knows fewer migrations
-- must refuse a corpus that has this one.
ALTER TABLE inputs ADD COLUMN fetched_at TEXT;
