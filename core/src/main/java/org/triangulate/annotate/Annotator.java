package org.triangulate.annotate;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.triangulate.model.Annotations;
import org.triangulate.model.Article;
import org.triangulate.model.Entity;

/**
 * The annotate stage: reads articles the way an analyst does (entities, quotes and their speakers,
 * quantities, times). Core declares it; the {@code nlp} module implements it. Implementations load
 * their models once per JVM, are safe to share between threads and start no threads of their own:
 * the caller (the pipeline) decides what runs where.
 *
 * <p>Two steps. {@link #read} is a per-article stage: its result depends on the article and its
 * reference date alone. {@link #link} is a corpus step: it links the local entities of new readings
 * to the entities the corpus already has (which keep their ids) and to one another, without
 * reading any article again.
 */
public interface Annotator {

  /**
   * Reads one article.
   *
   * @param reference the date its relative times resolve against (see {@link ReferenceDates});
   *     without one they stay unresolved
   */
  ArticleReading read(Article article, Optional<ReferenceDates.Reference> reference);

  /**
   * Links new readings into the corpus's entities.
   *
   * @param existing the corpus's entities so far (empty for a batch): each keeps its id, its name
   *     and its type; new mentions of it add aliases, descriptions and counts
   * @param readings the new articles' readings, in any order
   * @return every entity (the existing ones, updated, and the new ones), sorted by id, and each
   *     read article's annotations; the result does not depend on the order of {@code readings}
   */
  Linked link(List<Entity> existing, List<ArticleReading> readings);

  /**
   * Loads what {@link #read} needs, if it loads anything lazily; the pipeline calls it before the
   * first read so that loading models is not counted against an article's time budget.
   */
  default void load() {}

  /**
   * Counts the annotator keeps of its work so far in this JVM (for example how many lines it read
   * with its models and how many it reused), by name; the pipeline adds what a run added to them to
   * its stats. None by default.
   */
  default Map<String, Long> counters() {
    return Map.of();
  }

  /**
   * What {@link #read} gives depends on: the models, their settings and the code around them. Kept
   * readings are keyed by it (see {@link org.triangulate.pipeline.Records}), so an annotator whose
   * output changes must give another version. The default is the class's name and its jar's
   * version.
   */
  default String version() {
    return Versions.of(getClass());
  }

  /**
   * What linking gives.
   *
   * @param entities every entity of the corpus, sorted by id
   * @param byArticle the annotations of each article that was read, by article id
   */
  record Linked(List<Entity> entities, Map<String, Annotations> byArticle) {
    public Linked {
      entities = List.copyOf(entities);
      byArticle = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(byArticle));
    }
  }

  /**
   * Reads and links a whole batch on the calling thread: {@link #read} each article against its
   * reference, then {@link #link} them all. A convenience for tests and small jobs; the pipeline
   * runs the two steps itself, the reads on its workers.
   */
  default Annotated annotate(List<Article> articles, Map<String, ReferenceDates.Reference> references) {
    List<ArticleReading> readings =
        articles.stream()
            .sorted((a, b) -> a.id().compareTo(b.id()))
            .map(a -> read(a, Optional.ofNullable(references.get(a.id()))))
            .toList();
    return Annotated.of(link(List.of(), readings), readings);
  }
}
