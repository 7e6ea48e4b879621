-- Schema 3 on SQLite: the full-text search index. One row per searchable thing in search_entries
-- (kind 'article', 'claim', 'entity' or 'quote'), its words as terms (SearchText: lower case,
-- without diacritics, joined by single spaces), and an FTS5 index over them kept in step by
-- triggers (an external-content table: the terms are stored once, in search_entries).
-- The store fills the index when it opens a corpus whose search_state.format is not its own, so a
-- corpus upgraded from an earlier schema is indexed on its first open. See docs/store.md.

CREATE TABLE search_entries (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  item TEXT NOT NULL,
  story_id TEXT,
  article_id TEXT,
  span_begin INTEGER,
  span_end INTEGER,
  terms TEXT NOT NULL,
  UNIQUE (kind, item)
);

-- The terms hold no separator but the spaces between them, so the 'ascii' tokenizer reads exactly
-- the terms the store made (and lower-cases only what is lower case already).
CREATE VIRTUAL TABLE search_fts USING fts5(
  terms,
  content = 'search_entries',
  content_rowid = 'id',
  tokenize = 'ascii'
);

CREATE TRIGGER search_entries_insert AFTER INSERT ON search_entries BEGIN
  INSERT INTO search_fts (rowid, terms) VALUES (new.id, new.terms);
END;

CREATE TRIGGER search_entries_delete AFTER DELETE ON search_entries BEGIN
  INSERT INTO search_fts (search_fts, rowid, terms) VALUES ('delete', old.id, old.terms);
END;

CREATE TRIGGER search_entries_update AFTER UPDATE ON search_entries BEGIN
  INSERT INTO search_fts (search_fts, rowid, terms) VALUES ('delete', old.id, old.terms);
  INSERT INTO search_fts (rowid, terms) VALUES (new.id, new.terms);
END;

-- One row: the format the index was built in (SearchIndex.FORMAT); 0 until it is first built.
CREATE TABLE search_state (
  id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
  format INTEGER NOT NULL
);
INSERT INTO search_state (id, format) VALUES (1, 0);
