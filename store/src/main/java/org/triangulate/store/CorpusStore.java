package org.triangulate.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.triangulate.report.Report;

/**
 * The pipeline's state between runs, kept in a database instead of report.json: articles and their
 * annotations, entities, stories with their provenance and reconciliation, problems, and the
 * inputs they came from. Every change is one transaction: after a crash at any moment the corpus
 * holds the state before the change or the state after it, never a mix.
 *
 * <p>What {@link #load} gives equals what was saved, record for record (numbers as report.json
 * writes them), so writing it as report.json gives the same bytes. Lists are kept in the order the
 * pipeline gives them, which the store refuses reports out of: articles and entities by id, stories
 * by first date (undated last) then id, problems in {@link org.triangulate.model.Problem} order.
 *
 * <p>A store is one connection: not for concurrent use by several threads. Several processes may
 * open one corpus; a write that starts from a state another process has since changed fails with
 * {@link ConflictException} and writes nothing.
 */
public interface CorpusStore extends AutoCloseable {

  /** The file name of the SQLite corpus in a folder. */
  String FILE_NAME = "corpus.db";

  /** The SQLite corpus of folder {@code dir} ({@code dir/corpus.db}), created when missing. */
  static SqliteStore openFolder(Path dir) {
    return SqliteStore.open(dir.resolve(FILE_NAME));
  }

  /** The whole state. */
  Report load();

  /** Replaces the whole state with {@code report}, in one transaction. */
  default Writes save(Report report) {
    return save(report, Map.of());
  }

  /**
   * Replaces the whole state with {@code report}, in one transaction.
   *
   * @param inputHashes the SHA-256 of the content of inputs, by source name, where known
   */
  default Writes save(Report report, Map<String, String> inputHashes) {
    return save(report, inputHashes, Optional.empty());
  }

  /**
   * Replaces the whole state with {@code report}, in one transaction, and records {@code change}
   * (when given) in the change log under the generation it commits; see {@link #apply(Report,
   * Report, Map, Optional)}.
   */
  Writes save(Report report, Map<String, String> inputHashes, Optional<String> change);

  /** Changes the state from {@code before} to {@code after}; see {@link #apply(Report, Report, Map)}. */
  default Writes apply(Report before, Report after) {
    return apply(before, after, Map.of());
  }

  /**
   * Changes the state from {@code before} (what the corpus holds) to {@code after}, writing only
   * the rows that differ: new, changed and removed articles, annotations, entities, stories with
   * their members, aliases and results, problems and inputs. One transaction.
   *
   * @param inputHashes the SHA-256 of the content of this batch's inputs, by source name
   * @throws ConflictException if another writer changed the corpus since this store last read or
   *     wrote it
   * @throws StoreException if the corpus does not hold a row that {@code before} says it does
   * @throws IllegalArgumentException if {@code after} is not a state the store can keep: lists out
   *     of order, a story of an article it does not hold, results of a story it does not hold
   */
  default Writes apply(Report before, Report after, Map<String, String> inputHashes) {
    return apply(before, after, inputHashes, Optional.empty());
  }

  /**
   * As {@link #apply(Report, Report, Map)}, and records {@code change} (when given) in the change
   * log under the generation this apply commits, in the same transaction: a write that fails or
   * conflicts records nothing. The store keeps the text as given and reads nothing in it.
   *
   * @param change what the caller says changed, as JSON text
   * @throws IllegalArgumentException if {@code change} is not one JSON value, or holds an unpaired
   *     surrogate; nothing is written
   */
  Writes apply(
      Report before, Report after, Map<String, String> inputHashes, Optional<String> change);

  /**
   * What the corpus holds that matches {@code query}, best first: articles (title and text),
   * claims, quotes and entities (name and aliases), every one holding every phrase of the query.
   *
   * <p>The query is what a person types: words, each of which must occur, and {@code "quoted
   * phrases"}, whose words must occur in that order; a word written with punctuation inside
   * ({@code al-Assad}, {@code 3.5}) is a phrase. Matching ignores case and Latin and Arabic
   * diacritics, and is by whole words (no stemming, no prefixes). Nothing in the query is an
   * operator: punctuation, SQL and the engines' syntax ({@code AND}, {@code NEAR(}, {@code *}) are
   * plain words or nothing, so no query fails. Words after the 32nd are ignored.
   *
   * <p>Ranked by the database's relevance (SQLite FTS5 {@code bm25}, PostgreSQL {@code ts_rank}),
   * equal ranks by kind then id. The words of each hit are found again in its text, so its span and
   * snippet show them.
   *
   * @param limit at most this many hits
   * @return the hits; empty for a query without words
   * @throws IllegalArgumentException if {@code limit} is negative
   */
  List<SearchHit> search(String query, int limit);

  /**
   * Indexes every article, claim, quote and entity again, in one transaction. The index is kept in
   * step by every save and apply, and built when an upgraded corpus first opens; this repairs one
   * the integrity check found out of step.
   */
  void rebuildSearchIndex();

  /**
   * The changes recorded by the generations after {@code generation}, in order of generation, at
   * most {@code limit}. A generation that recorded no change is not among them.
   */
  List<StoredChange> changesSince(long generation, int limit);

  /**
   * The changes committed after {@code instant} (to the microsecond) by the clocks of the stores
   * that wrote them, in order of generation, at most {@code limit}.
   */
  List<StoredChange> changesAfter(Instant instant, int limit);

  /**
   * The readings and sentence vectors the corpus keeps, for the pipeline's {@link
   * org.triangulate.pipeline.Pipeline.Components#records()}: what it finds there it does not compute
   * again; what it computes waits in memory until {@link KeptRecords#flush()}. One object per store.
   */
  KeptRecords records();

  /** The SHA-256 of each input's content, by source name, for the inputs whose hash is known. */
  Map<String, String> inputHashes();

  /**
   * Checks the corpus: the database's own check, then that every story member and every alias,
   * result and annotation belongs to a row that exists, every article is in exactly one story,
   * every article's text hash and every story's fingerprint match what they were computed from,
   * every result was computed over its story's current articles, that the whole reads back as
   * a report, and that the search index holds exactly the entries the rows give.
   *
   * @return the problems found, one sentence each; empty when the corpus is sound
   */
  List<String> integrityCheck();

  /** The schema version of the corpus, as its migrations record it ({@code "1"}, ...). */
  String schemaVersion();

  /** How many saves and applies the corpus has committed, ever. */
  long generation();

  /** Where the corpus is (a file, or a JDBC URL without credentials). */
  String location();

  @Override
  void close();
}
