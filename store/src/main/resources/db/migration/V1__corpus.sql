-- The Triangulate corpus, schema 1. One SQL dialect for SQLite and PostgreSQL: TEXT and BIGINT
-- columns, primary keys, deferred foreign keys (checked at commit), no vendor types.
--
-- Payload columns hold JSON exactly as report.json writes that record (JsonReportWriter), compact;
-- key columns hold ids as they are, except that a backslash, a NUL or an unpaired surrogate is
-- escaped (\\, \0, \uXXXX) so that every id fits either database. See docs/store.md.

-- One row: the state as a whole.
CREATE TABLE corpus (
  id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
  report_schema TEXT NOT NULL,
  inputs BIGINT NOT NULL CHECK (inputs >= 0),
  generation BIGINT NOT NULL CHECK (generation >= 0)
);
INSERT INTO corpus (id, report_schema, inputs, generation) VALUES (1, 'triangulate.report/1', 0, 0);

-- Input files and records, by the source name the report gives them.
CREATE TABLE inputs (
  source TEXT NOT NULL PRIMARY KEY,
  content_sha256 TEXT
);

CREATE TABLE articles (
  id TEXT NOT NULL PRIMARY KEY,
  source TEXT NOT NULL REFERENCES inputs (source) DEFERRABLE INITIALLY DEFERRED,
  text_sha256 TEXT NOT NULL,
  article TEXT NOT NULL
);
CREATE INDEX articles_source ON articles (source);

CREATE TABLE annotations (
  article_id TEXT NOT NULL PRIMARY KEY REFERENCES articles (id) DEFERRABLE INITIALLY DEFERRED,
  annotations TEXT NOT NULL
);

CREATE TABLE entities (
  id TEXT NOT NULL PRIMARY KEY,
  entity TEXT NOT NULL
);

CREATE TABLE stories (
  id TEXT NOT NULL PRIMARY KEY,
  fingerprint TEXT NOT NULL,
  story TEXT NOT NULL
);

CREATE TABLE story_articles (
  story_id TEXT NOT NULL REFERENCES stories (id) DEFERRABLE INITIALLY DEFERRED,
  article_id TEXT NOT NULL REFERENCES articles (id) DEFERRABLE INITIALLY DEFERRED,
  PRIMARY KEY (story_id, article_id)
);
CREATE INDEX story_articles_article ON story_articles (article_id);

CREATE TABLE story_aliases (
  story_id TEXT NOT NULL REFERENCES stories (id) DEFERRABLE INITIALLY DEFERRED,
  alias TEXT NOT NULL,
  PRIMARY KEY (story_id, alias)
);

CREATE TABLE provenance (
  story_id TEXT NOT NULL PRIMARY KEY REFERENCES stories (id) DEFERRABLE INITIALLY DEFERRED,
  fingerprint TEXT NOT NULL,
  provenance TEXT NOT NULL
);

CREATE TABLE reconciliation (
  story_id TEXT NOT NULL PRIMARY KEY REFERENCES stories (id) DEFERRABLE INITIALLY DEFERRED,
  fingerprint TEXT NOT NULL,
  reconciliation TEXT NOT NULL
);

CREATE TABLE problems (
  id TEXT NOT NULL PRIMARY KEY,
  source TEXT NOT NULL,
  stage TEXT NOT NULL,
  severity TEXT NOT NULL,
  problem TEXT NOT NULL
);
CREATE INDEX problems_source ON problems (source);
