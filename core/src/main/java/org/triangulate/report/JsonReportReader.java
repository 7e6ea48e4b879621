package org.triangulate.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.triangulate.model.Annotations;
import org.triangulate.model.Article;
import org.triangulate.model.Entity;
import org.triangulate.model.Problem;
import org.triangulate.model.Provenance;
import org.triangulate.model.Reconciliation;
import org.triangulate.model.Story;

/**
 * Reads a report written by {@link JsonReportWriter} back into a {@link Report}, so that a later
 * run can start from an earlier one's output (adding articles to its stories) instead of from the
 * raw inputs. It restores every part the writer writes: articles with their annotations, entities,
 * stories with their provenance and reconciliation, and problems.
 *
 * <p>Writing what it read gives the same bytes, and reading what the writer wrote gives an equal
 * report, with two limits that come from what the JSON can say:
 *
 * <ul>
 *   <li>Numbers the writer rounds (to six decimals; key weights to four) read as the rounded value,
 *       so only a report whose numbers are already rounded reads back equal. A number the writer
 *       rounded to a whole one and so wrote with a fraction ({@code 1.0}) reads as the nearest
 *       double that is not whole, which writes as {@code 1.0} again.
 *   <li>The writer writes empty lists both for a part that is empty and for one that is absent.
 *       The reader decides as the pipeline builds a report: a story has provenance when any of its
 *       provenance lists has an entry (the align and trace stages run on every story of two
 *       articles or more, and then list at least one independent source). Annotations and
 *       reconciliation come from the annotate stage, which runs on the whole run or not at all
 *       ({@code --no-annotate}): when the report shows that it ran (an entity, a mention, quote,
 *       quantity or time, a claim or other reconciliation finding, or a problem of the {@code
 *       annotate} stage), every article gets annotations and
 *       every story a reconciliation, empty or not, except an article the annotate stage reported it
 *       could not annotate and that has none; when it shows nothing, none does.
 * </ul>
 *
 * <p>The {@code summary} counts are derived from the lists, so the reader checks them rather than
 * keeping them. A malformed report throws an {@link IOException} that names the field and the
 * article, entity, story or problem it is in; so does a span that runs past its article's text, a
 * passage of an article the report does not hold, or a story of such an article.
 */
public final class JsonReportReader {

  private static final ObjectMapper JSON =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
                  .build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  /** The annotate stage's message for an article it could not read (it then has no entry). */
  private static final String COULD_NOT_ANNOTATE = "could not annotate";

  /** Reads a report; throws {@link IOException} naming what is wrong when it is not one. */
  public Report read(InputStream in) throws IOException {
    return read(JSON.readTree(in));
  }

