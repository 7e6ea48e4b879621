/**
 * The persistent corpus: the pipeline's state between runs, kept in SQLite ({@code DIR/corpus.db})
 * or PostgreSQL, so that a change costs a transaction of the rows that changed rather than a new
 * report.json. {@link org.triangulate.store.CorpusStore} is the contract; {@link
 * org.triangulate.store.SqliteStore} and {@link org.triangulate.store.PostgresStore} implement it
 * over one schema, migrated by Flyway, with a full-text index kept in step by every write ({@link
 * org.triangulate.store.CorpusStore#search}) and a log of the changes callers record ({@link
 * org.triangulate.store.CorpusStore#changesSince}). See {@code docs/store.md}.
 */
package org.triangulate.store;
