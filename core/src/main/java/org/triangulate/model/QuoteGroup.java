package org.triangulate.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every rendering of one utterance across a story's articles: the same words quoted verbatim, cut,
 * edited, translated or retranslated. Every quote of a story is in exactly one of its groups; a
 * quote that renders nothing another article quotes is a group of its own.
 *
 * @param id {@code <story id>#qg<n>}, numbered in the order of the groups' first quotes (article id,
 *     then position)
 * @param speaker the speaking entity's id, by majority of the renderings that name one (a tie goes
 *     to the first); empty when none does
 * @param quotes the ids of the quotes in the group, by article then position; usually one per
 *     article, more when an article repeats the words or splits into two quotes what another
 *     article quotes as one
 * @param variants how many different wordings the group has (renderings equal after case,
 *     punctuation and quote marks count once)
 * @param flags what a reader should check: wording that differs materially, a rendering given to
 *     another speaker or to nobody
 */
public record QuoteGroup(
    String id, Optional<String> speaker, List<String> quotes, int variants, List<Flag> flags) {
  public QuoteGroup {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(speaker, "speaker");
    quotes = List.copyOf(quotes);
    flags = List.copyOf(flags);
  }

  /**
   * One thing to check in a quote group.
   *
   * @param kind {@code wording} (renderings differ materially: different words, not just cuts or
   *     punctuation), {@code speaker} (a rendering is given to another speaker) or {@code
   *     unattributed} (a rendering names no speaker)
   * @param detail a sentence for a person
   * @param quotes the quote ids concerned
   */
  public record Flag(String kind, String detail, List<String> quotes) {
    public Flag {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(detail, "detail");
      quotes = List.copyOf(quotes);
    }
  }
}
