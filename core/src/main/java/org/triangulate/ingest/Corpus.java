package org.triangulate.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.triangulate.model.Article;
import org.triangulate.model.Problem;
import org.triangulate.work.Workers;

/**
 * Ingests many inputs on several threads and makes one deterministic result: articles sorted by id,
 * ids unique across the run, problems sorted by source and position. The result is the same bytes
 * whatever the order of the inputs and the number of threads.
 *
 * <p>Ids: where two articles would share an id, the one whose source (then location) sorts first
 * keeps it and the others get {@code ~2}, {@code ~3}, ... in that order.
 */
public final class Corpus {

  /** Told after each input is read; called from worker threads. */
  @FunctionalInterface
  public interface Progress {
    void inputDone(String source, int done, int total);

    static Progress none() {
      return (source, done, total) -> {};
    }
  }

  private Corpus() {}

  /** Reads every input on {@code workers}, one input at a time per thread. */
  public static IngestResult ingest(
      List<Inputs.Input> inputs, Ingester ingester, Workers workers, Progress progress) {
    AtomicInteger done = new AtomicInteger();
    List<IngestResult> results =
        workers.map(
            inputs,
            in -> {
              IngestResult r = safely(ingester, in);
              progress.inputDone(in.source(), done.incrementAndGet(), inputs.size());
              return r;
            });
    return merge(results);
  }

  /**
   * Reads one input; a failure the reader did not foresee (a bug, a stack or heap exhausted by one
   * pathological file) becomes that input's problem instead of ending the run.
   */
  static IngestResult safely(Ingester ingester, Inputs.Input in) {
    try {
      return ingester.ingest(in.path(), in.source());
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      return new IngestResult(
          List.of(),
          List.of(
              Problem.error(
                  in.source(), "file", "ingest", "could not read the input: " + e)));
    }
  }

  /** Merges per-input results: unique ids, stable order. */
  public static IngestResult merge(List<IngestResult> results) {
    List<Article> articles = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (IngestResult r : results) {
      articles.addAll(r.articles());
      problems.addAll(r.problems());
    }
    problems.sort(Comparator.naturalOrder());
    return new IngestResult(uniqueIds(articles), problems);
  }

  /** Gives every article a unique id (see the class comment) and sorts them by id. */
  static List<Article> uniqueIds(List<Article> articles) {
    return uniqueIds(Set.of(), articles);
  }

  /**
   * Gives every article of {@code added} an id unique among them and unlike every id in {@code
   * taken} (the ids of articles a corpus already holds, which keep theirs), and sorts them by id.
   */
  public static List<Article> uniqueIds(Set<String> taken, List<Article> added) {
    Map<String, List<Article>> byId = new TreeMap<>();
    for (Article a : added) {
      byId.computeIfAbsent(a.id(), k -> new ArrayList<>()).add(a);
    }
    Set<String> used = new HashSet<>(taken);
    used.addAll(byId.keySet());
    List<Article> out = new ArrayList<>(added.size());
    for (Map.Entry<String, List<Article>> e : byId.entrySet()) {
      List<Article> same = e.getValue();
      same.sort(BY_ORIGIN);
      int n = 2;
      boolean first = !taken.contains(e.getKey());
      for (Article a : same) {
        if (first) {
          out.add(a);
          first = false;
          continue;
        }
        String id;
        do {
          id = e.getKey() + "~" + n++;
        } while (used.contains(id));
        used.add(id);
        out.add(a.withId(id));
      }
    }
    out.sort(Comparator.comparing(Article::id));
    return out;
  }

  private static final Comparator<Article> BY_ORIGIN =
      Comparator.comparing(Article::source)
          .thenComparingLong(a -> position(a.location().orElse("")))
          .thenComparing(a -> a.location().orElse(""))
          .thenComparing(Article::text);

  private static long position(String location) {
    int i = location.lastIndexOf(' ');
    try {
      return i < 0 ? -1 : Long.parseLong(location.substring(i + 1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