  /**
   * Reads a report already parsed into a tree (as the corpus store assembles one from its rows);
   * throws {@link IOException} naming what is wrong when it is not one.
   */
  public Report read(JsonNode root) throws IOException {
    if (root == null || !root.isObject()) {
      throw new IOException("not a Triangulate report: the file is not a JSON object");
    }
    JsonNode schemaNode = root.path("schema");
    String schema = schemaNode.isTextual() ? schemaNode.textValue() : "";
    if (!schema.equals(Report.SCHEMA)) {
      throw new IOException(
          "not a Triangulate report of schema " + Report.SCHEMA + ": its schema is '" + schema + "'");
    }
    JsonFieldReader report = JsonFieldReader.of(root, "the report");

    List<Article> articles = new ArrayList<>();
    Map<String, Annotations> annotations = new LinkedHashMap<>();
    Map<String, Integer> lengths = new HashMap<>();
    int i = 0;
    for (JsonNode node : report.array("articles")) {
      JsonFieldReader a = JsonFieldReader.of(node, "articles[" + i + "]");
      a = a.as("article '" + a.string("id") + "'");
      try {
        Article article = JsonArticleReader.article(a);
        if (lengths.put(article.id(), article.text().length()) != null) {
          throw new IOException(a.where() + " appears twice");
        }
        articles.add(article);
        annotations.put(article.id(), JsonArticleReader.annotations(a, article));
      } catch (IllegalArgumentException e) {
        throw new IOException(a.where() + ": " + e.getMessage(), e);
      }
      i++;
    }

    List<Entity> entities = new ArrayList<>();
    i = 0;
    for (JsonNode node : report.array("entities")) {
      JsonFieldReader e = JsonFieldReader.of(node, "entities[" + i + "]");
      e = e.as("entity '" + e.string("id") + "'");
      entities.add(
          new Entity(
              e.string("id"),
              e.string("name"),
              e.string("type"),
              e.optionalString("subtype"),
              e.strings("aliases"),
              e.strings("descriptions"),
              e.count("mentions")));
      i++;
    }

    List<Story> stories = new ArrayList<>();
    Map<String, Provenance> provenance = new TreeMap<>();
    Map<String, Reconciliation> reconciliation = new LinkedHashMap<>();
    Set<String> storyIds = new HashSet<>();
    i = 0;
    for (JsonNode node : report.array("stories")) {
      JsonFieldReader s = JsonFieldReader.of(node, "stories[" + i + "]");
      s = s.as("story '" + s.string("id") + "'");
      try {
        Story story = story(s, lengths);
        if (!storyIds.add(story.id())) {
          throw new IOException(s.where() + " appears twice");
        }
        stories.add(story);
        Provenance p = JsonProvenanceReader.provenance(s, story.id(), lengths);
        if (!JsonProvenanceReader.isEmpty(p)) {
          provenance.put(story.id(), p);
        }
        reconciliation.put(
            story.id(), JsonReconciliationReader.reconciliation(s, story.id(), lengths));
      } catch (IllegalArgumentException e) {
        throw new IOException(s.where() + ": " + e.getMessage(), e);
      }
      i++;
    }

    List<Problem> problems = new ArrayList<>();
    i = 0;
    for (JsonFieldReader p : report.objects("problems")) {
      p = p.as("problems[" + i + "]");
      String severity = p.string("severity");
      Problem.Severity level =
          switch (severity) {
            case "error" -> Problem.Severity.ERROR;
            case "warning" -> Problem.Severity.WARNING;
            default -> throw p.error("severity", "must be 'error' or 'warning', not '" + severity + "'");
          };
      problems.add(
          new Problem(
              p.string("source"), p.string("location"), p.string("stage"), level, p.string("message")));
      i++;
    }

    int inputs = summary(report, articles, entities, stories, problems);
    boolean annotated =
        !entities.isEmpty()
            || annotations.values().stream().anyMatch(a -> !JsonArticleReader.isEmpty(a))
            || reconciliation.values().stream().anyMatch(r -> !JsonReconciliationReader.isEmpty(r))
            || problems.stream().anyMatch(p -> p.stage().equals("annotate"));
    if (!annotated) {
      annotations.clear();
      reconciliation.clear();
    } else {
      for (Article a : articles) {
        if (JsonArticleReader.isEmpty(annotations.get(a.id())) && couldNotAnnotate(a, problems)) {
          annotations.remove(a.id());
        }
      }
    }
    return new Report(
        inputs, articles, stories, problems, entities, annotations, provenance, reconciliation);
  }

  private static Story story(JsonFieldReader s, Map<String, Integer> lengths) throws IOException {
    List<String> ids = s.strings("articles");
    if (ids.isEmpty()) {
      throw s.error("articles", "must name at least one article");
    }
    for (String id : ids) {
      if (!lengths.containsKey(id)) {
        throw s.error("articles", "names article '" + id + "', which is not in the report");
      }
    }
    List<Story.Key> keys = new ArrayList<>();
    for (JsonFieldReader k : s.objects("keys")) {
      keys.add(new Story.Key(k.string("kind"), k.string("text"), k.plainNumber("weight")));
    }
    return new Story(
        s.string("id"),
        s.string("title"),
        ids,
        s.optionalString("first"),
        s.optionalString("last"),
        keys,
        s.strings("aliases"));
  }

  /**
   * The number of inputs, from {@code summary}, whose counts (derived from the lists, so not kept)
   * must agree with what the report holds; 0 without a summary.
   */
  private static int summary(
      JsonFieldReader report,
      List<Article> articles,
      List<Entity> entities,
      List<Story> stories,
      List<Problem> problems)
      throws IOException {
    java.util.Optional<JsonFieldReader> summary = report.optionalObject("summary");
    if (summary.isEmpty()) {
      return 0;
    }
    JsonFieldReader s = summary.get();
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("articles", (long) articles.size());
    counts.put("entities", (long) entities.size());
    counts.put("stories", (long) stories.size());
    counts.put("problems", (long) problems.size());
    counts.put("rejected", problems.stream().filter(Problem::rejected).count());
    for (Map.Entry<String, Long> c : counts.entrySet()) {
      if (s.has(c.getKey()) && s.count(c.getKey()) != c.getValue()) {
        throw s.error(
            c.getKey(),
            "says " + s.count(c.getKey()) + " but the report holds " + c.getValue()
                + (c.getKey().equals("rejected") ? " errors" : " " + c.getKey()));
      }
    }
    return s.has("inputs") ? s.count("inputs") : 0;
  }

  /** Whether the annotate stage reported that it could not read {@code a}. */
  private static boolean couldNotAnnotate(Article a, List<Problem> problems) {
    String location = a.location().orElse("article " + a.id());
    return problems.stream()
        .anyMatch(
            p ->
                p.stage().equals("annotate")
                    && p.source().equals(a.source())
                    && p.location().equals(location)
                    && p.message().toLowerCase(Locale.ROOT).startsWith(COULD_NOT_ANNOTATE));
  }
}
