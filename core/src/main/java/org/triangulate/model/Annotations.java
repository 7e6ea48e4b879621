package org.triangulate.model;

import java.util.List;
import java.util.Objects;

/**
 * What the annotate stage read in one article: who is named, who said what, which numbers and
 * which times. Every list is in text order.
 *
 * @param article the article's id
 */
public record Annotations(
    String article,
    List<Mention> mentions,
    List<Quote> quotes,
    List<Quantity> quantities,
    List<TimeRef> times) {

  public Annotations {
    Objects.requireNonNull(article, "article");
    mentions = List.copyOf(mentions);
    quotes = List.copyOf(quotes);
    quantities = List.copyOf(quantities);
    times = List.copyOf(times);
  }
}
