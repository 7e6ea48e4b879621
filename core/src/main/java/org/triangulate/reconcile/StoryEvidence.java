package org.triangulate.reconcile;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.triangulate.model.Annotations;
import org.triangulate.model.Article;
import org.triangulate.model.Entity;
import org.triangulate.model.Provenance;
import org.triangulate.model.Story;

/**
 * Everything the reconcile stage reads about one story: its articles with their annotations, the
 * run's entities, and the story's provenance (links, derivations, independent sources).
 *
 * @param story the story
 * @param articles its articles (kept in the story's order, whatever order they are given in)
 * @param annotations each article's annotations by article id; an article without any maps to
 *     empty annotations
 * @param entities the run's entities by id
 * @param provenance the story's provenance; for a story of one article, an empty one
 */
public record StoryEvidence(
    Story story,
    List<Article> articles,
    Map<String, Annotations> annotations,
    Map<String, Entity> entities,
    Provenance provenance) {
  public StoryEvidence {
    Objects.requireNonNull(story, "story");
    Objects.requireNonNull(provenance, "provenance");
    List<String> order = story.articles();
    articles =
        articles.stream()
            .sorted(java.util.Comparator.comparingInt((Article a) -> order.indexOf(a.id())))
            .toList();
    annotations = Map.copyOf(annotations);
    entities = Map.copyOf(entities);
  }

  /** The annotations of one article of the story; empty ones when it has none. */
  public Annotations annotations(String article) {
    Annotations a = annotations.get(article);
    return a != null ? a : new Annotations(article, List.of(), List.of(), List.of(), List.of());
  }

  /** One entity by id. */
  public Optional<Entity> entity(String id) {
    return Optional.ofNullable(entities.get(id));
  }

  /** One article of the story by id. */
  public Article article(String id) {
    for (Article a : articles) {
      if (a.id().equals(id)) {
        return a;
      }
    }
    throw new IllegalArgumentException("not in story " + story.id() + ": " + id);
  }
}
