package org.triangulate.report;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.triangulate.model.Annotations;
import org.triangulate.model.Article;
import org.triangulate.model.Entity;
import org.triangulate.model.Problem;
import org.triangulate.model.Provenance;
import org.triangulate.model.Reconciliation;
import org.triangulate.model.Story;

/**
 * Everything a run found, as the report writes it. Articles are in id order, problems in source and
 * position order (see {@link org.triangulate.ingest.Corpus}).
 *
 * @param inputs how many input files the run was given (after expanding folders and globs)
 * @param stories the articles grouped by the event they report; every article is in exactly one
 * @param entities the run's entities, sorted by id (empty when the annotate stage did not run)
 * @param annotations each article's mentions, quotes, quantities and times, by article id
 * @param provenance each story's links, derivations, credits and independent sources, by story id
 * @param reconciliation each story's claims, quote groups, framing, timeline and brief, by story id
 */
public record Report(
    int inputs,
    List<Article> articles,
    List<Story> stories,
    List<Problem> problems,
    List<Entity> entities,
    Map<String, Annotations> annotations,
    Map<String, Provenance> provenance,
    Map<String, Reconciliation> reconciliation) {

  /** The schema name and version written at the top of every report. */
  public static final String SCHEMA = "triangulate.report/1";

  public Report {
    if (inputs < 0) {
      throw new IllegalArgumentException("inputs must be >= 0: " + inputs);
    }
    articles = List.copyOf(articles);
    stories = List.copyOf(stories);
    problems = List.copyOf(problems);
    entities = List.copyOf(entities);
    annotations = java.util.Collections.unmodifiableMap(new TreeMap<>(annotations));
    provenance = java.util.Collections.unmodifiableMap(new TreeMap<>(provenance));
    reconciliation = java.util.Collections.unmodifiableMap(new TreeMap<>(reconciliation));
  }

  /** A report without annotations. */
  public Report(int inputs, List<Article> articles, List<Story> stories, List<Problem> problems) {
    this(inputs, articles, stories, problems, List.of(), Map.of(), Map.of(), Map.of());
  }

  /** The number of problems that rejected an input or part of one. */
  public long rejected() {
    return problems.stream().filter(Problem::rejected).count();
  }
}
