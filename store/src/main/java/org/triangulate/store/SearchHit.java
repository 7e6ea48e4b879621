package org.triangulate.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.triangulate.model.Span;

/**
 * One thing a {@link CorpusStore#search} found, best first.
 *
 * @param kind {@link #ARTICLE} (its title and text), {@link #CLAIM} (a claim's text, from its
 *     story's reconciliation), {@link #QUOTE} (the quoted words) or {@link #ENTITY} (its name and
 *     aliases)
 * @param id the article's, claim's or entity's id; a quote's id ({@code <article id>#q<n>}, the
 *     article and the quote's number in it)
 * @param story the story it belongs to: the article's story for an article or a quote, the claim's
 *     story; empty for an entity
 * @param article the article whose text {@code span} points into: the article, the quote's, the
 *     article whose words a claim's text is (else the claim's first assertion's); empty for an entity
 * @param span the best matching words, as offsets into that article's text ({@link Span}, Java
 *     {@code String} indices): the shortest run of words that holds every phrase of the query the
 *     text holds. Empty when the words are not in an article's text: an entity, an article matched
 *     only in its title, a claim whose text is worded otherwise than its articles.
 * @param snippet about 200 characters of plain text around the match (the article's text, else the
 *     title, claim or entity text that matched), control characters as spaces, {@code …} where it
 *     was cut
 * @param marks the matched words inside {@code snippet}, as offsets into it, in order, not
 *     overlapping
 */
public record SearchHit(
    String kind,
    String id,
    Optional<String> story,
    Optional<String> article,
    Optional<Span> span,
    String snippet,
    List<Span> marks) {

  public static final String ARTICLE = "article";
  public static final String CLAIM = "claim";
  public static final String QUOTE = "quote";
  public static final String ENTITY = "entity";

  /** The kinds, in the order that breaks ties between equally ranked hits (then by id). */
  public static final List<String> KINDS = List.of(ARTICLE, CLAIM, ENTITY, QUOTE);

  public SearchHit {
    Objects.requireNonNull(kind, "kind");
    if (!Set.copyOf(KINDS).contains(kind)) {
      throw new IllegalArgumentException("search hit kind must be one of " + KINDS + ": " + kind);
    }
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(story, "story");
    Objects.requireNonNull(article, "article");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(snippet, "snippet");
    marks = List.copyOf(marks);
    for (Span m : marks) {
      if (m.end() > snippet.length()) {
        throw new IllegalArgumentException("mark " + m + " runs past a snippet of length " + snippet.length());
      }
    }
  }

  /** The marked words of the snippet, in order. */
  public List<String> marked() {
    return marks.stream().map(m -> m.of(snippet)).toList();
  }
}
