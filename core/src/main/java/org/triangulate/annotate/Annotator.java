package org.triangulate.annotate;

import java.util.List;
import java.util.Map;
import org.triangulate.model.Article;

/**
 * The annotate stage: reads articles the way an analyst does (entities, quotes and their speakers,
 * quantities, times). Core declares it; the {@code nlp} module implements it. Implementations load
 * their models once per JVM, are safe to share between threads, and give the same result whatever
 * the order of {@code articles} or the number of threads.
 */
public interface Annotator {

  /**
   * Annotates the articles of one run. Entities are resolved across all of them: one entity per
   * real-world referent.
   *
   * @param references the date to resolve each article's relative times against, by article id
   *     (see {@link ReferenceDates}); an article without one keeps its relative times unresolved
   * @param threads how many threads the per-article work may use
   */
  Annotated annotate(List<Article> articles, Map<String, ReferenceDates.Reference> references, int threads);
}
