package org.triangulate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.triangulate.annotate.Annotated;
import org.triangulate.annotate.ReferenceDates;
import org.triangulate.group.GroupOptions;
import org.triangulate.group.StoryGrouper;
import org.triangulate.ingest.Corpus;
import org.triangulate.ingest.IngestOptions;
import org.triangulate.ingest.IngestResult;
import org.triangulate.ingest.Inputs;
import org.triangulate.model.Annotations;
import org.triangulate.model.Article;
import org.triangulate.model.Derivation;
import org.triangulate.model.Entity;
import org.triangulate.model.Link;
import org.triangulate.model.Provenance;
import org.triangulate.model.Quote;
import org.triangulate.model.Story;
import org.triangulate.pipeline.Pipeline;
import org.triangulate.report.Report;
import org.triangulate.model.Removal;
import org.triangulate.report.JsonReportWriter;

/**
 * Golden files: each Hama article as the report writes it, pinned in {@code
 * src/test/resources/golden/hama/ID.json}. After a deliberate change, rewrite them with {@code
 * -Dgolden.update=true} and review the diff.
 */
class HamaGoldenTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden/hama");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  private static Map<String, Article> articles;
  private static Annotated annotated;
  private static Provenance provenance;

  @BeforeAll
  static void ingest() throws IOException {
    Inputs.Expansion ex = Inputs.expand(List.of(Fixtures.HAMA.toString()), Path.of(""));
    Report report;
    IngestResult r;
    try (Pipeline pipeline = Components.pipeline(2, true, IngestOptions.DEFAULT_MAX_BYTES)) {
      r = pipeline.ingest(ex.inputs(), Corpus.Progress.none());
      assertThat(r.problems()).isEmpty();
      report = pipeline.analyze(ex.inputs().size(), r.articles(), r.problems());
    }
    articles = r.articles().stream().collect(Collectors.toMap(Article::id, a -> a));
    List<Story> stories = report.stories();
    annotated = new Annotated(report.entities(), report.annotations(), report.problems());
    assertThat(annotated.problems()).isEmpty();
    assertThat(stories).hasSize(1);
    provenance = report.provenance().get(stories.get(0).id());
  }

  /** The story's links, derivations, credits and independent sources, pinned like the articles. */
  @Test
  void provenanceMatchesItsGoldenFile() throws IOException {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
      g.setPrettyPrinter(JsonReportWriter.prettyPrinter());
      g.writeStartObject();
      JsonReportWriter.provenance(g, provenance);
      g.writeEndObject();
    }
    compare("provenance", w + "\n");
  }

  private static Derivation between(String x, String y) {
    return provenance.derivations().stream()
        .filter(d -> d.from().startsWith(x) && d.to().startsWith(y) || d.from().startsWith(y) && d.to().startsWith(x))
        .findFirst()
        .orElseThrow();
  }

  private static List<Link> linksBetween(String x, String y) {
    return provenance.links().stream()
        .filter(l -> l.a().article().startsWith(x) && l.b().article().startsWith(y))
        .toList();
  }

  @Test
  void theTranslationIsLinkedSentenceBySentenceAndSaysSo() {
    assertThat(linksBetween("000", "001")).hasSizeGreaterThanOrEqualTo(15).allMatch(l -> l.kind().equals("paraphrase"));
    Derivation d = between("000", "001");
    assertThat(d.kind()).isEqualTo("translation");
    assertThat(d.from() + " -> " + d.to() + " " + d.direction()).isEqualTo("001_558042633266138b -> 000_5f845e8b32303230 known");
  }

  @Test
  void thePropagandaArticlesCopiedParagraphsShowTheirInsertedWords() {
    String propaganda = articles.get("003_fa5c466642b5d1e0").text();
    List<String> insertedIn003 = new java.util.ArrayList<>();
    for (Link l : linksBetween("002", "003")) {
      for (Link.Edit e : l.edits()) {
        if (e.b() != null) {
          insertedIn003.add(e.b().of(propaganda));
        }
      }
    }
    assertThat(insertedIn003).anyMatch(s -> s.contains("mercenaries")).anyMatch(s -> s.contains("run by MI6"));
    assertThat(linksBetween("003", "004")).isNotEmpty();
    // Its Guardian-sourced Waters quotes are linked to 001.
    assertThat(linksBetween("001", "003").stream().map(l -> l.b().span().of(propaganda)))
        .anyMatch(s -> s.startsWith("“Even if the Russians"))
        .anyMatch(s -> s.startsWith("Gregory Waters"));
  }

  @Test
  void apReportsShareACommonSourceAndNothingIsInventedBetweenTheRest() {
    assertThat(between("002", "004").kind()).isEqualTo("common-source");
    assertThat(between("002", "003").kind()).isEqualTo("common-source");
    for (String[] pair : new String[][] {{"000", "002"}, {"000", "004"}, {"001", "002"}, {"001", "004"}}) {
      assertThat(between(pair[0], pair[1]).kind()).as("%s-%s", pair[0], pair[1]).isEqualTo("independent");
    }
    assertThat(provenance.credits()).anyMatch(c -> c.article().startsWith("003") && c.credited().equals("organization/associated-press"));
  }

  /** The run's entities, pinned like the articles. */
  @Test
  void entitiesMatchTheirGoldenFile() throws IOException {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
      g.setPrettyPrinter(JsonReportWriter.prettyPrinter());
      g.writeStartArray();
      for (Entity e : annotated.entities()) {
        JsonReportWriter.entity(g, e);
      }
      g.writeEndArray();
    }
    compare("entities", w + "\n");
  }

  static Stream<String> ids() {
    return Stream.of(
        "000_5f845e8b32303230",
        "001_558042633266138b",
        "002_cd28b6654e9fce99",
        "003_fa5c466642b5d1e0",
        "004_caf67864382cb7e1");
  }

  /**
   * Every quote of the corpus against the speaker a person judged (quote-speakers.tsv): the quotes
   * found are exactly the judged ones, and 90% or more get the judged speaker.
   */
  @Test
  void quoteSpeakersMatchTheJudgedOnes() throws IOException {
    Map<String, Entity> entities =
        annotated.entities().stream().collect(Collectors.toMap(Entity::id, e -> e));
    List<String[]> gold =
        Files.readAllLines(GOLDEN.resolve("quote-speakers.tsv"), StandardCharsets.UTF_8).stream()
            .filter(l -> !l.startsWith("#") && !l.isBlank())
            .map(l -> l.split("\t"))
            .toList();
    int right = 0;
    List<String> wrong = new java.util.ArrayList<>();
    for (String id : ids().toList()) {
      Article a = articles.get(id);
      List<Quote> quotes = annotated.byArticle().get(id).quotes();
      List<String[]> expected = gold.stream().filter(g -> g[0].equals(id)).toList();
      assertThat(quotes.stream().map(q -> q.span().of(a.text())).toList())
          .as("the quotes of %s", id)
          .hasSize(expected.size());
      for (String[] g : expected) {
        Quote q =
            quotes.stream()
                .filter(x -> x.span().of(a.text()).startsWith(g[1]))
                .findFirst()
                .orElseThrow(() -> new AssertionError(id + " has no quote starting " + g[1]));
        Entity speaker = q.speaker().map(entities::get).orElse(null);
        if (speaker != null && names(speaker).contains(g[2])) {
          right++;
        } else {
          wrong.add(id + " \"" + g[1] + "\": " + (speaker == null ? "none" : speaker.name()) + ", not " + g[2]);
        }
      }
    }
    double accuracy = right / (double) gold.size();
    System.out.printf("Hama quote speakers: %d of %d right (%.1f%%)%n", right, gold.size(), 100 * accuracy);
    assertThat(accuracy).as("speaker accuracy; wrong: %s", wrong).isGreaterThanOrEqualTo(0.90);
  }

  /** The ten most-mentioned entities of the corpus, each with every spelling merged into it. */
  @Test
  void theTenMostMentionedEntitiesAreRightAndMerged() {
    List<Entity> top =
        annotated.entities().stream()
            .sorted(java.util.Comparator.comparingInt(Entity::mentions).reversed().thenComparing(Entity::id))
            .limit(10)
            .toList();
    assertThat(top)
        .extracting(e -> e.name() + " (" + e.type() + ")")
        .containsExactlyInAnyOrder(
            "Hama (place)",
            "Bashar al-Assad (person)",
            "Syria (place)",
            "Hay'at Tahrir al-Sham (organization)",
            "Aleppo (place)",
            "Syrian Arab Army (organization)",
            "Iran (place)",
            "Abu Mohammed al-Golani (person)",
            "Gregory Waters (person)",
            "Syrian Observatory for Human Rights (organization)");
    Map<String, Entity> byName = top.stream().collect(Collectors.toMap(Entity::name, e -> e));
    assertThat(byName.get("Bashar al-Assad").aliases())
        .contains("Bashar Al Assad", "Bashar Assad", "Assad")
        .doesNotContain("Hafez al-Assad", "Hafez Assad");
    assertThat(byName.get("Hay'at Tahrir al-Sham").aliases())
        .contains("HTS", "Hayat Tahrir al-Sham", "Organisation for the Liberation of the Levant");
    assertThat(byName.get("Abu Mohammed al-Golani").aliases()).contains("Abu Mohammed al-Jolani", "Al-Golani");
    assertThat(byName.get("Gregory Waters").aliases()).contains("Waters");
    assertThat(byName.get("Gregory Waters").descriptions())
        .contains("a Syrian military analyst at the Middle East Institute");
    assertThat(byName.get("Syrian Arab Army").aliases()).contains("Syrian army");
    assertThat(byName.get("Hama").subtype()).contains("city");
    Entity sohr =
        annotated.entities().stream().filter(e -> e.name().equals("Syrian Observatory for Human Rights")).findFirst().orElseThrow();
    assertThat(sohr.aliases()).contains("Observatory");
    assertThat(sohr.descriptions())
        .contains("a war monitor run by MI6", "an opposition war monitor", "Britain-based war monitor", "UK-based");
  }

  @Test
  void alJolanisQuoteIsHisInAllFourRenderings() {
    List<String> speakers = new java.util.ArrayList<>();
    for (String id : ids().toList()) {
      Article a = articles.get(id);
      for (Quote q : annotated.byArticle().get(id).quotes()) {
        String t = q.span().of(a.text());
        if (t.startsWith("This victory will be") || t.startsWith("conquering that is not vengeful")) {
          speakers.add(q.speaker().orElse("none"));
        }
      }
    }
    assertThat(speakers).hasSize(4).containsOnly(speakers.get(0));
    Entity jolani =
        annotated.entities().stream().filter(e -> e.id().equals(speakers.get(0))).findFirst().orElseThrow();
    assertThat(names(jolani)).contains("Abu Mohammed al-Jolani", "Abu Mohammed al-Golani", "Al-Golani");
  }

  private static List<String> names(Entity e) {
    List<String> n = new java.util.ArrayList<>(e.aliases());
    n.add(e.name());
    return n;
  }

  @ParameterizedTest
  @MethodSource("ids")
  void matchesItsGoldenFile(String id) throws IOException {
    compare(id, json(articles.get(id), annotated.byArticle().get(id)));
  }

  private static void compare(String name, String actual) throws IOException {
    Path golden = GOLDEN.resolve(name + ".json");
    if (UPDATE) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(golden).as("golden file; run with -Dgolden.update=true to create it").exists();
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  @Test
  void propagandaArticleKeepsHeadlineAndAuthorAndLosesItsChrome() {
    Article a = articles.get("003_fa5c466642b5d1e0");
    assertThat(a.metadata().title()).contains("Hama city falls to HTS as Syrian army flees");
    assertThat(a.metadata().byline()).contains("Alameen Templeton");
    assertThat(a.text())
        .startsWith("Hayat Tahrir al-Sham mercenaries have entered the city of Hama Thursday")
        .endsWith("It feels unlikely to reach the level of support we\u2019ve seen previously.\u201D")
        .doesNotContain("What do you think?")
        .doesNotContain("Upvote")
        .doesNotContain("Leave a Reply")
        .doesNotContain("Your email address")
        .doesNotContain("GIPHY")
        .doesNotContain("Loading")
        .doesNotContain("WebAdmin")
        .doesNotContain("Iran preparing to send troops to Syria")
        .doesNotContain("Netanyahu corruption trial")
        .doesNotContain("in , ,");
  }

  @Test
  void gulfArticleIsDatedAndLosesItsPhotoCredits() {
    Article a = articles.get("002_cd28b6654e9fce99");
    assertThat(a.metadata().published()).contains("2024-12-05");
    assertThat(a.text())
        .startsWith("Syrian insurgents have entered the central city of Hama")
        .doesNotContain("Credit: AP")
        .doesNotContain("Smoke billowing")
        .doesNotContain("date 2024-12-05");
    assertThat(a.removed()).extracting(Removal::reason).contains(Removal.Reasons.CAPTION);
  }

  @Test
  void translationIsRepaired() {
    Article a = articles.get("001_558042633266138b");
    assertThat(a.text())
        .contains("the infamous 1982 massacre when forces loyal")
        .contains("to end the bloodshed, asking \u201Call those with influence");
  }

  @Test
  void noArticleLosesASentenceOfArticleText() throws IOException {
    for (Path file : Fixtures.hamaFiles()) {
      String id = file.getFileName().toString().replace(".txt", "");
      Article a = articles.get(id);
      String original = repaired(Files.readString(file, StandardCharsets.UTF_8), a);
      String text = squash(a.text());
      for (String line : original.split("\n")) {
        String s = line.strip();
        boolean sentence = s.matches(".*[.!?\u201D\"]$") && s.split("\\s+").length >= 6;
        if (!sentence) {
          continue;
        }
        // Judge by the line's last sentence, which repairs at the line's start cannot touch.
        String[] parts = s.split("(?<=[.!?])\\s+");
        String last = squash(parts[parts.length - 1]);
        assertThat(text).as("%s keeps: %s", id, s).contains(last);
      }
      for (Removal r : a.removed()) {
        if (r.reason().equals(Removal.Reasons.CAPTION) || r.reason().equals(Removal.Reasons.RELATED_LINK)) {
          assertThat(r.text().split("\\s+").length).as("%s removes a short line: %s", id, r.text()).isLessThan(40);
        }
      }
    }
  }

  /**
   * The original with the article's removals taken out and its repairs applied: what cleaning
   * claims to keep. Each removal and repair must quote the original exactly where it says.
   */
  private static String repaired(String original, Article a) {
    record Edit(int offset, String original, String replacement) {}
    List<Edit> edits = new java.util.ArrayList<>();
    a.removed().forEach(r -> edits.add(new Edit(r.offset(), r.text(), "")));
    a.repairs().forEach(r -> edits.add(new Edit(r.offset(), r.original(), r.replacement())));
    edits.sort(java.util.Comparator.comparingInt(Edit::offset).reversed());
    StringBuilder sb = new StringBuilder(original);
    for (Edit e : edits) {
      assertThat(original.substring(e.offset(), e.offset() + e.original().length()))
          .isEqualTo(e.original());
      sb.replace(e.offset(), e.offset() + e.original().length(), e.replacement());
    }
    return sb.toString();
  }

  private static String squash(String s) {
    return s.replaceAll("\\s+", " ");
  }

  private static String json(Article a, Annotations an) throws IOException {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
      g.setPrettyPrinter(JsonReportWriter.prettyPrinter());
      JsonReportWriter.article(g, a, an);
    }
    return w + "\n";
  }
}
