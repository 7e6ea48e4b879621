package org.triangulate.pipeline;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.triangulate.annotate.Annotator;
import org.triangulate.annotate.ArticleReading;
import org.triangulate.annotate.ReferenceDates;
import org.triangulate.model.Annotations;
import org.triangulate.model.Article;
import org.triangulate.model.Entity;
import org.triangulate.model.Problem;
import org.triangulate.model.Story;

/**
 * Runs one article's reading or one story's stages as the pipeline runs them: within a time budget,
 * a failure or an overrun becoming the item's problem instead of the run's end, with the same
 * messages wherever it runs ({@link Pipeline}'s workers, a Spark executor). Thread-safe; one per
 * pipeline or per executor JVM. It owns the threads the budgeted work runs on: close it when done.
 */
public final class StageRunner implements AutoCloseable {

  /** An article's reading, and whether it is the stand-in for one that went over its budget. */
  public record Read(ArticleReading reading, boolean overBudget) {}

  /**
   * A story's stages: their result (empty parts when they failed or went over budget), the
   * story's problem if any, and whether it went over its budget.
   */
  public record StoryRun(StoryStages.Result result, Optional<Problem> problem, boolean overBudget) {}

  private final Budget budget = new Budget();

  /** Reads {@code a} within {@code limit}. */
  public Read read(
      Annotator annotator, Article a, Optional<ReferenceDates.Reference> ref, Duration limit) {
    return budget
        .within(limit, () -> readSafely(annotator, a, ref))
        .map(r -> new Read(r, false))
        .orElseGet(() -> new Read(overBudget(a, limit), true));
  }

  /** Runs the per-story stages of {@code s} within {@code limit} (see {@link StoryStages#run}). */
  public StoryRun story(
      StoryStages stages,
      Story s,
      Map<String, Article> articles,
      Map<String, Annotations> annotations,
      Map<String, Entity> entities,
      Map<String, String> creditNames,
      Duration limit) {
    Optional<Outcome> outcome =
        budget.within(limit, () -> runSafely(stages, s, articles, annotations, entities, creditNames));
    StoryStages.Result empty = new StoryStages.Result(Optional.empty(), Optional.empty());
    if (outcome.isEmpty()) {
      return new StoryRun(
          empty,
          Optional.of(
              Problem.warning(
                  "story " + s.id(),
                  s.articles().size() + " articles",
                  "align",
                  "aligning, tracing and reconciling story " + s.id() + " (" + s.title() + ") took"
                      + " more than " + seconds(limit)
                      + " (the budget per story); it has no links, derivations or claims")),
          true);
    }
    Outcome o = outcome.get();
    if (o.failure() != null) {
      return new StoryRun(
          o.result(),
          Optional.of(
              Problem.warning(
                  "story " + s.id(),
                  s.articles().size() + " articles",
                  "align",
                  "could not align, trace or reconcile story " + s.id() + " (" + s.title() + "): "
                      + o.failure() + "; it has no links, derivations or claims")),
          false);
    }
    return new StoryRun(o.result(), Optional.empty(), false);
  }

  /**
   * A story's stages, or why they failed: a failure becomes the story's problem (no results), not
   * the run's end. The reason travels with the outcome, so that work which went over its budget
   * and failed later in the background (interrupted) cannot add a second problem to its story.
   */
  private record Outcome(StoryStages.Result result, String failure) {}

  private static Outcome runSafely(
      StoryStages stages,
      Story s,
      Map<String, Article> articles,
      Map<String, Annotations> annotations,
      Map<String, Entity> entities,
      Map<String, String> creditNames) {
    try {
      return new Outcome(stages.run(s, articles, annotations, entities, creditNames), null);
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      return new Outcome(new StoryStages.Result(Optional.empty(), Optional.empty()), e.toString());
    }
  }

  /** One article's reading; a failure of the models becomes its problem, not the run's end. */
  private static ArticleReading readSafely(
      Annotator annotator, Article a, Optional<ReferenceDates.Reference> ref) {
    try {
      return annotator.read(a, ref);
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      return ArticleReading.failed(
          a.id(),
          Problem.warning(
              a.source(), a.location().orElse("article " + a.id()), "annotate",
              "could not annotate article " + a.id() + ": " + e));
    }
  }

  private static ArticleReading overBudget(Article a, Duration limit) {
    return ArticleReading.failed(
        a.id(),
        Problem.warning(
            a.source(),
            a.location().orElse("article " + a.id()),
            "annotate",
            "reading article " + a.id() + " took more than " + seconds(limit)
                + " (the annotate stage's budget per article); it is grouped and aligned but has no"
                + " entities, quotes, quantities or times"));
  }

  static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  @Override
  public void close() {
    budget.close();
  }
}
