-- Schema 2: per-article and per-sentence records kept between runs (org.triangulate.pipeline.Records).
-- Keyed by content (64 hex digits of a SHA-256 over what the record depends on), so a row is never
-- changed once written, and rows of articles the corpus no longer holds are kept for when they come
-- back. See docs/store.md.

-- An article's reading by the NLP models (ArticleReading as JsonReadingCodec writes it).
CREATE TABLE readings (
  key TEXT NOT NULL PRIMARY KEY,
  article_id TEXT NOT NULL,
  reading TEXT NOT NULL
);

-- A sentence's vector: base64 of its floats, each 4 bytes little-endian IEEE 754.
CREATE TABLE vectors (
  key TEXT NOT NULL PRIMARY KEY,
  dimensions INTEGER NOT NULL CHECK (dimensions > 0),
  vector TEXT NOT NULL
);
