package org.triangulate.store;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.triangulate.model.Annotations;
import org.triangulate.model.Article;
import org.triangulate.model.Entity;
import org.triangulate.model.Problem;
import org.triangulate.model.Provenance;
import org.triangulate.model.Reconciliation;
import org.triangulate.model.Story;
import org.triangulate.report.JsonReportWriter;
import org.triangulate.report.Report;

/**
 * The JSON the store keeps of each record: what {@link JsonReportWriter} writes of it in
 * report.json, compact, so that the store has no serialisation of its own. Records the writer has
 * a public method for (articles with their annotations, entities, provenance, reconciliation) are
 * written with it; stories and problems, which it writes only inside a report, are cut out of a
 * report that holds just them. An article's object is split in two: the article and its
 * annotations ({@code mentions, quotes, quantities, times}); a story's in three: the story, its
 * provenance and its reconciliation.
 *
 * <p>Payloads are written as UTF-8 bytes, where the writer escapes control characters and every
 * surrogate, so the text a column holds is valid Unicode without NUL, whatever the article held.
 */
final class Payloads {

  static final List<String> ANNOTATION_FIELDS = List.of("mentions", "quotes", "quantities", "times");
  static final List<String> PROVENANCE_FIELDS =
      List.of("links", "derivations", "credits", "independentSources");
  static final List<String> RECONCILIATION_FIELDS =
      List.of("claims", "quoteGroups", "framing", "timeline", "brief");

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
          .build();

  static final ObjectMapper JSON = JsonMapper.builder(FACTORY).build();

  private Payloads() {}

  /** The article as report.json writes it, without its annotations. */
  static String article(Article a) {
    ObjectNode n = tree(write(g -> JsonReportWriter.article(g, a, null)));
    ANNOTATION_FIELDS.forEach(n::remove);
    return text(n);
  }

  /** The annotations of {@code a} as report.json writes them into the article's object. */
  static String annotations(Article a, Annotations an) {
    ObjectNode n = tree(write(g -> JsonReportWriter.article(g, a, an)));
    n.retain(ANNOTATION_FIELDS);
    return text(n);
  }

  static String entity(Entity e) {
    return write(g -> JsonReportWriter.entity(g, e));
  }

  static String provenance(Provenance p) {
    return write(
        g -> {
          g.writeStartObject();
          JsonReportWriter.provenance(g, p);
          g.writeEndObject();
        });
  }

  static String reconciliation(Reconciliation r) {
    return write(
        g -> {
          g.writeStartObject();
          JsonReportWriter.reconciliation(g, r);
          g.writeEndObject();
        });
  }

  /** Each story as report.json writes it, without its provenance and reconciliation. */
  static List<String> stories(List<Story> stories) {
    List<String> out = new ArrayList<>();
    for (JsonNode s : cutOut(new Report(0, List.of(), stories, List.of()), "stories")) {
      ObjectNode n = (ObjectNode) s;
      PROVENANCE_FIELDS.forEach(n::remove);
      RECONCILIATION_FIELDS.forEach(n::remove);
      out.add(text(n));
    }
    return out;
  }

  /** Each problem as report.json writes it. */
  static List<String> problems(List<Problem> problems) {
    List<String> out = new ArrayList<>();
    for (JsonNode p : cutOut(new Report(0, List.of(), List.of(), problems), "problems")) {
      out.add(text(p));
    }
    return out;
  }

  /** The elements of array {@code field} in the report.json of {@code report}. */
  private static ArrayNode cutOut(Report report, String field) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      new JsonReportWriter().write(report, out);
      return (ArrayNode) JSON.readTree(out.toByteArray()).get(field);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A stored payload as a tree. */
  static ObjectNode tree(String payload) {
    try {
      JsonNode n = JSON.readTree(payload);
      if (n == null || !n.isObject()) {
        throw new IOException("not a JSON object");
      }
      return (ObjectNode) n;
    } catch (IOException e) {
      throw new StoreException("a stored record is not valid JSON: " + e.getMessage(), e);
    }
  }

  /** A tree as compact JSON, through UTF-8 bytes (so that surrogates are escaped). */
  static String text(JsonNode n) {
    try {
      return new String(JSON.writeValueAsBytes(n), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  interface Writing {
    void to(JsonGenerator g) throws IOException;
  }

  /** What {@code w} writes, compact, as UTF-8 decoded to a string. */
  static String write(Writing w) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      w.to(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** A generator over {@code out} for assembling a report from payloads. */
  static JsonGenerator generator(ByteArrayOutputStream out) throws IOException {
    return FACTORY.createGenerator(out, JsonEncoding.UTF8);
  }
}
