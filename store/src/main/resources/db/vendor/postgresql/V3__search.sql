-- Schema 3 on PostgreSQL: the full-text search index. One row per searchable thing in
-- search_entries (kind 'article', 'claim', 'entity' or 'quote'), its words as terms (SearchText:
-- lower case, without diacritics, joined by single spaces), a tsvector of them under the 'simple'
-- configuration (no stemming, no stop words) and a GIN index over it.
-- The store fills the index when it opens a corpus whose search_state.format is not its own, so a
-- corpus upgraded from an earlier schema is indexed on its first open. See docs/store.md.

CREATE TABLE search_entries (
  kind TEXT NOT NULL,
  item TEXT NOT NULL,
  story_id TEXT,
  article_id TEXT,
  span_begin INTEGER,
  span_end INTEGER,
  terms TEXT NOT NULL,
  terms_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, terms)) STORED,
  PRIMARY KEY (kind, item)
);
-- fastupdate off: a write puts its terms in the index itself, not in a pending list that every
-- search reads through until vacuum merges it (and that makes the planner avoid the index).
CREATE INDEX search_entries_terms ON search_entries USING GIN (terms_vector) WITH (fastupdate = off);

-- One row: the format the index was built in (SearchIndex.FORMAT); 0 until it is first built.
CREATE TABLE search_state (
  id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
  format INTEGER NOT NULL
);
INSERT INTO search_state (id, format) VALUES (1, 0);
