package org.triangulate.model;

import java.util.List;
import java.util.Objects;

/**
 * How each article of a story labels one actor: the words it uses for it ("rebels", "insurgents",
 * "mercenaries", "a war monitor run by MI6"). Made by {@code org.triangulate.reconcile.Framings};
 * docs/framing.md says where labels come from and how a common noun ("the rebels") is given to an
 * actor.
 *
 * @param entity the actor's entity id (a person or an organisation)
 * @param labels one entry per article and term, by article then term (terms compared ignoring case)
 */
public record Framing(String entity, List<Label> labels) {
  public Framing {
    Objects.requireNonNull(entity, "entity");
    labels = List.copyOf(labels);
  }

  /**
   * One term one article uses for the actor.
   *
   * @param article the article's id
   * @param term the label, lower case except the names and acronyms inside it, a lexicon noun in
   *     the singular with the modifiers that change its meaning ("rebel", "islamist-led rebel",
   *     "force loyal to Assad", "war monitor run by MI6")
   * @param count how many times the article uses it for the actor
   * @param loaded whether the term contains, as whole words, a term of the shipped loaded-terms
   *     lexicon (pejorative, glorifying, delegitimising or euphemism), whoever speaks it
   * @param inQuote whether every use stands inside a quotation (the words of a quoted speaker, not
   *     the outlet's)
   * @param attributed whether the text gives every use as another party's words: inside a
   *     quotation, or after a verb of naming ("considered a terrorist group by the United Nations",
   *     "which Washington designates a terrorist organisation")
   * @param distinctive whether this article is alone in the story in using the term for the actor
   *     (articles that copy or translate one another count as one; a longer term holding it as
   *     whole words counts as a use), while other articles label the same actor with other terms
   * @param spans every use, in text order, modifiers included
   */
  public record Label(
      String article,
      String term,
      int count,
      boolean loaded,
      boolean inQuote,
      boolean attributed,
      boolean distinctive,
      List<Span> spans) {
    public Label {
      Objects.requireNonNull(article, "article");
      Objects.requireNonNull(term, "term");
      spans = List.copyOf(spans);
    }
  }
}
