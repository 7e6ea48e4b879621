package org.triangulate.annotate;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.triangulate.model.Annotations;
import org.triangulate.model.Entity;
import org.triangulate.model.Problem;

/**
 * What the annotate stage gives for a run.
 *
 * @param entities every entity of the run, sorted by id
 * @param byArticle each article's annotations, by article id
 * @param problems articles the stage could not read, each with the reason; the run goes on
 */
public record Annotated(
    List<Entity> entities, Map<String, Annotations> byArticle, List<Problem> problems) {

  public static final Annotated NONE = new Annotated(List.of(), Map.of(), List.of());

  /** The annotations and entities of {@code linked}, with the problems of {@code readings}. */
  public static Annotated of(Annotator.Linked linked, List<ArticleReading> readings) {
    List<Problem> problems = new java.util.ArrayList<>();
    readings.forEach(r -> problems.addAll(r.problems()));
    problems.sort(null);
    return new Annotated(linked.entities(), linked.byArticle(), problems);
  }

  public Annotated {
    entities = List.copyOf(entities);
    byArticle = java.util.Collections.unmodifiableMap(new TreeMap<>(byArticle));
    problems = List.copyOf(problems);
  }
}
