package org.triangulate.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
  Writes save(Report report, Map<String, String> inputHashes);

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
  Writes apply(Report before, Report after, Map<String, String> inputHashes);

  /** The SHA-256 of each input's content, by source name, for the inputs whose hash is known. */
  Map<String, String> inputHashes();

  /**
   * Checks the corpus: the database's own check, then that every story member and every alias,
   * result and annotation belongs to a row that exists, every article is in exactly one story,
   * every article's text hash and every story's fingerprint match what they were computed from,
   * every result was computed over its story's current articles, and that the whole reads back as
   * a report.
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
