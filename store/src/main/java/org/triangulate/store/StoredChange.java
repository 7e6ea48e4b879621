package org.triangulate.store;

import java.time.Instant;
import java.util.Objects;

/**
 * What one committed save or apply recorded of its change: the caller's JSON, kept as given.
 *
 * @param generation the corpus generation that commit produced ({@link CorpusStore#generation()})
 * @param committedAt when it committed, by the writing store's clock (microseconds; clocks of
 *     several machines writing one PostgreSQL corpus need not agree, so order by generation)
 * @param change the JSON text the caller gave
 */
public record StoredChange(long generation, Instant committedAt, String change) {

  public StoredChange {
    if (generation < 1) {
      throw new IllegalArgumentException("a change's generation must be >= 1: " + generation);
    }
    Objects.requireNonNull(committedAt, "committedAt");
    Objects.requireNonNull(change, "change");
  }
}
