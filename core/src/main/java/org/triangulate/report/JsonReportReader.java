package org.triangulate.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.triangulate.model.Article;
import org.triangulate.model.ArticleMetadata;
import org.triangulate.model.Problem;
import org.triangulate.model.Removal;
import org.triangulate.model.Repair;
import org.triangulate.model.Span;
import org.triangulate.model.Story;

/**
 * Reads a report written by {@link JsonReportWriter} back into a {@link Report}, so that a later
 * run can start from an earlier one's output (adding articles to its stories) instead of from the
 * raw inputs. Reading what the writer wrote gives an equal report.
 */
public final class JsonReportReader {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Reads a report; throws {@link IOException} naming what is wrong when it is not one. */
  public Report read(InputStream in) throws IOException {
    JsonNode root = JSON.readTree(in);
    if (root == null || !root.isObject()) {
      throw new IOException("not a Triangulate report: the file is not a JSON object");
    }
    String schema = root.path("schema").asText("");
    if (!schema.equals(Report.SCHEMA)) {
      throw new IOException(
          "not a Triangulate report of schema " + Report.SCHEMA + ": its schema is '" + schema + "'");
    }
    List<Article> articles = new ArrayList<>();
    for (JsonNode a : root.path("articles")) {
      articles.add(article(a));
    }
    List<Story> stories = new ArrayList<>();
    for (JsonNode s : root.path("stories")) {
      stories.add(story(s));
    }
    List<Problem> problems = new ArrayList<>();
    for (JsonNode p : root.path("problems")) {
      problems.add(
          new Problem(
              p.path("source").asText(),
              p.path("location").asText(),
              p.path("stage").asText(),
              Problem.Severity.valueOf(p.path("severity").asText("error").toUpperCase(java.util.Locale.ROOT)),
              p.path("message").asText()));
    }
    return new Report(root.path("summary").path("inputs").asInt(0), articles, stories, problems);
  }

  private static Article article(JsonNode a) throws IOException {
    String id = required(a, "id");
    ArticleMetadata m =
        new ArticleMetadata(
            text(a, "title"),
            text(a, "byline"),
            text(a, "outlet"),
            text(a, "published"),
            text(a, "modified"),
            text(a, "language"),
            text(a, "url"),
            text(a, "dateline"));
    List<Removal> removed = new ArrayList<>();
    for (JsonNode r : a.path("removed")) {
      removed.add(new Removal(r.path("reason").asText(), r.path("text").asText(), r.path("offset").asInt()));
    }
    List<Repair> repairs = new ArrayList<>();
    for (JsonNode r : a.path("repairs")) {
      JsonNode span = r.path("span");
      repairs.add(
          new Repair(
              r.path("reason").asText(),
              r.path("original").asText(),
              r.path("replacement").asText(),
              r.path("offset").asInt(),
              new Span(span.path(0).asInt(), span.path(1).asInt())));
    }
    return new Article(
        id,
        required(a, "source"),
        text(a, "location"),
        a.path("format").asText("text"),
        m,
        required(a, "text"),
        removed,
        repairs);
  }

  private static Story story(JsonNode s) throws IOException {
    List<String> ids = new ArrayList<>();
    for (JsonNode id : s.path("articles")) {
      ids.add(id.asText());
    }
    List<Story.Key> keys = new ArrayList<>();
    for (JsonNode k : s.path("keys")) {
      keys.add(new Story.Key(k.path("kind").asText(), k.path("text").asText(), k.path("weight").asDouble()));
    }
    return new Story(
        required(s, "id"), s.path("title").asText(""), ids, text(s, "first"), text(s, "last"), keys);
  }

  private static String required(JsonNode node, String field) throws IOException {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual()) {
      throw new IOException("not a Triangulate report: an entry has no '" + field + "' text");
    }
    return v.asText();
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
  }
}
