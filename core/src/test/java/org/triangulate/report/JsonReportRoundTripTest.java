package org.triangulate.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.triangulate.report.ReportJson.asWritten;
import static org.triangulate.report.ReportJson.read;
import static org.triangulate.report.ReportJson.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.triangulate.align.SentenceJudge;
import org.triangulate.align.StoryAligner;
import org.triangulate.ingest.Corpus;
import org.triangulate.ingest.IngestOptions;
import org.triangulate.ingest.IngestResult;
import org.triangulate.ingest.Ingester;
import org.triangulate.ingest.Inputs;
import org.triangulate.model.Annotations;
import org.triangulate.model.Article;
import org.triangulate.model.ArticleMetadata;
import org.triangulate.model.BriefSentence;
import org.triangulate.model.Claim;
import org.triangulate.model.Credit;
import org.triangulate.model.Derivation;
import org.triangulate.model.Entity;
import org.triangulate.model.Framing;
import org.triangulate.model.Link;
import org.triangulate.model.Mention;
import org.triangulate.model.Problem;
import org.triangulate.model.Provenance;
import org.triangulate.model.Quantity;
import org.triangulate.model.Quote;
import org.triangulate.model.QuoteGroup;
import org.triangulate.model.Reconciliation;
import org.triangulate.model.Removal;
import org.triangulate.model.Repair;
import org.triangulate.model.Span;
import org.triangulate.model.Story;
import org.triangulate.model.TimeRef;
import org.triangulate.model.TimelineEvent;
import org.triangulate.reconcile.Reconciler;
import org.triangulate.reconcile.StoryEvidence;
import org.triangulate.reconcile.WordEmbedder;
import org.triangulate.trace.Credits;
import org.triangulate.trace.Tracer;

/**
 * {@link JsonReportReader} against {@link JsonReportWriter}: reading what the writer wrote gives
 * the same report (its numbers as the writer rounds them), and writing what the reader read gives
 * the same bytes. Reports are built from the Hama articles: annotations found in their text by
 * hand-made rules, provenance from the real align and trace stages (lexical judge), reconciliation
 * from the real reconcile stage (word-hash vectors instead of a model).
 */
class JsonReportRoundTripTest {

  /** Characters a JSON writer or an HTML page must take care of. */
  private static final String HOSTILE =
      "He said \"stop\" \\ then </script><!-- \u2028line\u2029para 😀 \uD83C\uDDF8\uD83C\uDDFE"
          + " \u0000\u0001\u001f\u007f\t\r\n\uFEFF lone \uD800 end";

  private static Inputs.Expansion expansion;
  private static IngestResult ingested;
  private static Map<String, Article> hama;

  @BeforeAll
  static void ingest() {
    expansion = Inputs.expand(List.of("../examples/hama", "../examples/nothing-here"), Path.of(""));
    ingested =
        Corpus.ingest(
            expansion.inputs(),
            new Ingester(IngestOptions.basic()),
            org.triangulate.work.Workers.inline(),
            Corpus.Progress.none());
    hama = new TreeMap<>();
    ingested.articles().forEach(a -> hama.put(a.id(), a));
  }

  // ---------------------------------------------------------------- round trips

  @Test
  void aReportWithEveryPartReadsBackEqualAndWritesTheSameBytes() throws IOException {
    Report report = fullHamaReport();
    assertThat(report.provenance().get("s-hama").links()).hasSizeGreaterThan(20);
    assertThat(report.reconciliation().get("s-hama").claims()).isNotEmpty();
    assertThat(report.annotations().values().stream().mapToInt(a -> a.quotes().size()).sum())
        .isGreaterThan(10);

    Report back = roundTrip(report);
    assertThat(back.provenance()).containsOnlyKeys("s-hama");
    assertThat(back.reconciliation()).containsOnlyKeys("s-hama", "s-hostile", "s-unread");
    assertThat(back.annotations()).doesNotContainKey("zz-unread").hasSize(hama.size() + 1);
  }

  @Test
  void aReportWithoutTheAnnotateStageReadsBackEqual() throws IOException {
    List<Article> articles = new ArrayList<>(hama.values());
    Story story = hamaStory();
    Provenance provenance = hamaProvenance(story);
    Report report =
        new Report(
            expansion.inputs().size(),
            articles,
            List.of(story),
            problems(),
            List.of(),
            Map.of(),
            Map.of(story.id(), provenance),
            Map.of());
    Report back = roundTrip(report);
    assertThat(back.annotations()).isEmpty();
    assertThat(back.reconciliation()).isEmpty();
    assertThat(back.entities()).isEmpty();
  }

