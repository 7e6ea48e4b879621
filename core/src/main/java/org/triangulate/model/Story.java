package org.triangulate.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * All articles that report the same real-world event.
 *
 * @param id stable and derived from the content (the story's articles), never from a counter
 * @param title a title chosen from its articles
 * @param articles the ids of its articles, sorted
 * @param first the earliest publication date of its articles, when any is known
 * @param last the latest publication date of its articles, when any is known
 * @param keys the reasons that hold it together, strongest first, for a person to check
 * @param aliases the ids of stories this one absorbed when new articles bridged them, sorted; a
 *     link to an absorbed id still finds the story
 */
public record Story(
    String id,
    String title,
    List<String> articles,
    Optional<String> first,
    Optional<String> last,
    List<Key> keys,
    List<String> aliases) {

  public Story {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(last, "last");
    articles = List.copyOf(articles);
    keys = List.copyOf(keys);
    aliases = aliases.stream().sorted().distinct().toList();
    if (articles.isEmpty()) {
      throw new IllegalArgumentException("a story needs at least one article: " + id);
    }
  }

  /** A story that absorbed no other. */
  public Story(
      String id,
      String title,
      List<String> articles,
      Optional<String> first,
      Optional<String> last,
      List<Key> keys) {
    this(id, title, articles, first, last, keys, List.of());
  }

  /** The same story under another id, having absorbed {@code absorbed} (kept with its aliases). */
  public Story withId(String newId, List<String> absorbed) {
    List<String> all = new java.util.ArrayList<>(aliases);
    all.addAll(absorbed);
    all.remove(newId);
    return new Story(newId, title, articles, first, last, keys, all);
  }

  /**
   * A reason a story holds together: a term, entity or place its articles share, with its weight.
   *
   * @param kind {@code term}, {@code entity} or {@code place}
   */
  public record Key(String kind, String text, double weight) {
    public Key {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(text, "text");
    }
  }
}
