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
 */
public record Story(
    String id,
    String title,
    List<String> articles,
    Optional<String> first,
    Optional<String> last,
    List<Key> keys) {

  public Story {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(last, "last");
    articles = List.copyOf(articles);
    keys = List.copyOf(keys);
    if (articles.isEmpty()) {
      throw new IllegalArgumentException("a story needs at least one article: " + id);
    }
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
