package org.triangulate.model;

import java.util.List;
import java.util.Objects;

/**
 * What a story's sources say together: the claims and their standing, the quote groups, how each
 * source frames the actors, the dated events and a brief.
 *
 * @param story the story's id
 */
public record Reconciliation(
    String story,
    List<Claim> claims,
    List<QuoteGroup> quoteGroups,
    List<Framing> framing,
    List<TimelineEvent> timeline,
    List<BriefSentence> brief) {
  public Reconciliation {
    Objects.requireNonNull(story, "story");
    claims = List.copyOf(claims);
    quoteGroups = List.copyOf(quoteGroups);
    framing = List.copyOf(framing);
    timeline = List.copyOf(timeline);
    brief = List.copyOf(brief);
  }
}
