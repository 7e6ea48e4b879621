package org.triangulate.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One factual statement, as the articles of a story assert it, with its standing: corroborated by
 * independent sources, asserted by one source only, or contested.
 *
 * @param id {@code <story id>#c<n>}, numbered in the order of the claims' first assertions
 * @param text the statement in words taken from one of its assertions
 * @param status {@code corroborated}, {@code single-source} or {@code contested}
 * @param independentSources how many independent sources assert it (copies of one text count once)
 * @param assertions every place an article states it, by article then position
 * @param contradiction for a contested claim, the slot on which the sources disagree
 */
public record Claim(
    String id,
    String text,
    String status,
    int independentSources,
    List<Assertion> assertions,
    Optional<Contradiction> contradiction) {
  public Claim {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(contradiction, "contradiction");
    assertions = List.copyOf(assertions);
  }

  /**
   * One article's statement of the claim.
   *
   * @param article the article's id
   * @param span the statement's words
   * @param speaker who asserts it: an entity id for a quoted or cited speaker ("the Syrian army
   *     said"), empty when the outlet states it in its own voice
   * @param value for a contested claim, the value this assertion gives for the disputed slot
   */
  public record Assertion(
      String article, Span span, Optional<String> speaker, Optional<String> value) {
    public Assertion {
      Objects.requireNonNull(article, "article");
      Objects.requireNonNull(span, "span");
      Objects.requireNonNull(speaker, "speaker");
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * How the sources disagree.
   *
   * @param slot what is disputed: {@code quantity}, {@code duration}, {@code rank}, {@code
   *     direction}, {@code place}, {@code time} or {@code status}, with what it is about ("duration:
   *     fighting")
   * @param values the competing values, each with the articles and words behind it
   * @param explanation a sentence for a person: the values, and whether an earlier report against
   *     a later one might explain them
   * @param explainedByTime whether the values come from reports of different dates, in an order
   *     that could explain them (an earlier figure updated later)
   */
  public record Contradiction(
      String slot, List<Value> values, String explanation, boolean explainedByTime) {
    public Contradiction {
      Objects.requireNonNull(slot, "slot");
      Objects.requireNonNull(explanation, "explanation");
      values = List.copyOf(values);
    }
  }

  /**
   * One competing value.
   *
   * @param value the value in normal form ("3 day", "second-largest", "northwest", "2024-W48")
   * @param articles the articles that give it, sorted
   * @param spans the words that state it, one per article and place
   */
  public record Value(String value, List<String> articles, List<Link.Passage> spans) {
    public Value {
      Objects.requireNonNull(value, "value");
      articles = List.copyOf(articles);
      spans = List.copyOf(spans);
    }
  }
}
