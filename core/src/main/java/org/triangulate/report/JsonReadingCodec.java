package org.triangulate.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.triangulate.annotate.ArticleReading;
import org.triangulate.model.Problem;
import org.triangulate.model.Quantity;
import org.triangulate.model.TimeRef;

/**
 * An {@link ArticleReading} as compact JSON, for keeping it between runs. Numbers are written
 * exactly (a double as the shortest decimal that reads back as the same double), so a reading
 * read back is equal to the one written and what is computed from it does not change.
 *
 * <pre>
 * {"article":"a1","annotated":true,
 *  "entities":[{"type":"person","subtype":null,"listId":null,"canonical":null}],
 *  "mentions":[{"entity":0,"span":[0,5],"kind":"name","text":"Assad"}],
 *  "quotes":[{"span":[9,20],"speaker":0,"cue":[21,25],"speakerSpan":null}],
 *  "quantities":[{"span":..,"value":..,"unit":..,"approx":..,"low":..,"high":..,"about":..,"base":..,"baseUnit":..}],
 *  "times":[{"span":..,"value":..,"granularity":..,"reference":..,"referenceSource":..}],
 *  "problems":[{"source":..,"location":..,"stage":..,"severity":"warning","message":..}]}
 * </pre>
 */
public final class JsonReadingCodec {

  private static final JsonFactory FACTORY = JsonFactory.builder().build();
  private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

  private JsonReadingCodec() {}

  /** The reading as JSON. */
  public static String write(ArticleReading r) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("article", r.article());
      g.writeBooleanField("annotated", r.annotated());
      g.writeArrayFieldStart("entities");
      for (ArticleReading.LocalEntity e : r.entities()) {
        g.writeStartObject();
        g.writeStringField("type", e.type());
        JsonReportWriter.optional(g, "subtype", e.subtype());
        JsonReportWriter.optional(g, "listId", e.listId());
        JsonReportWriter.optional(g, "canonical", e.canonical());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("mentions");
      for (ArticleReading.LocalMention m : r.mentions()) {
        g.writeStartObject();
        g.writeNumberField("entity", m.entity());
        JsonReportWriter.span(g, "span", m.span());
        g.writeStringField("kind", m.kind());
        g.writeStringField("text", m.text());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("quotes");
      for (ArticleReading.LocalQuote q : r.quotes()) {
        g.writeStartObject();
        JsonReportWriter.span(g, "span", q.span());
        g.writeNumberField("speaker", q.speaker());
        JsonReportWriter.optionalSpan(g, "cue", q.cue());
        JsonReportWriter.optionalSpan(g, "speakerSpan", q.speakerSpan());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("quantities");
      for (Quantity q : r.quantities()) {
        JsonReportWriter.quantity(g, q, true);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("times");
      for (TimeRef t : r.times()) {
        JsonReportWriter.time(g, t);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("problems");
      for (Problem p : r.problems()) {
        JsonReportWriter.problem(g, p);
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * Reads a reading written by {@link #write}.
   *
   * @throws IOException naming the field, when {@code json} is not such a reading
   */
  public static ArticleReading read(String json) throws IOException {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new IOException("a kept reading is not JSON: " + e.getOriginalMessage(), e);
    }
    JsonFieldReader r = JsonFieldReader.of(root, "reading");
    String article = r.string("article");
    r = r.as("reading of '" + article + "'");
    List<ArticleReading.LocalEntity> entities = new ArrayList<>();
    int index = 0;
    for (JsonFieldReader e : r.objects("entities")) {
      entities.add(
          new ArticleReading.LocalEntity(
              index++,
              e.string("type"),
              e.optionalString("subtype"),
              e.optionalString("listId"),
              e.optionalString("canonical")));
    }
    List<ArticleReading.LocalMention> mentions = new ArrayList<>();
    for (JsonFieldReader m : r.objects("mentions")) {
      mentions.add(
          new ArticleReading.LocalMention(
              m.integer("entity"), m.span("span"), m.string("kind"), m.string("text")));
    }
    List<ArticleReading.LocalQuote> quotes = new ArrayList<>();
    for (JsonFieldReader q : r.objects("quotes")) {
      quotes.add(
          new ArticleReading.LocalQuote(
              q.span("span"), q.integer("speaker"), q.optionalSpan("cue"), q.optionalSpan("speakerSpan")));
    }
    List<Quantity> quantities = new ArrayList<>();
    for (JsonFieldReader q : r.objects("quantities")) {
      quantities.add(
          new Quantity(
              q.span("span"),
              q.plainNumber("value"),
              q.string("unit"),
              q.string("approx"),
              optionalNumber(q, "low"),
              optionalNumber(q, "high"),
              q.optionalString("about"),
              q.plainNumber("base"),
              q.string("baseUnit")));
    }
    List<TimeRef> times = new ArrayList<>();
    for (JsonFieldReader t : r.objects("times")) {
      times.add(
          new TimeRef(
              t.span("span"),
              t.string("value"),
              t.string("granularity"),
              t.optionalString("reference"),
              t.optionalString("referenceSource")));
    }
    List<Problem> problems = new ArrayList<>();
    for (JsonFieldReader p : r.objects("problems")) {
      problems.add(
          new Problem(
              p.string("source"),
              p.string("location"),
              p.string("stage"),
              Problem.Severity.valueOf(p.string("severity").toUpperCase(Locale.ROOT)),
              p.string("message")));
    }
    try {
      return new ArticleReading(
          article, r.bool("annotated"), entities, mentions, quotes, quantities, times, problems);
    } catch (IllegalArgumentException e) {
      throw new IOException(r.where() + ": " + e.getMessage(), e);
    }
  }

  private static Optional<Double> optionalNumber(JsonFieldReader r, String field)
      throws IOException {
    return r.has(field) && !r.isNull(field) ? Optional.of(r.plainNumber(field)) : Optional.empty();
  }


}