  @Test
  void aStoryOfOneArticleHasNoProvenanceAndNoReconciliationWithoutAnnotations() throws IOException {
    Article a = hama.values().iterator().next();
    Story s = new Story("s-1", "", List.of(a.id()), Optional.empty(), Optional.empty(), List.of());
    Report back = roundTrip(new Report(1, List.of(a), List.of(s), List.of()));
    assertThat(back.provenance()).isEmpty();
    assertThat(back.reconciliation()).isEmpty();
  }

  @Test
  void anEmptyReportRoundTrips() throws IOException {
    roundTrip(new Report(0, List.of(), List.of(), List.of()));
  }

  @Test
  void everyOptionalPresentAndAbsentAndHostileStringsRoundTrip() throws IOException {
    Report report = compactReport();
    Report back = roundTrip(report);
    Article hostile = back.articles().get(0);
    assertThat(hostile.text()).isEqualTo(report.articles().get(0).text()).contains("\uD800", "</script>", "\u2028");
    Quote q = back.annotations().get(hostile.id()).quotes().get(1);
    assertThat(q.speaker()).isEmpty();
    assertThat(q.cue()).isEmpty();
    Link.Edit insert = back.provenance().get("s-\"x\"").links().get(0).edits().get(0);
    assertThat(insert.a()).isNull();
    String json = new String(write(report), StandardCharsets.UTF_8);
    assertThat(json).doesNotContain("\u0000").contains("\\u0000");
  }

