package org.triangulate.ingest;

import java.util.List;
import org.triangulate.model.Article;
import org.triangulate.model.Problem;

/** What ingest made of one input or of a whole corpus: its articles and its problems. */
public record IngestResult(List<Article> articles, List<Problem> problems) {

  public IngestResult {
    articles = List.copyOf(articles);
    problems = List.copyOf(problems);
  }

  /** The number of problems that rejected an input or part of one. */
  public long rejected() {
    return problems.stream().filter(org.triangulate.model.Problem::rejected).count();
  }
}
