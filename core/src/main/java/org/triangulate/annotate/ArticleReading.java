package org.triangulate.annotate;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.triangulate.model.Problem;
import org.triangulate.model.Quantity;
import org.triangulate.model.Span;
import org.triangulate.model.TimeRef;

/**
 * What the NLP models read in one article, before its entities are linked to the corpus: the
 * per-article record of the annotate stage. It depends on the article's text and its reference
 * date alone (and on the models' versions), so it can be computed anywhere, once, and kept.
 * Entities here are local to the article ({@link LocalEntity#index()}); the corpus step {@link
 * Annotator#link} turns them into the corpus's {@link org.triangulate.model.Entity} ids.
 *
 * @param article the article's id
 * @param annotated false when the models could not read the article (the reason is in {@code
 *     problems}); every list is then empty
 * @param entities the article's referents, by index
 * @param mentions where the text names or describes them, in text order
 * @param quotes quoted words with their local speaker, in text order
 * @param quantities numbers with units, in text order
 * @param times dates and times, resolved against the reference date, in text order
 * @param problems what went wrong or was cut while reading (warnings; the run goes on)
 */
public record ArticleReading(
    String article,
    boolean annotated,
    List<LocalEntity> entities,
    List<LocalMention> mentions,
    List<LocalQuote> quotes,
    List<Quantity> quantities,
    List<TimeRef> times,
    List<Problem> problems) {

  public ArticleReading {
    Objects.requireNonNull(article, "article");
    entities = List.copyOf(entities);
    mentions = List.copyOf(mentions);
    quotes = List.copyOf(quotes);
    quantities = List.copyOf(quantities);
    times = List.copyOf(times);
    problems = List.copyOf(problems);
    for (int i = 0; i < entities.size(); i++) {
      if (entities.get(i).index() != i) {
        throw new IllegalArgumentException(
            "entity " + i + " of " + article + " has index " + entities.get(i).index());
      }
    }
    for (LocalMention m : mentions) {
      if (m.entity() < 0 || m.entity() >= entities.size()) {
        throw new IllegalArgumentException(
            "a mention of " + article + " names no entity of it: " + m.entity());
      }
    }
  }

  /** An article the models could not read, with the reason. */
  public static ArticleReading failed(String article, Problem problem) {
    return new ArticleReading(
        article, false, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(problem));
  }

  /**
   * A referent within one article.
   *
   * @param index its position in {@link ArticleReading#entities()}
   * @param type {@code person}, {@code organization} or {@code place}
   * @param subtype a finer kind decided by the entity list or by context
   * @param listId the curated entity list's id when the list knows it
   * @param canonical the curated entity list's name when the list knows it
   */
  public record LocalEntity(
      int index, String type, Optional<String> subtype, Optional<String> listId, Optional<String> canonical) {
    public LocalEntity {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(subtype, "subtype");
      Objects.requireNonNull(listId, "listId");
      Objects.requireNonNull(canonical, "canonical");
    }
  }

  /**
   * A place in the text that names or describes a local entity.
   *
   * @param entity the local entity's index
   * @param span the words
   * @param kind {@code name} or {@code description}
   * @param text the words themselves, as the span cites them
   */
  public record LocalMention(int entity, Span span, String kind, String text) {
    public LocalMention {
      Objects.requireNonNull(span, "span");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * Quoted words.
   *
   * @param span the words without the quotation marks
   * @param speaker the local entity that speaks them, or -1 when the text names nobody
   * @param cue the reporting words
   * @param speakerSpan the words naming the speaker at the attribution
   */
  public record LocalQuote(Span span, int speaker, Optional<Span> cue, Optional<Span> speakerSpan) {
    public LocalQuote {
      Objects.requireNonNull(span, "span");
      Objects.requireNonNull(cue, "cue");
      Objects.requireNonNull(speakerSpan, "speakerSpan");
    }
  }
}
