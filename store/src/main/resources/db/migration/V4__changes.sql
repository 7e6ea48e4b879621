-- Schema 4: the change log. A save or apply given a change (JSON, opaque to the store) records it
-- here in its own transaction, under the corpus generation that commit produced. A generation
-- that recorded no change has no row. See docs/store.md.

CREATE TABLE changes (
  generation BIGINT NOT NULL PRIMARY KEY CHECK (generation >= 1),
  -- ISO-8601 UTC with six decimals (2026-12-07T11:40:28.123456Z), by the writer's clock.
  committed_at TEXT NOT NULL,
  change TEXT NOT NULL
);
CREATE INDEX changes_committed_at ON changes (committed_at);
