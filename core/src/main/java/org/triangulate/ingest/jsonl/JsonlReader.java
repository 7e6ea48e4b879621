package org.triangulate.ingest.jsonl;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.triangulate.ingest.RawDocument;
import org.triangulate.text.LanguageTag;
import org.triangulate.model.ArticleMetadata;
import org.triangulate.model.Problem;
import org.triangulate.text.Dates;

/**
 * Reads a JSONL file of articles, one JSON object per line, in the field names of the common news
 * datasets (news-please, CC-News, NewsAPI, ECB+). Streams: holds one line at a time, and never more
 * than the record limit of one line.
 */
public final class JsonlReader {

  private static final String STAGE = "ingest";
  private static final String FORMAT = "jsonl";
  private static final List<String> TEXT =
      List.of("text", "maintext", "body", "content", "article");
  private static final List<String> HTML = List.of("html", "raw_html");
  private static final List<String> ID = List.of("id", "_id");
  private static final List<String> TITLE = List.of("title", "headline");
  private static final List<String> PUBLISHED =
      List.of(
          "date",
          "date_publish",
          "published",
          "publish_date",
          "datepublished",
          "published_at",
          "publishedat",
          "pubdate");
  private static final List<String> MODIFIED =
      List.of("date_modify", "modified", "datemodified", "updated");
  private static final List<String> OUTLET =
      List.of("source", "source_domain", "outlet", "domain", "site", "publisher");
  private static final List<String> LANGUAGE = List.of("language", "lang");
  private static final List<String> AUTHOR = List.of("author", "authors", "byline");
  private static final int MAX_MESSAGE = 160;

  private final long maxRecordChars;
  private final JsonMapper mapper;

  /**
   * @param maxRecordChars the longest line taken, in characters; longer ones are problems
   */
  public JsonlReader(long maxRecordChars) {
    if (maxRecordChars < 1) {
      throw new IllegalArgumentException("maxRecordChars must be >= 1: " + maxRecordChars);
    }
    this.maxRecordChars = maxRecordChars;
    int maxString = (int) Math.min(Integer.MAX_VALUE, Math.max(maxRecordChars, 20_000_000L));
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder().maxStringLength(maxString).build())
            .build();
    this.mapper =
        JsonMapper.builder(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  }

  /**
   * Reads one JSONL input; each good record becomes a RawDocument, each bad line a Problem (stage
   * "ingest", location "line N"), and reading goes on. Blank lines are skipped.
   *
   * @throws IOException only when {@code in} itself fails
   */
  public void read(
      String source, BufferedReader in, Consumer<RawDocument> documents, Consumer<Problem> problems)
      throws IOException {
    Objects.requireNonNull(source, "source");
    LineReader lines = new LineReader(in, maxRecordChars);
    long n = 0;
    while (lines.next()) {
      n++;
      String where = "line " + n;
      if (lines.overLimit()) {
        problems.accept(
            Problem.error(
                source,
                where,
                STAGE,
                String.format(
                    Locale.ROOT,
                    "%s is %,d characters, over the limit of %,d (--max-bytes)",
                    where,
                    lines.length(),
                    maxRecordChars)));
        continue;
      }
      String line = lines.line();
      if (!line.isBlank()) {
        record(source, where, line, documents, problems);
      }
    }
  }

  private void record(
      String source,
      String where,
      String line,
      Consumer<RawDocument> documents,
      Consumer<Problem> problems) {
    JsonNode node;
    try {
      node = mapper.readTree(line);
    } catch (JsonProcessingException e) {
      problems.accept(
          Problem.error(source, where, STAGE, where + " is not valid JSON: " + describe(e)));
      return;
    }
    if (node == null || !node.isObject()) {
      problems.accept(
          Problem.error(
              source, where, STAGE, where + " is JSON but not an object: it is " + kind(node)));
      return;
    }
    Map<String, JsonNode> fields = new HashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      fields.putIfAbsent(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
    }

    Optional<String> text = Optional.empty();
    String empty = null;
    for (String f : TEXT) {
      Optional<String> t = string(fields.get(f), "\n\n");
      if (t.isPresent() && !t.get().isBlank()) {
        text = t;
        break;
      }
      if (t.isPresent() && empty == null) {
        empty = f;
      }
    }
    boolean html = false;
    if (text.isEmpty()) {
      for (String f : HTML) {
        Optional<String> h = string(fields.get(f), "\n").filter(s -> !s.isBlank());
        if (h.isPresent()) {
          text = h;
          html = true;
          break;
        }
      }
    }
    if (text.isEmpty()) {
      String message =
          empty != null
              ? where + " has empty text (field \"" + empty + "\")"
              : where + " has no text: expected one of " + String.join(", ", TEXT);
      problems.accept(Problem.error(source, where, STAGE, message));
      return;
    }
    Optional<String> url = first(fields, List.of("url"), "");
    Optional<String> id = first(fields, ID, "").or(() -> url);
    ArticleMetadata metadata =
        new ArticleMetadata(
            first(fields, TITLE, " "),
            names(fields),
            outlet(fields),
            date(fields, PUBLISHED, source, where, problems),
            date(fields, MODIFIED, source, where, problems),
            first(fields, LANGUAGE, "").flatMap(LanguageTag::primary),
            url,
            Optional.empty());
    documents.accept(
        new RawDocument(source, Optional.of(where), id, FORMAT, text.get(), html, metadata));
  }

