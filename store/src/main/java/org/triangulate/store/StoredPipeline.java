package org.triangulate.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.triangulate.changes.CorpusChange;
import org.triangulate.model.Article;
import org.triangulate.model.Problem;
import org.triangulate.pipeline.Pipeline;
import org.triangulate.pipeline.Stats;
import org.triangulate.report.Report;

/**
 * The pipeline over a corpus store: what {@code analyze}, {@code add} and the web app do to a
 * corpus. Each call loads what the corpus holds, runs the pipeline from it (reusing the corpus's
 * kept readings and vectors, which the pipeline must have been built with: {@link
 * CorpusStore#records()}), writes the kept records, and applies the difference in one transaction
 * together with what changed for people who watch the corpus ({@link CorpusChange}: new stories,
 * articles joining one, claims newly contested or with a new independent source).
 * When another process changed the corpus meanwhile ({@link ConflictException}), it loads again
 * and runs again, up to {@link #ATTEMPTS} times: with several writers nothing is lost, and the work
 * redone costs little, since the readings and vectors the first attempt computed are kept.
 *
 * <p>One call at a time (as for the pipeline); {@link #state()} may be read meanwhile from other
 * threads and gives the last committed state this process knows.
 */
public final class StoredPipeline {

  /** How many times a call runs before a run of conflicts fails it. */
  public static final int ATTEMPTS = 8;

  /**
   * What a call did.
   *
   * @param report the state the corpus holds after it
   * @param changes what changed (for {@code analyze}, as an add of every article that is new)
   * @param writes the rows written
   * @param attempts how many runs it took (more than one after conflicts with other writers)
   */
  public record Result(Report report, Pipeline.Changes changes, Writes writes, int attempts) {}

  private final CorpusStore store;
  private final Pipeline pipeline;
  private volatile Report state;

  public StoredPipeline(CorpusStore store, Pipeline pipeline) {
    this.store = store;
    this.pipeline = pipeline;
  }

  /** The store. */
  public CorpusStore store() {
    return store;
  }

  /** The pipeline. */
  public Pipeline pipeline() {
    return pipeline;
  }

  /** The last state this process loaded or committed (loading it on first use). */
  public Report state() {
    Report s = state;
    if (s == null) {
      synchronized (this) {
        s = state;
        if (s == null) {
          s = load();
        }
      }
    }
    return s;
  }

  /** Reads the corpus again (another process may have changed it). */
  public synchronized Report load() {
    Report s;
    try (Stats.Timer t = pipeline.stats().time("store-load", 1)) {
      synchronized (store) {
        s = store.load();
      }
      t.items(s.articles().size());
    }
    state = s;
    return s;
  }

  /**
   * Makes the corpus hold exactly {@code articles}: the batch pipeline over them, reusing every
   * kept reading of an article whose text and reference did not change and the per-story results
   * of every story that did not change (see {@link Pipeline#analyze(int, List, List, Report)}).
   *
   * @param inputHashes the SHA-256 of each input's content, by source name
   */
  public synchronized Result analyze(
      int inputs, List<Article> articles, List<Problem> problems, Map<String, String> inputHashes) {
    for (int attempt = 1; ; attempt++) {
      Report before = attempt == 1 ? state() : load();
      Report after = pipeline.analyze(inputs, articles, problems, before);
      Pipeline.Changes changes = changes(before, after);
      try {
        Writes w = commit(before, after, inputHashes, changes);
        return new Result(after, changes, w, attempt);
      } catch (ConflictException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /**
   * Adds articles to the corpus ({@link Pipeline#add}): only they are read by the models, and only
   * the stories they change are computed again.
   *
   * @param inputHashes the SHA-256 of each input's content, by source name
   */
  public Result add(
      int inputs, List<Article> articles, List<Problem> problems, Map<String, String> inputHashes) {
    return add(inputs, articles, problems, inputHashes, u -> true).orElseThrow();
  }

  /**
   * {@link #add}, committed only when {@code commitIf} accepts the update (the web app refuses an
   * article that went over its time budget); empty when it did not, and the corpus is unchanged.
   */
  public synchronized Optional<Result> add(
      int inputs,
      List<Article> articles,
      List<Problem> problems,
      Map<String, String> inputHashes,
      java.util.function.Predicate<Pipeline.Update> commitIf) {
    for (int attempt = 1; ; attempt++) {
      Report before = attempt == 1 ? state() : load();
      Pipeline.Update u = pipeline.add(before, inputs, articles, problems);
      if (!commitIf.test(u)) {
        return Optional.empty();
      }
      try {
        Writes w = commit(before, u.report(), inputHashes, u.changes());
        return Optional.of(new Result(u.report(), u.changes(), w, attempt));
      } catch (ConflictException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /**
   * The inputs the corpus holds, by the SHA-256 of their content: for each hash, the source names
   * that have it, sorted.
   */
  public Map<String, List<String>> inputsByHash() {
    Map<String, String> hashes;
    synchronized (store) {
      hashes = store.inputHashes();
    }
    Map<String, List<String>> out = new TreeMap<>();
    new TreeMap<>(hashes).forEach((source, sha) -> out.computeIfAbsent(sha, k -> new ArrayList<>()).add(source));
    return out;
  }

  /**
   * Writes the kept records, then the difference from {@code before} to {@code after} with what
   * changed for people who watch the corpus ({@link CorpusChange}, when anything did), in one
   * transaction.
   */
  private Writes commit(
      Report before, Report after, Map<String, String> inputHashes, Pipeline.Changes changes) {
    CorpusChange change = CorpusChange.between(before, after, changes);
    Optional<String> json = change.isEmpty() ? Optional.empty() : Optional.of(change.toJson());
    Writes w;
    synchronized (store) {
      try (Stats.Timer t = pipeline.stats().time("store-records", 1)) {
        t.items(store.records().flush());
      }
      try (Stats.Timer t = pipeline.stats().time("store-apply", 1)) {
        w = store.apply(before, after, inputHashes, json);
      }
    }
    state = after;
    return w;
  }

  /** What analyze changed, in the terms of an add: articles and stories that are new. */
  private static Pipeline.Changes changes(Report before, Report after) {
    java.util.Set<String> articlesWere = new java.util.HashSet<>();
    before.articles().forEach(a -> articlesWere.add(a.id()));
    Map<String, List<String>> membersWere = new java.util.HashMap<>();
    before.stories().forEach(s -> membersWere.put(s.id(), s.articles()));
    List<String> fresh = after.articles().stream().map(Article::id).filter(id -> !articlesWere.contains(id)).toList();
    List<String> created = new ArrayList<>();
    List<String> grown = new ArrayList<>();
    int unchanged = 0;
    for (var s : after.stories()) {
      List<String> was = membersWere.get(s.id());
      if (was == null) {
        created.add(s.id());
      } else if (!was.equals(s.articles())) {
        grown.add(s.id());
      } else {
        unchanged++;
      }
    }
    return new Pipeline.Changes(fresh, created, grown, Map.of(), unchanged, List.of());
  }
}
