package org.triangulate.group;

import java.util.List;
import java.util.Objects;
import org.triangulate.model.Article;
import org.triangulate.model.Story;
import org.triangulate.work.Workers;

/**
 * The group stage in batch mode: puts every article in exactly one {@link Story}, the articles that
 * report the same real-world event. See the package documentation for the method.
 *
 * <p>The result (stories, ids, order, keys) depends neither on the order of the articles nor on
 * {@link GroupOptions#threads()}. Thread-safe: each call works on its own state. Loops run on the
 * {@link Workers} it is given (the pipeline's), using at most {@link GroupOptions#threads()} of
 * them; it starts no thread of its own.
 */
public final class StoryGrouper {

  private final GroupOptions options;
  private final Workers workers;

  /** A grouper that runs on the calling thread alone. */
  public StoryGrouper(GroupOptions options) {
    this(options, Workers.inline());
  }

  public StoryGrouper(GroupOptions options, Workers workers) {
    this.options = Objects.requireNonNull(options, "options");
    this.workers = Objects.requireNonNull(workers, "workers");
  }

  /**
   * Groups {@code articles} into stories: a story of one for an article that matches nothing.
   * Stories come ordered by first publication day (undated ones last), then id.
   *
   * @throws IllegalArgumentException if two articles share an id
   */
  public List<Story> group(List<Article> articles) {
    GroupState state = new GroupState(options, false, workers);
    state.add(List.copyOf(articles), null);
    return state.stories();
  }
}
