package org.triangulate.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.triangulate.model.Annotations;
import org.triangulate.model.Article;
import org.triangulate.model.Entity;
import org.triangulate.model.Problem;
import org.triangulate.model.Provenance;
import org.triangulate.model.Reconciliation;
import org.triangulate.model.Story;
import org.triangulate.report.JsonReportReader;
import org.triangulate.report.JsonReportWriter;
import org.triangulate.report.Report;

/**
 * How records travel between the job's steps: as report.json fragments, a {@link Report} that
 * holds just the records at hand (one article, one story with its articles), written by {@link
 * JsonReportWriter} and read by {@link JsonReportReader}. The report's JSON is complete (reading it
 * and writing it again gives the same bytes), so nothing is lost on the way, and the job has no
 * serialisation of its own.
 */
final class Fragments {

  private Fragments() {}

  static String write(Report r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      new JsonReportWriter().write(r, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  static Report read(String json) {
    try {
      return new JsonReportReader().read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("a fragment does not read back: " + e.getMessage(), e);
    }
  }

  static String article(Article a) {
    return write(new Report(0, List.of(a), List.of(), List.of()));
  }

  static Article article(String json) {
    return read(json).articles().get(0);
  }

  static String problems(List<Problem> problems) {
    return write(new Report(0, List.of(), List.of(), problems));
  }

  /** One story with everything its stages read. */
  static String bundle(
      Story story, List<Article> articles, Map<String, Annotations> annotations, List<Entity> entities) {
    return write(
        new Report(0, articles, List.of(story), List.of(), entities, annotations, Map.of(), Map.of()));
  }

  /** One story's results: provenance and reconciliation, each possibly absent. */
  static String results(
      Story story,
      List<Article> articles,
      Provenance provenance,
      Reconciliation reconciliation,
      List<Problem> problems) {
    return write(
        new Report(
            0,
            articles,
            List.of(story),
            problems,
            List.of(),
            Map.of(),
            provenance == null ? Map.of() : Map.of(story.id(), provenance),
            reconciliation == null ? Map.of() : Map.of(story.id(), reconciliation)));
  }
}
