package org.triangulate.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Words an article puts in quotation marks, with who it says spoke them.
 *
 * @param id {@code <article id>#q<n>}, numbered in text order
 * @param span the quoted words, without the quotation marks
 * @param speaker the speaking entity's id; empty when the text names nobody
 * @param cue the reporting words that attribute it ("said", "told Reuters", "according to")
 * @param speakerSpan the words that name the speaker at the attribution ("he", "the analyst",
 *     "Waters"), which may differ from the entity's name
 */
public record Quote(
    String id, Span span, Optional<String> speaker, Optional<Span> cue, Optional<Span> speakerSpan) {

  public Quote {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(speaker, "speaker");
    Objects.requireNonNull(cue, "cue");
    Objects.requireNonNull(speakerSpan, "speakerSpan");
  }
}
