package org.triangulate.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How one article of a story derives from another.
 *
 * @param from the source article (when {@code direction} is {@code unknown}, the one whose id sorts
 *     first)
 * @param to the derived article
 * @param kind {@code duplicate}, {@code copy}, {@code translation}, {@code summary}, {@code
 *     excerpt}, {@code common-source} or {@code independent}
 * @param direction {@code known} when the evidence says which came from which, else {@code unknown}
 * @param coverageFrom the share of {@code from}'s text that is linked to {@code to}, in [0, 1]
 * @param coverageTo the share of {@code to}'s text that is linked to {@code from}
 * @param confidence how sure the judgement is, in [0, 1]
 * @param evidence what the judgement rests on
 */
public record Derivation(
    String from,
    String to,
    String kind,
    String direction,
    double coverageFrom,
    double coverageTo,
    double confidence,
    List<Evidence> evidence) {

  public Derivation {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(direction, "direction");
    evidence = List.copyOf(evidence);
  }

  /**
   * One piece of evidence.
   *
   * @param kind {@code links}, {@code containment}, {@code date}, {@code credit}, {@code
   *     translation-trace}, {@code length}
   * @param detail a sentence a person can check
   * @param article the article it is found in, when it is in one
   * @param span the words, when they are in the text
   */
  public record Evidence(String kind, String detail, Optional<String> article, Optional<Span> span) {
    public Evidence {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(detail, "detail");
      Objects.requireNonNull(article, "article");
      Objects.requireNonNull(span, "span");
    }
  }
}
