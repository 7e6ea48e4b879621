package org.triangulate.report;

import java.util.List;
import org.triangulate.model.Article;
import org.triangulate.model.Problem;
import org.triangulate.model.Story;

/**
 * Everything a run found, as the report writes it. Articles are in id order, problems in source and
 * position order (see {@link org.triangulate.ingest.Corpus}).
 *
 * @param inputs how many input files the run was given (after expanding folders and globs)
 * @param stories the articles grouped by the event they report; every article is in exactly one
 */
public record Report(int inputs, List<Article> articles, List<Story> stories, List<Problem> problems) {

  /** The schema name and version written at the top of every report. */
  public static final String SCHEMA = "triangulate.report/1";

  public Report {
    if (inputs < 0) {
      throw new IllegalArgumentException("inputs must be >= 0: " + inputs);
    }
    articles = List.copyOf(articles);
    stories = List.copyOf(stories);
    problems = List.copyOf(problems);
  }

  /** The number of problems that rejected an input or part of one. */
  public long rejected() {
    return problems.stream().filter(Problem::rejected).count();
  }
}
