package org.triangulate.model;

import java.util.List;
import java.util.Objects;

/**
 * Words two articles share: a sentence or passage of one linked to its counterpart in the other.
 *
 * @param a the passage in the first article (the article whose id sorts first)
 * @param b the passage in the second article
 * @param kind {@code verbatim}, {@code edited} or {@code paraphrase}
 * @param score how sure the judgement is, in [0, 1]
 * @param edits for {@code edited} links, the word-level edits that turn {@code a} into {@code b}
 */
public record Link(Passage a, Passage b, String kind, double score, List<Edit> edits) {

  public Link {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    Objects.requireNonNull(kind, "kind");
    edits = List.copyOf(edits);
  }

  /** A span of one article's text. */
  public record Passage(String article, Span span) {
    public Passage {
      Objects.requireNonNull(article, "article");
      Objects.requireNonNull(span, "span");
    }
  }

  /**
   * One word-level edit.
   *
   * @param op {@code insert} (words only in {@code b}), {@code delete} (words only in {@code a}) or
   *     {@code replace}
   * @param a the words in {@code a}'s article, or null for an insert
   * @param b the words in {@code b}'s article, or null for a delete
   */
  public record Edit(String op, Span a, Span b) {
    public Edit {
      Objects.requireNonNull(op, "op");
    }
  }
}
