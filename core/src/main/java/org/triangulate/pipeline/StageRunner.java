package org.triangulate.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.Map;
import java.util.Optional;
import org.triangulate.annotate.Annotator;
import org.triangulate.annotate.ArticleReading;
import org.triangulate.annotate.ReferenceDates;
import org.triangulate.model.Annotations;
import org.triangulate.model.Article;
import org.triangulate.model.Entity;
import org.triangulate.model.Link;
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
    return story(s, limit, () -> stages.run(s, articles, annotations, entities, creditNames));
  }

  /**
   * Traces and reconciles {@code s} from links aligned elsewhere within {@code limit} (see {@link
   * StoryStages#finish}): the last part of a story whose alignment was split.
   */
  public StoryRun finish(
      StoryStages stages,
      Story s,
      Map<String, Article> articles,
      List<Link> links,
      Map<String, Annotations> annotations,
      Map<String, Entity> entities,
      Map<String, String> creditNames,
      Duration limit) {
    return story(
        s, limit, () -> stages.finish(s, articles, links, annotations, entities, creditNames));
  }

  /**
   * The result of {@code work}, or empty when it did not finish within {@code limit} (a part of a
   * story's stages run elsewhere: the links of some of its pairs). Its exception is thrown again.
   */
  public <T> Optional<T> within(Duration limit, Callable<T> work) {
    return budget.within(limit, work);
  }

  private StoryRun story(Story s, Duration limit, Callable<StoryStages.Result> work) {
    Optional<Outcome> outcome = budget.within(limit, () -> safely(work));
    if (outcome.isEmpty()) {
      return overBudget(s, limit);
    }
    Outcome o = outcome.get();
    if (o.failure() != null) {
      return failed(s, o.failure());
    }
    return new StoryRun(o.result(), Optional.empty(), false);
  }

  /** A story whose stages went over {@code limit}: no results, and the problem that says so. */
  public static StoryRun overBudget(Story s, Duration limit) {
    return new StoryRun(
        EMPTY,
        Optional.of(
            storyProblem(
                s,
                "aligning, tracing and reconciling story " + s.id() + " (" + s.title() + ") took"
                    + " more than " + seconds(limit)
                    + " (the budget per story); it has no links, derivations or claims")),
        true);
  }

  /** A story whose stages failed ({@code failure}, the exception): no results, and its problem. */
  public static StoryRun failed(Story s, String failure) {
    return new StoryRun(
        EMPTY,
        Optional.of(
            storyProblem(
                s,
                "could not align, trace or reconcile story " + s.id() + " (" + s.title() + "): "
                    + failure + "; it has no links, derivations or claims")),
        false);
  }

  private static Problem storyProblem(Story s, String message) {
    return Problem.warning("story " + s.id(), s.articles().size() + " articles", "align", message);
  }

  private static final StoryStages.Result EMPTY =
      new StoryStages.Result(Optional.empty(), Optional.empty());

  /**
   * A story's stages, or why they failed: a failure becomes the story's problem (no results), not
   * the run's end. The reason travels with the outcome, so that work which went over its budget
   * and failed later in the background (interrupted) cannot add a second problem to its story.
   */
  private record Outcome(StoryStages.Result result, String failure) {}

  private static Outcome safely(Callable<StoryStages.Result> work) {
    try {
      return new Outcome(work.call(), null);
    } catch (Exception | StackOverflowError | OutOfMemoryError e) {
      return new Outcome(EMPTY, e.toString());
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
