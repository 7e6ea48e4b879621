package org.triangulate.changes;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.triangulate.report.JsonReportWriter;

/**
 * The JSON form of a {@link CorpusChange}, schema {@value CorpusChange#SCHEMA}, documented in
 * {@code docs/report.md}. Written as the report is: fields in a fixed order, two-space indentation,
 * {@code \n} line ends, a missing value as {@code null}. Read back strictly: a missing or mistyped
 * field, a repeated field or trailing content is an error naming the field and the item; fields it
 * does not know are ignored, so that a later version may add some.
 */
final class CorpusChangeJson {

  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  /** How errors name the top-level object. */
  private static final String TOP = "the change";

  private CorpusChangeJson() {}

  static String write(CorpusChange c) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.setPrettyPrinter(JsonReportWriter.prettyPrinter());
      g.writeStartObject();
      g.writeStringField("schema", CorpusChange.SCHEMA);
      strings(g, "articles", c.articles());
      g.writeArrayFieldStart("newStories");
      for (CorpusChange.NewStory s : c.newStories()) {
        g.writeStartObject();
        g.writeStringField("id", s.id());
        g.writeStringField("title", s.title());
        strings(g, "articles", s.articles());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("grownStories");
      for (CorpusChange.GrownStory s : c.grownStories()) {
        g.writeStartObject();
        g.writeStringField("id", s.id());
        g.writeStringField("title", s.title());
        strings(g, "absorbed", s.absorbed());
        strings(g, "added", s.added());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("contested");
      for (CorpusChange.ContestedClaim x : c.contested()) {
        g.writeStartObject();
        g.writeStringField("story", x.story());
        g.writeStringField("claim", x.claim());
        g.writeStringField("text", x.text());
        g.writeStringField("slot", x.slot());
        g.writeArrayFieldStart("values");
        for (CorpusChange.Value v : x.values()) {
          g.writeStartObject();
          g.writeStringField("value", v.value());
          strings(g, "articles", v.articles());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("explanation", x.explanation());
        strings(g, "articles", x.articles());
        if (x.previous().isPresent()) {
          previous(g, x.previous().get());
        } else {
          g.writeNullField("previous");
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("gainedSources");
      for (CorpusChange.GainedSource x : c.gainedSources()) {
        g.writeStartObject();
        g.writeStringField("story", x.story());
        g.writeStringField("claim", x.claim());
        g.writeStringField("text", x.text());
        g.writeStringField("status", x.status());
        g.writeNumberField("before", x.before());
        g.writeNumberField("after", x.after());
        strings(g, "articles", x.articles());
        previous(g, x.previous());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a string cannot fail", e);
    }
    return out.append('\n').toString();
  }

  private static void previous(JsonGenerator g, CorpusChange.Previous p) throws IOException {
    g.writeObjectFieldStart("previous");
    g.writeStringField("story", p.story());
    g.writeStringField("claim", p.claim());
    g.writeStringField("status", p.status());
    g.writeNumberField("independentSources", p.independentSources());
    g.writeStringField("matchedBy", p.matchedBy());
    g.writeEndObject();
  }

  private static void strings(JsonGenerator g, String name, List<String> values)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  // ---------------------------------------------------------------- reading

  static CorpusChange read(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
    Node top = Node.of(root, TOP);
    String schema = top.string("schema");
    if (!schema.equals(CorpusChange.SCHEMA)) {
      throw new IllegalArgumentException(
          "not a change of schema " + CorpusChange.SCHEMA + ": its schema is '" + schema + "'");
    }
    List<CorpusChange.NewStory> created = new ArrayList<>();
    for (Node s : top.objects("newStories")) {
      created.add(
          s.make(
              () ->
                  new CorpusChange.NewStory(
                      s.string("id"), s.string("title"), s.strings("articles"))));
    }
    List<CorpusChange.GrownStory> grown = new ArrayList<>();
    for (Node s : top.objects("grownStories")) {
      grown.add(
          s.make(
              () ->
                  new CorpusChange.GrownStory(
                      s.string("id"),
                      s.string("title"),
                      s.strings("absorbed"),
                      s.strings("added"))));
    }
    List<CorpusChange.ContestedClaim> contested = new ArrayList<>();
    for (Node x : top.objects("contested")) {
      List<CorpusChange.Value> values = new ArrayList<>();
      for (Node v : x.objects("values")) {
        values.add(v.make(() -> new CorpusChange.Value(v.string("value"), v.strings("articles"))));
      }
      Optional<Node> p = x.optionalObject("previous");
      Optional<CorpusChange.Previous> previous =
          p.isPresent() ? Optional.of(previous(p.get())) : Optional.empty();
      contested.add(
          x.make(
              () ->
                  new CorpusChange.ContestedClaim(
                      x.string("story"),
                      x.string("claim"),
                      x.string("text"),
                      x.string("slot"),
                      values,
                      x.string("explanation"),
                      x.strings("articles"),
                      previous)));
    }
    List<CorpusChange.GainedSource> gained = new ArrayList<>();
    for (Node x : top.objects("gainedSources")) {
      Node p =
          x.optionalObject("previous").orElseThrow(() -> x.error("previous", "is missing or null"));
      CorpusChange.Previous previous = previous(p);
      gained.add(
          x.make(
              () ->
                  new CorpusChange.GainedSource(
                      x.string("story"),
                      x.string("claim"),
                      x.string("text"),
                      x.string("status"),
                      x.count("before"),
                      x.count("after"),
                      x.strings("articles"),
                      previous)));
    }
    return top.make(
        () -> new CorpusChange(top.strings("articles"), created, grown, contested, gained));
  }

  private static CorpusChange.Previous previous(Node p) {
    return p.make(
        () ->
            new CorpusChange.Previous(
                p.string("story"),
                p.string("claim"),
                p.string("status"),
                p.count("independentSources"),
                p.string("matchedBy")));
  }

  /** One JSON object, read field by field; errors name it ({@code contested[2].previous}). */
  private record Node(JsonNode node, String where) {

    static Node of(JsonNode node, String where) {
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException(where + " must be a JSON object, not " + describe(node));
      }
      return new Node(node, where);
    }

    IllegalArgumentException error(String field, String problem) {
      return new IllegalArgumentException(where + ": '" + field + "' " + problem);
    }

    /** Builds a record from this object, naming it in the record's own validation errors. */
    <T> T make(java.util.function.Supplier<T> build) {
      try {
        return build.get();
      } catch (IllegalArgumentException e) {
        if (e.getMessage() != null && e.getMessage().startsWith(where)) {
          throw e;
        }
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
    }

    String string(String field) {
      JsonNode v = node.get(field);
      if (v == null) {
        throw error(field, "is missing");
      }
      if (!v.isTextual()) {
        throw error(field, "must be a string, not " + describe(v));
      }
      return v.textValue();
    }

    int count(String field) {
      JsonNode v = node.get(field);
      if (v == null) {
        throw error(field, "is missing");
      }
      if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0) {
        throw error(field, "must be a whole number >= 0, not " + describe(v));
      }
      return v.intValue();
    }

    List<String> strings(String field) {
      JsonNode v = array(field);
      List<String> out = new ArrayList<>();
      for (int i = 0; i < v.size(); i++) {
        if (!v.get(i).isTextual()) {
          throw error(field + "[" + i + "]", "must be a string, not " + describe(v.get(i)));
        }
        out.add(v.get(i).textValue());
      }
      return out;
    }

    List<Node> objects(String field) {
      JsonNode v = array(field);
      List<Node> out = new ArrayList<>();
      for (int i = 0; i < v.size(); i++) {
        String prefix = where.equals(TOP) ? "" : where + ".";
        out.add(of(v.get(i), prefix + field + "[" + i + "]"));
      }
      return out;
    }

    Optional<Node> optionalObject(String field) {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        return Optional.empty();
      }
      return Optional.of(of(v, where + "." + field));
    }

    private JsonNode array(String field) {
      JsonNode v = node.get(field);
      if (v == null) {
        throw error(field, "is missing");
      }
      if (!v.isArray()) {
        throw error(field, "must be an array, not " + describe(v));
      }
      return v;
    }

    private static String describe(JsonNode v) {
      if (v == null || v.isMissingNode()) {
        return "missing";
      }
      if (v.isNull()) {
        return "null";
      }
      return v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
