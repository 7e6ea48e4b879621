package org.triangulate.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.triangulate.model.Link;
import org.triangulate.model.Span;

/**
 * One JSON object of a report, read field by field as {@link JsonReportWriter} writes them. Every
 * accessor checks the field's type and throws an {@link IOException} that names the object ({@link
 * #where()}, such as {@code article 'a1', quotes[2]}) and the field; none returns null.
 *
 * <p>Absent lists read as empty, absent or null optional values as empty; an absent required value
 * is an error.
 */
final class JsonFieldReader {

  private final JsonNode node;
  private final String where;

  private JsonFieldReader(JsonNode node, String where) {
    this.node = node;
    this.where = where;
  }

  /** {@code node}, which must be a JSON object, described as {@code where} in errors. */
  static JsonFieldReader of(JsonNode node, String where) throws IOException {
    if (node == null || !node.isObject()) {
      throw new IOException(where + " must be a JSON object, not " + describe(node));
    }
    return new JsonFieldReader(node, where);
  }

  /** The same object, described as {@code newWhere} in errors. */
  JsonFieldReader as(String newWhere) {
    return new JsonFieldReader(node, newWhere);
  }

  /** What this object is, for messages: {@code article 'a1'}, {@code story 's-1', claims[0]}. */
  String where() {
    return where;
  }

  /** An error about this object's {@code field}. */
  IOException error(String field, String problem) {
    return new IOException(where + ": '" + field + "' " + problem);
  }

  boolean has(String field) {
    return node.has(field);
  }

  /** Whether {@code field} is written as null. */
  boolean isNull(String field) {
    JsonNode v = node.get(field);
    return v != null && v.isNull();
  }

  String string(String field) throws IOException {
    JsonNode v = node.get(field);
    if (v == null) {
      throw error(field, "is missing");
    }
    if (!v.isTextual()) {
      throw error(field, "must be a string, not " + describe(v));
    }
    return v.textValue();
  }

