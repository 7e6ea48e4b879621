package org.triangulate.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.triangulate.ingest.Corpus;
import org.triangulate.ingest.IngestOptions;
import org.triangulate.ingest.IngestResult;
import org.triangulate.ingest.Ingester;
import org.triangulate.ingest.Inputs;
import org.triangulate.model.Article;
import org.triangulate.model.Problem;
import org.triangulate.pipeline.Pipeline;
import org.triangulate.report.Report;
import org.triangulate.report.ReportJson;
import org.triangulate.work.Workers;

/**
 * States of a corpus of the bundled Hama articles, made by core's own pipeline (rule annotations,
 * word-hash vectors, so no model): a batch of two articles, then one article added at a time, as
 * {@code triangulate add} would; and a batch where the annotate stage fails on one article.
 */
final class Hama {

  private static List<Report> growing;
  private static List<Pipeline.Changes> changes;
  private static Report unreadable;
  private static List<Article> articles;
  private static List<Problem> expansionProblems;

  private Hama() {}

  /** The five articles, in id order. */
  static synchronized List<Article> articles() {
    if (articles == null) {
      Inputs.Expansion expansion =
          Inputs.expand(List.of("../examples/hama", "../examples/nothing-here"), Path.of(""));
      IngestResult ingested =
          Corpus.ingest(expansion.inputs(), new Ingester(IngestOptions.basic()), Workers.inline(),
              Corpus.Progress.none());
      List<Article> sorted = new ArrayList<>(ingested.articles());
      sorted.sort(Comparator.comparing(Article::id));
      articles = List.copyOf(sorted);
      List<Problem> problems = new ArrayList<>(expansion.problems());
      problems.addAll(ingested.problems());
      expansionProblems = List.copyOf(problems);
    }
    return articles;
  }

  private static Pipeline pipeline(Set<String> unreadable) {
    return new Pipeline(
        new Pipeline.Components(
            () -> new Ingester(IngestOptions.basic()),
            () -> new RuleAnnotator(unreadable),
            WordVectors::new),
        new Pipeline.Options(1, true));
  }

  /**
   * S0: a batch of the first two articles (with the problem of a folder that does not exist); S1,
   * S2, S3: the next articles added one at a time.
   */
  static synchronized List<Report> growing() {
    if (growing == null) {
      List<Article> a = articles();
      try (Pipeline p = pipeline(Set.of())) {
        List<Report> states = new ArrayList<>();
        List<Pipeline.Changes> steps = new ArrayList<>();
        Report s = p.analyze(3, a.subList(0, 2), expansionProblems);
        states.add(s);
        for (int i = 2; i < a.size(); i++) {
          Pipeline.Update u = p.add(s, 1, List.of(a.get(i)), List.of());
          s = u.report();
          states.add(s);
          steps.add(u.changes());
        }
        growing = List.copyOf(states);
        changes = List.copyOf(steps);
      }
    }
    return growing;
  }

  /** What the pipeline says changed from {@code growing().get(i)} to {@code growing().get(i + 1)}. */
  static synchronized Pipeline.Changes change(int i) {
    growing();
    return changes.get(i);
  }

  /** All five articles in one batch, the annotate stage failing on the fourth. */
  static synchronized Report unreadable() {
    if (unreadable == null) {
      List<Article> a = articles();
      try (Pipeline p = pipeline(Set.of(a.get(3).id()))) {
        unreadable = p.analyze(5, a, expansionProblems);
      }
    }
    return unreadable;
  }

  /** The per-story stages run again on every story of {@code state}: the same state, recomputed. */
  static Report restoried(Report state) {
    try (Pipeline p = pipeline(Set.of())) {
      return p.restory(state, state.stories().stream().map(s -> s.id()).toList());
    }
  }

  /** {@code state} as report.json writes it. */
  static String json(Report state) {
    try {
      return new String(ReportJson.write(state), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Writes each state as report.json into {@code dir} ({@code 0.json}, ...), for another JVM. */
  static List<Path> writeAll(List<Report> states, Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    for (int i = 0; i < states.size(); i++) {
      Path f = dir.resolve(i + ".json");
      Files.write(f, ReportJson.write(states.get(i)));
      out.add(f);
    }
    return out;
  }
}
