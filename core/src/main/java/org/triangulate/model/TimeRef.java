package org.triangulate.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A time an article refers to, resolved to the calendar.
 *
 * @param span the words ("Thursday", "earlier this week", "November 27")
 * @param value ISO 8601 at the granularity the words have: {@code 2024-12-05}, {@code 2024-W49},
 *     {@code 2024-11}, {@code 2011}, {@code 198X} (a decade); for an unresolvable relative time, the
 *     pattern with X for the unknown digits ({@code XXXX-WXX-4})
 * @param granularity {@code day}, {@code week}, {@code month}, {@code season}, {@code year}, {@code
 *     decade} or {@code century}
 * @param reference the date relative words were resolved against; empty when the words are
 *     absolute ("5 December 2024", "1982") or there was no date to resolve against
 * @param referenceSource where the reference date came from: {@code article} (its own date) or
 *     {@code story} (the consensus date of its story, for an undated article); empty with no
 *     reference
 */
public record TimeRef(
    Span span,
    String value,
    String granularity,
    Optional<String> reference,
    Optional<String> referenceSource) {

  public TimeRef {
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(granularity, "granularity");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(referenceSource, "referenceSource");
  }
}