  /** A string value; numbers as written; an array of strings joined with {@code glue}. */
  private static Optional<String> string(JsonNode v, String glue) {
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (v.isTextual() || v.isNumber()) {
      return Optional.of(v.asText());
    }
    if (v.isObject() && v.has("$oid")) {
      return string(v.get("$oid"), glue);
    }
    if (v.isArray()) {
      StringBuilder b = new StringBuilder();
      for (JsonNode item : v) {
        if (item.isTextual() && !item.asText().isBlank()) {
          if (b.length() > 0) {
            b.append(glue);
          }
          b.append(item.asText());
        }
      }
      return Optional.of(b.toString());
    }
    return Optional.empty();
  }

  private static Optional<String> first(
      Map<String, JsonNode> fields, List<String> names, String glue) {
    for (String f : names) {
      Optional<String> v = string(fields.get(f), glue).map(String::strip).filter(s -> !s.isEmpty());
      if (v.isPresent()) {
        return v;
      }
    }
    return Optional.empty();
  }

  /** Authors as a string, an array of strings, or objects with a name. */
  private static Optional<String> names(Map<String, JsonNode> fields) {
    for (String f : AUTHOR) {
      JsonNode v = fields.get(f);
      if (v == null) {
        continue;
      }
      Set<String> names = new LinkedHashSet<>();
      for (JsonNode item : v.isArray() ? v : List.of(v)) {
        JsonNode name = item.isObject() ? item.get("name") : item;
        if (name != null && name.isTextual() && !name.asText().isBlank()) {
          names.add(name.asText().strip());
        }
      }
      if (!names.isEmpty()) {
        return Optional.of(String.join(", ", names));
      }
    }
    return Optional.empty();
  }

  private static Optional<String> outlet(Map<String, JsonNode> fields) {
    for (String f : OUTLET) {
      JsonNode v = fields.get(f);
      if (v != null && v.isObject()) {
        v = v.get("name");
      }
      Optional<String> s = string(v, ", ").map(String::strip).filter(x -> !x.isEmpty());
      if (s.isPresent() && v.isTextual()) {
        return s;
      }
    }
    return Optional.empty();
  }

  /**
   * The first date among {@code names}: a string in any form {@link Dates} reads, or a number of
   * seconds (or milliseconds) since 1970. A value that is not a date is reported and ignored.
   */
  private static Optional<String> date(
      Map<String, JsonNode> fields,
      List<String> names,
      String source,
      String where,
      Consumer<Problem> problems) {
    for (String f : names) {
      JsonNode v = fields.get(f);
      if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
        continue;
      }
      Optional<String> d;
      if (v.isIntegralNumber()) {
        long t = v.asLong();
        Instant i =
            Math.abs(t) >= 100_000_000_000L ? Instant.ofEpochMilli(t) : Instant.ofEpochSecond(t);
        d = Optional.of(i.truncatedTo(ChronoUnit.SECONDS).toString());
      } else {
        d = v.isTextual() ? Dates.normalize(v.asText()) : Optional.empty();
      }
      if (d.isPresent()) {
        return d;
      }
      problems.accept(
          Problem.warning(
              source,
              where,
              STAGE,
              where
                  + ": field \""
                  + f
                  + "\" is not a date this reads ("
                  + shorten(v.toString(), 60)
                  + "); ignored"));
    }
    return Optional.empty();
  }

  private static String describe(JsonProcessingException e) {
    String m =
        e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
    int cut = m.indexOf('\n');
    if (cut >= 0) {
      m = m.substring(0, cut);
    }
    for (String marker : List.of(" (start marker at", " at [Source")) {
      cut = m.indexOf(marker);
      if (cut >= 0) {
        m = m.substring(0, cut);
      }
    }
    m = shorten(m.strip(), MAX_MESSAGE);
    if (e.getLocation() != null && e.getLocation().getColumnNr() > 0) {
      m += " (column " + e.getLocation().getColumnNr() + ")";
    }
    return m;
  }

  private static String kind(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "empty";
    }
    if (node.isArray()) {
      return "an array";
    }
    if (node.isTextual()) {
      return "a string";
    }
    if (node.isNumber()) {
      return "a number";
    }
    if (node.isBoolean()) {
      return "a boolean";
    }
    return node.isNull() ? "null" : node.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
