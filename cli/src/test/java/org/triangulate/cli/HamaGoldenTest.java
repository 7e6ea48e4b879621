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
import org.triangulate.ingest.Corpus;
import org.triangulate.ingest.IngestOptions;
import org.triangulate.ingest.IngestResult;
import org.triangulate.ingest.Inputs;
import org.triangulate.model.Article;
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

  @BeforeAll
  static void ingest() throws IOException {
    Inputs.Expansion ex = Inputs.expand(List.of(Fixtures.HAMA.toString()), Path.of(""));
    IngestResult r =
        Corpus.ingest(
            ex.inputs(), Components.ingester(IngestOptions.DEFAULT_MAX_BYTES), 2, Corpus.Progress.none());
    assertThat(r.problems()).isEmpty();
    articles = r.articles().stream().collect(Collectors.toMap(Article::id, a -> a));
  }

  static Stream<String> ids() {
    return Stream.of(
        "000_5f845e8b32303230",
        "001_558042633266138b",
        "002_cd28b6654e9fce99",
        "003_fa5c466642b5d1e0",
        "004_caf67864382cb7e1");
  }

  @ParameterizedTest
  @MethodSource("ids")
  void matchesItsGoldenFile(String id) throws IOException {
    String actual = json(articles.get(id));
    Path golden = GOLDEN.resolve(id + ".json");
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

  private static String json(Article a) throws IOException {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
      g.setPrettyPrinter(JsonReportWriter.prettyPrinter());
      JsonReportWriter.article(g, a);
    }
    return w + "\n";
  }
}
