package org.triangulate.model;

import java.util.Objects;

/**
 * A place in an article's text that refers to an {@link Entity}.
 *
 * @param entity the entity's id
 * @param span the words, in the article's text
 * @param kind {@code name} (a name, partial name or acronym) or {@code description} (an appositive
 *     such as "a Britain-based war monitor")
 */
public record Mention(String entity, Span span, String kind) implements Comparable<Mention> {

  public Mention {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(kind, "kind");
  }

  @Override
  public int compareTo(Mention o) {
    int c = span.compareTo(o.span);
    return c != 0 ? c : entity.compareTo(o.entity);
  }
}