  /** A string written as null when there is none. */
  Optional<String> optionalString(String field) throws IOException {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw error(field, "must be a string or null, not " + describe(v));
    }
    return Optional.of(v.textValue());
  }

  int integer(String field) throws IOException {
    JsonNode v = node.get(field);
    if (v == null) {
      throw error(field, "is missing");
    }
    return integer(field, v);
  }

  private int integer(String field, JsonNode v) throws IOException {
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw error(field, "must be a whole number, not " + describe(v));
    }
    return v.intValue();
  }

  /** A non-negative whole number. */
  int count(String field) throws IOException {
    int n = integer(field);
    if (n < 0) {
      throw error(field, "must be >= 0, not " + n);
    }
    return n;
  }

  /** A whole number written as null when there is none. */
  Optional<Integer> optionalInteger(String field) throws IOException {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(integer(field, v));
  }

  boolean bool(String field) throws IOException {
    JsonNode v = node.get(field);
    if (v == null) {
      throw error(field, "is missing");
    }
    if (!v.isBoolean()) {
      throw error(field, "must be true or false, not " + describe(v));
    }
    return v.booleanValue();
  }

  /**
   * A number as {@code JsonReportWriter.number} writes it: a whole number without a fraction, any
   * other rounded to six decimals. The writer writes a fraction ({@code 1.0}) only for a value that
   * was not whole and rounded to a whole number; such a value reads as the nearest double that is
   * not whole and rounds to it, so that it writes as {@code 1.0} again, not as {@code 1}.
   */
  double number(String field) throws IOException {
    JsonNode v = node.get(field);
    if (v == null) {
      throw error(field, "is missing");
    }
    return number(field, v);
  }

  private double number(String field, JsonNode v) throws IOException {
    if (!v.isNumber()) {
      throw error(field, "must be a number, not " + describe(v));
    }
    double d = v.doubleValue();
    if (!Double.isFinite(d)) {
      throw error(field, "must be a finite number, not " + v);
    }
    if (v.isFloatingPointNumber() && d == Math.rint(d) && Math.abs(d) < 1e15) {
      for (double c : d > 0 ? new double[] {Math.nextDown(d), Math.nextUp(d)}
          : new double[] {Math.nextUp(d), Math.nextDown(d)}) {
        if (c != Math.rint(c) && Math.round(c * 1e6) / 1e6 == d) {
          return c;
        }
      }
    }
    return d;
  }

  /** A number as {@link #number} reads it, written as null when there is none. */
  Optional<Double> optionalNumber(String field) throws IOException {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(number(field, v));
  }

  /** A number read as it stands (for numbers the writer rounds itself, such as key weights). */
  double plainNumber(String field) throws IOException {
    JsonNode v = node.get(field);
    if (v == null) {
      throw error(field, "is missing");
    }
    if (!v.isNumber()) {
      throw error(field, "must be a number, not " + describe(v));
    }
    return v.doubleValue();
  }

  /** A span, the two-element array {@code [begin, end]} with {@code 0 <= begin <= end}. */
  Span span(String field) throws IOException {
    JsonNode v = node.get(field);
    if (v == null) {
      throw error(field, "is missing");
    }
    return span(field, v);
  }

  private Span span(String field, JsonNode v) throws IOException {
    if (!v.isArray()
        || v.size() != 2
        || !v.get(0).isIntegralNumber()
        || !v.get(0).canConvertToInt()
        || !v.get(1).isIntegralNumber()
        || !v.get(1).canConvertToInt()) {
      throw error(field, "must be a span [begin, end], not " + describe(v));
    }
    int begin = v.get(0).intValue();
    int end = v.get(1).intValue();
    if (begin < 0 || end < begin) {
      throw error(field, "must be a span [begin, end] with 0 <= begin <= end, not " + v);
    }
    return new Span(begin, end);
  }

  /** A span written as null when there is none. */
  Optional<Span> optionalSpan(String field) throws IOException {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(span(field, v));
  }

  /** A span that must lie in the text of {@code article}, whose length {@code lengths} gives. */
  Span spanIn(String field, String article, Map<String, Integer> lengths) throws IOException {
    return within(field, span(field), article, lengths);
  }

  /** {@code span}, checked to lie in the text of {@code article}. */
  Span within(String field, Span span, String article, Map<String, Integer> lengths)
      throws IOException {
    Integer length = lengths.get(article);
    if (length == null) {
      throw error(field, "is in article '" + article + "', which is not in the report");
    }
    if (span.end() > length) {
      throw error(
          field,
          "runs past the end of article '" + article + "': [" + span.begin() + ", " + span.end()
              + "] in a text of length " + length);
    }
    return span;
  }

  /** A list of spans written as {@code [[begin, end], ...]}, each in the text of {@code article}. */
  List<Span> spansIn(String field, String article, Map<String, Integer> lengths)
      throws IOException {
    List<Span> out = new ArrayList<>();
    int i = 0;
    for (JsonNode v : array(field)) {
      out.add(within(field, span(field + "[" + i + "]", v), article, lengths));
      i++;
    }
    return out;
  }

  /** A passage {@code {"article", "span"}}, its span in that article's text. */
  Link.Passage passage(String field, Map<String, Integer> lengths) throws IOException {
    return passage(object(field), lengths);
  }

  static Link.Passage passage(JsonFieldReader p, Map<String, Integer> lengths)
      throws IOException {
    String article = p.string("article");
    return new Link.Passage(article, p.spanIn("span", article, lengths));
  }

  /** A list of passages. */
  List<Link.Passage> passages(String field, Map<String, Integer> lengths) throws IOException {
    List<Link.Passage> out = new ArrayList<>();
    for (JsonFieldReader p : objects(field)) {
      out.add(passage(p, lengths));
    }
    return out;
  }

  /** The object in {@code field}, which must be there. */
  JsonFieldReader object(String field) throws IOException {
    JsonNode v = node.get(field);
    if (v == null) {
      throw error(field, "is missing");
    }
    if (!v.isObject()) {
      throw error(field, "must be a JSON object, not " + describe(v));
    }
    return new JsonFieldReader(v, where + ", " + field);
  }

  /** The object in {@code field}, or empty when it is absent or null. */
  Optional<JsonFieldReader> optionalObject(String field) throws IOException {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(object(field));
  }

  /** The array in {@code field}; empty when the field is absent. */
  JsonNode array(String field) throws IOException {
    JsonNode v = node.get(field);
    if (v == null) {
      return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    }
    if (!v.isArray()) {
      throw error(field, "must be an array, not " + describe(v));
    }
    return v;
  }

  /** The objects of the array in {@code field}, each described as {@code where, field[i]}. */
  List<JsonFieldReader> objects(String field) throws IOException {
    List<JsonFieldReader> out = new ArrayList<>();
    int i = 0;
    for (JsonNode v : array(field)) {
      out.add(of(v, where + ", " + field + "[" + i + "]"));
      i++;
    }
    return out;
  }

  /** The strings of the array in {@code field}. */
  List<String> strings(String field) throws IOException {
    return strings(field, array(field));
  }

  List<String> strings(String field, JsonNode array) throws IOException {
    if (!array.isArray()) {
      throw error(field, "must be an array of strings, not " + describe(array));
    }
    List<String> out = new ArrayList<>();
    for (JsonNode v : array) {
      if (!v.isTextual()) {
        throw error(field, "must hold strings only, not " + describe(v));
      }
      out.add(v.textValue());
    }
    return out;
  }

  /** A node's kind and, when short, its value, for messages. */
  static String describe(JsonNode v) {
    if (v == null || v.isMissingNode()) {
      return "nothing";
    }
    String kind =
        switch (v.getNodeType()) {
          case ARRAY -> "an array";
          case OBJECT -> "an object";
          case STRING -> "the string";
          case NUMBER -> "the number";
          case BOOLEAN -> "the boolean";
          case NULL -> "null";
          default -> "a " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    if (v.isContainerNode() || v.isNull()) {
      return kind;
    }
    String text = v.toString();
    return kind + " " + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
  }
}