  /**
   * Numbers the writer rounds: written once, they read as values that write the same bytes again,
   * including a value rounded to a whole number (written {@code 1.0}, which must not become {@code
   * 1}).
   */
  @Test
  void roundedNumbersWriteTheSameBytesAgain() throws IOException {
    Article a = hostileArticle();
    double[] values = {
      0.9999999, -0.9999999, 1e-7, -1e-7, 4e-7, 6e-7, 1.0 / 3, -2.0 / 3, 123456.1234567, 1e13,
      1e13 + 0.5, 40_233.6, 1609.344 * 25, 2.0000004, 1e-4, 0.002, 5e9 - 1e-7, Double.MIN_VALUE,
      2.5e13 + 0.25, 1e16, -3e15 - 0.5
    };
    List<Quantity> quantities = new ArrayList<>();
    for (double v : values) {
      quantities.add(
          new Quantity(new Span(0, 2), v, "km", "about", Optional.of(v / 7), Optional.of(v * 3),
              Optional.empty(), v * 1000, "m"));
    }
    Annotations an = new Annotations(a.id(), List.of(), List.of(), quantities, List.of());
    Story s =
        new Story("s-n", "n", List.of(a.id()), Optional.empty(), Optional.empty(),
            List.of(new Story.Key("term", "a", 1.0 / 3), new Story.Key("term", "b", 0.99999),
                new Story.Key("term", "c", 1)));
    Provenance p =
        new Provenance("s-n",
            List.of(new Link(new Link.Passage(a.id(), new Span(0, 1)), new Link.Passage(a.id(), new Span(1, 2)),
                "verbatim", 0.99999995, List.of())),
            List.of(new Derivation(a.id(), a.id(), "copy", "known", 0.9999999, 1e-9, 2.0 / 3, List.of())),
            List.of(), List.of(List.of(a.id())));
    Report report =
        new Report(1, List.of(a), List.of(s), List.of(), List.of(), Map.of(a.id(), an),
            Map.of("s-n", p), Map.of("s-n", new Reconciliation("s-n", List.of(), List.of(), List.of(), List.of(), List.of())));
    byte[] first = write(report);
    String text = new String(first, StandardCharsets.UTF_8);
    assertThat(text).contains("\"value\": 1.0,", "\"value\": -1.0,", "\"value\": 0.0,", "\"value\": 0.333333,",
        "\"value\": 10000000000000,", "\"score\": 1.0,", "\"weight\": 0.3333");
    // From a billion up, values are written as they are: a quadrillion stays a quadrillion.
    assertThat(text).contains("\"value\": 2.500000000000025E13,", "\"value\": 1.0E16,",
        "\"value\": -3.0000000000000005E15,");
    Report back = read(first);
    assertThat(new String(write(back), StandardCharsets.UTF_8)).isEqualTo(text);
    assertThat(read(write(back))).isEqualTo(back);
    assertThat(back.annotations().get(a.id()).quantities().get(0).value()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
    roundTrip(report);
  }

  // ---------------------------------------------------------------- errors

  @Test
  void refusesWhatIsNotAReport() {
    JsonReportReader reader = new JsonReportReader();
    assertThatThrownBy(() -> reader.read(new ByteArrayInputStream("[1, 2]".getBytes(StandardCharsets.UTF_8))))
        .hasMessageContaining("not a JSON object");
    assertThatThrownBy(() -> reader.read(new ByteArrayInputStream("".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> reader.read(new ByteArrayInputStream("{\"schema\": \"other/2\"}".getBytes(StandardCharsets.UTF_8))))
        .hasMessageContaining("its schema is 'other/2'");
    assertThatThrownBy(() -> reader.read(new ByteArrayInputStream("{\"schema\": 3}".getBytes(StandardCharsets.UTF_8))))
        .hasMessageContaining("its schema is ''");
    assertThatThrownBy(() -> reader.read(new ByteArrayInputStream("{\"schema\": \"triangulate.report/1\", \"articles\": [".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(IOException.class);
  }

  @Test
  void namesTheFieldAndTheArticleOrStoryThatIsWrong() throws IOException {
    Report report = compactReport();
    String art = report.articles().get(0).id();
    Map<String, UnaryOperator<ObjectNode>> cases = new LinkedHashMap<>();
    cases.put("article '" + art + "': 'text' is missing", r -> {
      ((ObjectNode) r.get("articles").get(0)).remove("text");
      return r;
    });
    cases.put("articles[1]: 'id' must be a string, not the number 7", r -> {
      ((ObjectNode) r.get("articles").get(1)).put("id", 7);
      return r;
    });
    cases.put("article '" + art + "', quotes[0]: 'span' must be a span [begin, end], not an array", r -> {
      ((ArrayNode) r.get("articles").get(0).get("quotes").get(0).get("span")).add(3);
      return r;
    });
    cases.put("article '" + art + "', mentions[0]: 'span' runs past the end of article '" + art + "'", r -> {
      ((ArrayNode) r.get("articles").get(0).get("mentions").get(0).get("span")).set(1, 100_000);
      return r;
    });
    cases.put("article '" + art + "', quantities[0]: 'value' must be a number, not the string \"many\"", r -> {
      ((ObjectNode) r.get("articles").get(0).get("quantities").get(0)).put("value", "many");
      return r;
    });
    cases.put("article '" + art + "', removed[0]: 'offset' must be >= 0, not -1", r -> {
      ((ObjectNode) r.get("articles").get(0).get("removed").get(0)).put("offset", -1);
      return r;
    });
    cases.put("story 's-\"x\"': 'articles' names article 'nobody', which is not in the report", r -> {
      ((ArrayNode) r.get("stories").get(0).get("articles")).add("nobody");
      return r;
    });
    cases.put("story 's-\"x\"', claims[0]: 'status' is missing", r -> {
      ((ObjectNode) r.get("stories").get(0).get("claims").get(0)).remove("status");
      return r;
    });
    cases.put("story 's-\"x\"', claims[0], contradiction, values[0], spans[0]: 'span' is in article 'gone', which is not in the report", r -> {
      ((ObjectNode) r.get("stories").get(0).get("claims").get(0).get("contradiction").get("values").get(0).get("spans").get(0)).put("article", "gone");
      return r;
    });
    cases.put("story 's-\"x\"', links[0], edits[1]: 'b' must be a span", r -> {
      ((ObjectNode) r.get("stories").get(0).get("links").get(0).get("edits").get(1)).put("b", "x");
      return r;
    });
    cases.put("story 's-\"x\"', framing[0], labels[0]: 'loaded' must be true or false, not the string \"yes\"", r -> {
      ((ObjectNode) r.get("stories").get(0).get("framing").get(0).get("labels").get(0)).put("loaded", "yes");
      return r;
    });
    cases.put("story 's-\"x\"': 'independentSources[0]' must hold strings only, not the number 1", r -> {
      ((ArrayNode) r.get("stories").get(0).get("independentSources").get(0)).add(1);
      return r;
    });
    cases.put("story 's-\"x\"': 'articles' must name at least one article", r -> {
      ((ArrayNode) r.get("stories").get(0).get("articles")).removeAll();
      return r;
    });
    cases.put("entity 'person/x': 'mentions' must be a whole number, not the number 2.5", r -> {
      ((ObjectNode) r.get("entities").get(0)).put("mentions", 2.5);
      return r;
    });
    cases.put("problems[0]: 'severity' must be 'error' or 'warning', not 'fatal'", r -> {
      ((ObjectNode) r.get("problems").get(0)).put("severity", "fatal");
      return r;
    });
    cases.put("the report, summary: 'articles' says 9 but the report holds 2 articles", r -> {
      ((ObjectNode) r.get("summary")).put("articles", 9);
      return r;
    });
    cases.put("the report: 'stories' must be an array, not an object", r -> {
      r.putObject("stories");
      return r;
    });
    cases.put("article '" + art + "' appears twice", r -> {
      ((ArrayNode) r.get("articles")).add(r.get("articles").get(0).deepCopy());
      ((ObjectNode) r.get("summary")).put("articles", 3);
      return r;
    });
    ObjectMapper json = new ObjectMapper();
    byte[] bytes = write(report);
    for (Map.Entry<String, UnaryOperator<ObjectNode>> c : cases.entrySet()) {
      ObjectNode tree = (ObjectNode) json.readTree(bytes);
      byte[] broken = json.writeValueAsBytes(c.getValue().apply(tree));
      assertThatThrownBy(() -> read(broken)).as(c.getKey()).isInstanceOf(IOException.class).hasMessageContaining(c.getKey());
    }
    byte[] duplicate = new String(bytes, StandardCharsets.UTF_8).replaceFirst("\"inputs\": 1", "\"inputs\": 1, \"inputs\": 2").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> read(duplicate)).isInstanceOf(IOException.class).hasMessageContaining("inputs");
    byte[] trailing = (new String(bytes, StandardCharsets.UTF_8) + "{}").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> read(trailing)).isInstanceOf(IOException.class);
  }

  /**
   * Every field of a report, one occurrence of each, removed, nulled or given a value of another
   * type: the reader either reads the result or throws an {@link IOException}, never anything else
   * (a NullPointerException, an IllegalArgumentException from a record).
   */
  @Test
  void aBrokenFieldGivesAnIOExceptionAndNothingElse() throws IOException {
    ObjectMapper json = new ObjectMapper();
    byte[] bytes = write(compactReport());
    JsonNode root = json.readTree(bytes);
    Map<String, List<Object>> paths = new LinkedHashMap<>();
    collect(root, new ArrayList<>(), "", paths);
    assertThat(paths).hasSizeGreaterThan(150);
    List<UnaryOperator<JsonNode>> replacements =
        List.of(
            v -> null, // removed
            v -> json.nullNode(),
            v -> json.getNodeFactory().textNode("x"),
            v -> json.getNodeFactory().numberNode(-1),
            v -> json.getNodeFactory().numberNode(1e300),
            v -> json.getNodeFactory().numberNode(2.5),
            v -> json.getNodeFactory().booleanNode(true),
            v -> json.createObjectNode(),
            v -> json.createArrayNode(),
            v -> json.createArrayNode().add(5).add(1));
    int refused = 0;
    int read = 0;
    for (Map.Entry<String, List<Object>> p : paths.entrySet()) {
      for (UnaryOperator<JsonNode> replace : replacements) {
        JsonNode tree = json.readTree(bytes);
        List<Object> path = p.getValue();
        JsonNode parent = tree;
        for (Object step : path.subList(0, path.size() - 1)) {
          parent = step instanceof Integer i ? parent.get(i) : parent.get((String) step);
        }
        Object last = path.get(path.size() - 1);
        JsonNode value = replace.apply(null);
        if (parent instanceof ObjectNode o) {
          if (value == null) {
            o.remove((String) last);
          } else {
            o.set((String) last, value);
          }
        } else {
          ArrayNode a = (ArrayNode) parent;
          if (value == null) {
            a.remove((Integer) last);
          } else {
            a.set((Integer) last, value);
          }
        }
        byte[] broken = json.writeValueAsBytes(tree);
        try {
          read(broken);
          read++;
        } catch (IOException e) {
          assertThat(e.getMessage()).as(p.getKey()).isNotBlank();
          refused++;
        } catch (RuntimeException e) {
          throw new AssertionError(p.getKey() + " set to " + value + ": " + e, e);
        }
      }
    }
    System.out.printf(
        Locale.ROOT, "%d field patterns broken %d ways: %d refused, %d read%n",
        paths.size(), replacements.size(), refused, read);
    assertThat(refused).isGreaterThan(read);
  }

  /** One path per field pattern (array indices as {@code *}), leaves and containers alike. */
  private static void collect(JsonNode node, List<Object> path, String pattern, Map<String, List<Object>> out) {
    if (!path.isEmpty()) {
      out.putIfAbsent(pattern, List.copyOf(path));
    }
    if (node instanceof ContainerNode<?>) {
      if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          path.add(i);
          collect(node.get(i), path, pattern + "[*]", out);
          path.remove(path.size() - 1);
        }
      } else {
        for (Map.Entry<String, JsonNode> f : node.properties()) {
          path.add(f.getKey());
          collect(f.getValue(), path, pattern + "." + f.getKey(), out);
          path.remove(path.size() - 1);
        }
      }
    }
  }

  // ---------------------------------------------------------------- reports

  /**
   * The Hama story with everything, a story of one hostile article with empty reconciliation, and a
   * story of one article the annotate stage could not read.
   */
  private static Report fullHamaReport() {
    Story story = hamaStory();
    Provenance provenance = hamaProvenance(story);
    Map<String, Annotations> annotations = new TreeMap<>();
    Map<String, Integer> mentions = new TreeMap<>();
    for (Article a : hama.values()) {
      Annotations an = annotate(a);
      annotations.put(a.id(), an);
      an.mentions().forEach(m -> mentions.merge(m.entity(), 1, Integer::sum));
    }
    List<Entity> entities = new ArrayList<>();
    for (String[] e : ENTITIES) {
      if (mentions.containsKey(e[0])) {
        entities.add(
            new Entity(e[0], e[1], e[0].substring(0, e[0].indexOf('/')),
                e[2].isEmpty() ? Optional.empty() : Optional.of(e[2]),
                e[1].contains(" ") ? List.of(e[1].substring(e[1].lastIndexOf(' ') + 1)) : List.of(),
                e[0].startsWith("organization") ? List.of("a war monitor", HOSTILE) : List.of(),
                mentions.get(e[0])));
      }
    }
    entities.sort(java.util.Comparator.comparing(Entity::id));
    Map<String, Entity> byId = new TreeMap<>();
    entities.forEach(e -> byId.put(e.id(), e));
    Reconciliation reconciliation =
        new Reconciler(SentenceJudge.lexical(), new WordEmbedder())
            .reconcile(new StoryEvidence(story, new ArrayList<>(hama.values()), annotations, byId, provenance));

    Article hostile = hostileArticle();
    Article unread =
        new Article("zz-unread", "unread.txt", Optional.empty(), "text", ArticleMetadata.EMPTY,
            "Too strange to read.", List.of(), List.of());
    annotations.put(hostile.id(), new Annotations(hostile.id(), List.of(), List.of(), List.of(), List.of()));
    List<Article> articles = new ArrayList<>(hama.values());
    articles.add(hostile);
    articles.add(unread);
    Story hostileStory =
        new Story("s-hostile", HOSTILE, List.of(hostile.id()), Optional.empty(), Optional.empty(), List.of(),
            List.of("s-old", "s-" + HOSTILE));
    Story unreadStory = new Story("s-unread", "Too strange", List.of(unread.id()), Optional.empty(), Optional.empty(), List.of());
    List<Problem> problems = problems();
    problems.add(Problem.warning("unread.txt", "article zz-unread", "annotate", "could not annotate: java.lang.StackOverflowError"));
    problems.sort(null);
    return new Report(
        expansion.inputs().size() + 2,
        articles,
        List.of(story, hostileStory, unreadStory),
        problems,
        entities,
        annotations,
        Map.of(story.id(), provenance),
        Map.of(
            story.id(), reconciliation,
            hostileStory.id(), new Reconciliation(hostileStory.id(), List.of(), List.of(), List.of(), List.of(), List.of()),
            unreadStory.id(), new Reconciliation(unreadStory.id(), List.of(), List.of(), List.of(), List.of(), List.of())));
  }

  private static List<Problem> problems() {
    List<Problem> problems = new ArrayList<>(expansion.problems());
    problems.addAll(ingested.problems());
    problems.add(Problem.warning("x.txt", "byte 3", "ingest", "read as windows-1252: " + HOSTILE));
    problems.add(Problem.error("y.txt", "file", "ingest", "not text"));
    problems.sort(null);
    return problems;
  }

  private static Story hamaStory() {
    return new Story(
        "s-hama",
        "Rebels enter Hama",
        new ArrayList<>(hama.keySet()),
        Optional.of("2024-12-05"),
        Optional.of("2024-12-06"),
        List.of(new Story.Key("entity", "Hama", 0.9123), new Story.Key("term", "rebels", 0.5)));
  }

  private static Provenance hamaProvenance(Story story) {
    List<Link> links = new StoryAligner(SentenceJudge.lexical(), null).align(story, hama, (x, y) -> true);
    return Tracer.trace(story, hama, links, Credits.names(Map.of("Associated Press", "organization/associated-press")));
  }

  /** An article of hostile strings, with a removal and a repair. */
  private static Article hostileArticle() {
    String text = "Q: “" + HOSTILE + "” said Ann.\n“Bare quote.”";
    return new Article(
        "zz-" + HOSTILE.replace("\r", "").replace("\n", ""),
        "odd \"name\".html",
        Optional.of("line </script>"),
        "html",
        new ArticleMetadata(Optional.of(HOSTILE), Optional.empty(), Optional.of("Outlet\u2028"),
            Optional.of("2024-12-05T14:30:00Z"), Optional.empty(), Optional.of("en"),
            Optional.of("https://example.com/a?b=\"c\"&d=</script>"), Optional.empty()),
        text,
        List.of(new Removal(Removal.Reasons.CAPTION, HOSTILE, 0)),
        List.of(new Repair(Repair.Reasons.SPLIT_WORDS, "saidAnn", "said Ann", 12, new Span(text.indexOf("said Ann"), text.indexOf("said Ann") + 8))));
  }

  /**
   * Two articles and one story that use every record and every optional value both present and
   * absent, with hostile strings throughout.
   */
  private static Report compactReport() {
    Article a = hostileArticle();
    Article b = hama.values().iterator().next();
    String at = a.text();
    Span quote = new Span(at.indexOf('“') + 1, at.indexOf('”'));
    Span bare = new Span(at.lastIndexOf('“') + 1, at.lastIndexOf('”'));
    Span ann = new Span(at.indexOf("Ann"), at.indexOf("Ann") + 3);
    Span said = new Span(at.indexOf("said Ann"), at.indexOf("said Ann") + 4);
    Span emoji = new Span(at.indexOf("😀"), at.indexOf("😀") + 2);
    Annotations an =
        new Annotations(
            a.id(),
            List.of(new Mention("person/x", ann, "name"), new Mention("person/x", emoji, "description")),
            List.of(
                new Quote(a.id() + "#q1", quote, Optional.of("person/x"), Optional.of(said), Optional.of(ann)),
                new Quote(a.id() + "#q2", bare, Optional.empty(), Optional.empty(), Optional.empty())),
            List.of(
                new Quantity(emoji, 3, "count", "exact", Optional.of(3.0), Optional.of(3.0), Optional.of("people \"x\""), 3, "count"),
                new Quantity(quote, 0.25, "km", "more-than", Optional.of(0.25), Optional.empty(), Optional.empty(), 250, "m")),
            List.of(
                new TimeRef(said, "2024-12-05", "day", Optional.of("2024-12-05"), Optional.of("article")),
                new TimeRef(ann, "XXXX-WXX-4", "day", Optional.empty(), Optional.empty())));
    Link.Passage pa = new Link.Passage(a.id(), quote);
    Link.Passage pb = new Link.Passage(b.id(), new Span(0, 20));
    Link link =
        new Link(pa, pb, "edited", 0.8125,
            List.of(new Link.Edit("insert", null, new Span(3, 5)), new Link.Edit("delete", ann, null),
                new Link.Edit("replace", said, new Span(6, 9))));
    Provenance p =
        new Provenance(
            "s-\"x\"",
            List.of(link),
            List.of(
                new Derivation(a.id(), b.id(), "copy", "unknown", 0.5, 0.25, 0.75,
                    List.of(
                        new Derivation.Evidence("links", HOSTILE, Optional.of(a.id()), Optional.of(quote)),
                        new Derivation.Evidence("date", "no date", Optional.empty(), Optional.empty()),
                        new Derivation.Evidence("length", "shorter", Optional.of(b.id()), Optional.empty())))),
            List.of(
                new Credit(a.id(), "organization/x", "X </script>", Optional.of(ann), Optional.empty()),
                new Credit(a.id(), "Y", "Y", Optional.empty(), Optional.of(4))),
            List.of(List.of(a.id()), List.of(b.id())));
    Claim contested =
        new Claim("s-\"x\"#c1", HOSTILE, "contested", 2,
            List.of(
                new Claim.Assertion(a.id(), quote, Optional.of("person/x"), Optional.of("3 day")),
                new Claim.Assertion(b.id(), new Span(0, 5), Optional.empty(), Optional.empty())),
            Optional.of(
                new Claim.Contradiction("duration: fighting",
                    List.of(
                        new Claim.Value("3 day", List.of(a.id()), List.of(pa)),
                        new Claim.Value("4 day", List.of(b.id()), List.of(pb))),
                    "3 days against 4 " + HOSTILE, true)));
    Claim plain =
        new Claim("s-\"x\"#c2", "plain", "single-source", 1,
            List.of(new Claim.Assertion(b.id(), new Span(0, 5), Optional.empty(), Optional.empty())),
            Optional.empty());
    Reconciliation r =
        new Reconciliation(
            "s-\"x\"",
            List.of(contested, plain),
            List.of(
                new QuoteGroup("s-\"x\"#qg1", Optional.of("person/x"), List.of(a.id() + "#q1"), 1,
                    List.of(new QuoteGroup.Flag("wording", HOSTILE, List.of(a.id() + "#q1")))),
                new QuoteGroup("s-\"x\"#qg2", Optional.empty(), List.of(a.id() + "#q2"), 1, List.of())),
            List.of(
                new Framing("person/x",
                    List.of(
                        new Framing.Label(a.id(), "rebel", 2, true, false, false, true, List.of(ann, said)),
                        new Framing.Label(b.id(), "force loyal to Assad", 0, false, true, true, false, List.of())))),
            List.of(new TimelineEvent("2024-12-05", HOSTILE, List.of(a.id(), b.id()), List.of(pa, pb))),
            List.of(
                new BriefSentence(HOSTILE, "contested", List.of("s-\"x\"#c1")),
                new BriefSentence("nothing", "corroborated", List.of())));
    Story s =
        new Story("s-\"x\"", HOSTILE, List.of(b.id(), a.id()), Optional.of("2024-12-05"), Optional.empty(),
            List.of(new Story.Key("place", HOSTILE, 0.25)), List.of("s-</script>"));
    Entity x = new Entity("person/x", "Ann \"X\"", "person", Optional.empty(), List.of(), List.of(HOSTILE), 2);
    Entity y = new Entity("place/y", HOSTILE, "place", Optional.of(""), List.of("Y", HOSTILE), List.of(), 0);
    return new Report(
        1,
        List.of(a, b),
        List.of(s),
        List.of(Problem.warning("odd \"name\".html", "line </script>", "ingest", HOSTILE)),
        List.of(x, y),
        Map.of(a.id(), an, b.id(), new Annotations(b.id(), List.of(), List.of(), List.of(), List.of())),
        Map.of(s.id(), p),
        Map.of(s.id(), r));
  }

  // ---------------------------------------------------------------- annotations by rule

  /** Entity id, name, subtype. */
  private static final String[][] ENTITIES = {
    {"place/hama", "Hama", "city"},
    {"place/aleppo", "Aleppo", "city"},
    {"place/homs", "Homs", "city"},
    {"place/damascus", "Damascus", "city"},
    {"place/syria", "Syria", "country"},
    {"place/russia", "Russia", "country"},
    {"place/iran", "Iran", "country"},
    {"person/bashar-al-assad", "Bashar al-Assad", ""},
    {"person/assad", "Assad", ""},
    {"person/rami-abdurrahman", "Rami Abdurrahman", ""},
    {"person/abu-mohammed-al-golani", "Abu Mohammed al-Golani", ""},
    {"organization/syrian-observatory-for-human-rights", "Syrian Observatory for Human Rights", "monitor"},
    {"organization/associated-press", "Associated Press", "news-agency"},
    {"organization/reuters", "Reuters", "news-agency"},
  };

  private static final Pattern QUOTE = Pattern.compile("[“\"]([^”\"\n]{3,600})[”\"]");
  private static final Pattern CUE = Pattern.compile("^,? *(said|told|added|says)\\b");
  private static final Pattern QUANTITY =
      Pattern.compile("\\b(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?) ?(km|kilometers|kilometres|miles|mi|percent|people)\\b");
  private static final Pattern TIME =
      Pattern.compile("\\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(?:November|December) \\d{1,2}|20\\d\\d)\\b");

  /** Mentions of the known names, quotes with a cue after them, numbers with units, times. */
  private static Annotations annotate(Article a) {
    String t = a.text();
    List<Mention> mentions = new ArrayList<>();
    for (String[] e : ENTITIES) {
      for (int i = t.indexOf(e[1]); i >= 0; i = t.indexOf(e[1], i + 1)) {
        int end = i + e[1].length();
        if ((i == 0 || !Character.isLetter(t.charAt(i - 1))) && (end == t.length() || !Character.isLetter(t.charAt(end)))) {
          mentions.add(new Mention(e[0], new Span(i, end), "name"));
        }
      }
    }
    for (int i = t.indexOf("war monitor"); i >= 0; i = t.indexOf("war monitor", i + 1)) {
      mentions.add(new Mention(ENTITIES[11][0], new Span(i, i + 11), "description"));
    }
    mentions.sort(null);
    List<Quote> quotes = new ArrayList<>();
    Matcher m = QUOTE.matcher(t);
    while (m.find()) {
      Matcher cue = CUE.matcher(t.substring(m.end()));
      Optional<Span> cueSpan = Optional.empty();
      Optional<String> speaker = Optional.empty();
      Optional<Span> speakerSpan = Optional.empty();
      if (cue.find()) {
        cueSpan = Optional.of(new Span(m.end() + cue.start(1), m.end() + cue.end(1)));
        int from = m.end() + cue.end();
        for (Mention mention : mentions) {
          if (mention.span().begin() >= from && mention.span().begin() < from + 60 && mention.entity().startsWith("person")) {
            speaker = Optional.of(mention.entity());
            speakerSpan = Optional.of(mention.span());
            break;
          }
        }
      }
      quotes.add(new Quote(a.id() + "#q" + (quotes.size() + 1), new Span(m.start(1), m.end(1)), speaker, cueSpan, speakerSpan));
    }
    List<Quantity> quantities = new ArrayList<>();
    m = QUANTITY.matcher(t);
    while (m.find()) {
      double value = Double.parseDouble(m.group(1).replace(",", ""));
      String unit =
          switch (m.group(2)) {
            case "km", "kilometers", "kilometres" -> "km";
            case "miles", "mi" -> "mi";
            case "percent" -> "percent";
            default -> "count";
          };
      double base = unit.equals("km") ? value * 1000 : unit.equals("mi") ? value * 1609.344 : value;
      String baseUnit = unit.equals("km") || unit.equals("mi") ? "m" : unit;
      boolean about = m.start() >= 6 && t.substring(m.start() - 6, m.start()).contains("about");
      quantities.add(
          new Quantity(new Span(m.start(), m.end()), value, unit, about ? "about" : "exact",
              about ? Optional.of(value * 0.9) : Optional.of(value),
              about ? Optional.empty() : Optional.of(value),
              unit.equals("count") ? Optional.of(m.group(2)) : Optional.empty(),
              base, baseUnit));
    }
    List<TimeRef> times = new ArrayList<>();
    m = TIME.matcher(t);
    while (m.find()) {
      String w = m.group(1);
      if (w.matches("\\d{4}")) {
        times.add(new TimeRef(new Span(m.start(), m.end()), w, "year", Optional.empty(), Optional.empty()));
      } else if (w.contains(" ")) {
        String[] md = w.split(" ");
        String month = md[0].equals("November") ? "11" : "12";
        times.add(new TimeRef(new Span(m.start(), m.end()), String.format(Locale.ROOT, "2024-%s-%02d", month, Integer.parseInt(md[1])),
            "day", Optional.empty(), Optional.empty()));
      } else if (a.metadata().published().isPresent()) {
        times.add(new TimeRef(new Span(m.start(), m.end()), "2024-12-05", "day", a.metadata().published().map(p -> p.substring(0, 10)), Optional.of("article")));
      } else {
        times.add(new TimeRef(new Span(m.start(), m.end()), "XXXX-WXX-4", "day", Optional.empty(), Optional.empty()));
      }
    }
    return new Annotations(a.id(), mentions, quotes, quantities, times);
  }

  // ---------------------------------------------------------------- helpers

  /**
   * Writes {@code report}, reads it back, and checks both directions: the report read equals
   * {@code report} with its numbers as the writer rounds them, and writing it again gives the same
   * bytes. Returns the report read.
   */
  private static Report roundTrip(Report report) throws IOException {
    byte[] first = write(report);
    Report back = read(first);
    Report expected = asWritten(report);
    assertThat(back.articles()).isEqualTo(expected.articles());
    assertThat(back.entities()).isEqualTo(expected.entities());
    assertThat(back.stories()).isEqualTo(expected.stories());
    assertThat(back.problems()).isEqualTo(expected.problems());
    assertThat(back.annotations()).isEqualTo(expected.annotations());
    assertThat(back.provenance()).isEqualTo(expected.provenance());
    assertThat(back.reconciliation()).isEqualTo(expected.reconciliation());
    assertThat(back).isEqualTo(expected);
    assertThat(new String(write(back), StandardCharsets.UTF_8)).isEqualTo(new String(first, StandardCharsets.UTF_8));
    assertThat(write(back)).isEqualTo(first);
    return back;
  }
}
