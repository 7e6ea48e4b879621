package org.triangulate.model;

import java.util.List;
import java.util.Objects;

/**
 * A dated event of a story, with the sources that date it.
 *
 * @param date ISO 8601 at the granularity the sources give ({@code 2024-12-05}, {@code 2024-W49})
 * @param text what happened, in words taken from one source
 * @param articles the articles that report it on that date, sorted
 * @param spans the sentences that state it, one per article
 */
public record TimelineEvent(
    String date, String text, List<String> articles, List<Link.Passage> spans) {
  public TimelineEvent {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(text, "text");
    articles = List.copyOf(articles);
    spans = List.copyOf(spans);
  }
}
