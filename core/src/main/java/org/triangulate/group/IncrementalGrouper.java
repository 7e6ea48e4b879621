package org.triangulate.group;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.triangulate.model.Article;
import org.triangulate.model.Story;
import org.triangulate.work.Workers;

/**
 * The group stage in incremental mode: new articles join the existing stories or open new ones,
 * without recomputing what is known. Stories never split; two may merge when new articles bridge
 * them. See the package documentation for how the result can differ from a batch run. Not
 * thread-safe: one caller at a time (each call uses {@link GroupOptions#threads()} workers).
 */
public final class IncrementalGrouper {

  private final GroupState state;

  /** A grouper that runs on the calling thread alone. */
  public IncrementalGrouper(GroupOptions options) {
    this(options, Workers.inline());
  }

  /** A grouper whose loops run on {@code workers}, using at most {@link GroupOptions#threads()}. */
  public IncrementalGrouper(GroupOptions options, Workers workers) {
    this.state = new GroupState(Objects.requireNonNull(options, "options"), true, workers);
  }

  /**
   * Resumes from a grouping: {@code existing} are taken as they are (they are not regrouped), and
   * articles of {@code existingArticles} that no story lists are then added as new ones.
   *
   * @throws IllegalArgumentException if a story lists an article that {@code existingArticles} does
   *     not hold, or lists an article twice
   */
  public static IncrementalGrouper of(
      GroupOptions options, List<Story> existing, List<Article> existingArticles) {
    return of(options, Workers.inline(), existing, existingArticles);
  }

  /** As {@link #of(GroupOptions, List, List)}, with loops on {@code workers}. */
  public static IncrementalGrouper of(
      GroupOptions options, Workers workers, List<Story> existing, List<Article> existingArticles) {
    IncrementalGrouper grouper = new IncrementalGrouper(options, workers);
    Map<String, Article> byId = new HashMap<>();
    for (Article a : existingArticles) {
      if (byId.put(a.id(), a) != null) {
        throw new IllegalArgumentException("duplicate article id: " + a.id());
      }
    }
    List<Article> grouped = new ArrayList<>();
    List<List<String>> groups = new ArrayList<>();
    for (Story story : existing) {
      for (String id : story.articles()) {
        Article a = byId.remove(id);
        if (a == null) {
          throw new IllegalArgumentException(
              "story " + story.id() + " lists an unknown or repeated article: " + id);
        }
        grouped.add(a);
      }
      groups.add(story.articles());
    }
    grouper.state.add(grouped, groups);
    List<Article> rest = existingArticles.stream().filter(a -> byId.containsKey(a.id())).toList();
    grouper.add(rest);
    return grouper;
  }

  /**
   * Adds articles: each joins a story or opens a new one; stories that new articles bridge may
   * merge. The IDF grows with every call; vectors already computed are kept (see package doc).
   *
   * @throws IllegalArgumentException if an article's id is already known or repeated
   */
  public void add(List<Article> newArticles) {
    state.add(List.copyOf(newArticles), null);
  }

  /** The stories so far, in the order of {@link StoryGrouper#group}. */
  public List<Story> stories() {
    return state.stories();
  }

  /** The number of articles grouped so far. */
  public int size() {
    return state.size();
  }
}
