package org.triangulate.report;

import java.util.List;
import org.triangulate.model.Article;
import org.triangulate.model.Problem;

/**
 * Everything a run found, as the report writes it. Articles are in id order, problems in source and
 * position order (see {@link org.triangulate.ingest.Corpus}).
 *
 * @param inputs how many input files the run was given (after expanding folders and globs)
 */
public record Report(int inputs, List<Article> articles, List<Problem> problems) {

  /** The schema name and version written at the top of every report. */
  public static final String SCHEMA = "triangulate.report/1";

  public Report {
    if (inputs < 0) {
      throw new IllegalArgumentException("inputs must be >= 0: " + inputs);
    }
    articles = List.copyOf(articles);
    problems = List.copyOf(problems);
  }

  /** The number of problems that rejected an input or part of one. */
  public long rejected() {
    return problems.stream().filter(Problem::rejected).count();
  }
}
