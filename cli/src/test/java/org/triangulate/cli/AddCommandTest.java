package org.triangulate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.triangulate.store.CorpusStore;

/** {@code add}: into the corpus of a folder, skipping what it holds, importing an old report. */
class AddCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void addedArticlesJoinTheirStoryAndKeepOldIds() throws IOException {
    Path first = Files.createDirectories(tmp.resolve("first"));
    Path later = Files.createDirectories(tmp.resolve("later"));
    for (Path p : Fixtures.hamaFiles()) {
      String name = p.getFileName().toString();
      Files.copy(p, (name.startsWith("000") || name.startsWith("001") ? first : later).resolve(name));
    }
    // A later article that reuses an id the corpus already holds (an edited copy: other bytes).
    Files.writeString(
        later.resolve("000_5f845e8b32303230.txt"),
        Fixtures.hama("000") + "\n\nThis article was updated.\n",
        StandardCharsets.UTF_8);
    Path out = tmp.resolve("out");
    assertThat(Cli.run("analyze", first.toString(), "--out", out.toString()).exitCode()).isZero();

    Cli add = Cli.run("add", later.toString(), "--out", out.toString());
    assertThat(add.exitCode()).as(add.err()).isZero();
    assertThat(add.out()).contains("6 articles in 1 story from 6 inputs");
    assertThat(add.out()).contains("Added 4 articles: 0 new stories, 1 changed");
    JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
    assertThat(AnalyzeCommandTest.ids(report))
        .containsExactly(
            "000_5f845e8b32303230",
            "000_5f845e8b32303230~2",
            "001_558042633266138b",
            "002_cd28b6654e9fce99",
            "003_fa5c466642b5d1e0",
            "004_caf67864382cb7e1");
    assertThat(report.get("stories").get(0).get("articles")).hasSize(6);
    assertThat(AnalyzeCommandTest.byId(report, "000_5f845e8b32303230").get("source").asText())
        .contains("first/");
    try (CorpusStore store = CorpusStore.openFolder(out)) {
      assertThat(store.integrityCheck()).isEmpty();
      assertThat(store.load().articles()).hasSize(6);
    }
  }

  @Test
  void theSameInputTwiceAddsNothingAndSaysSo() throws IOException {
    Path out = tmp.resolve("out");
    Path one = Fixtures.hamaFile("002");
    Cli first = Cli.run("add", one.toString(), "--out", out.toString(), "--no-annotate");
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).contains("Added 1 article: 1 new story");
    byte[] report = Files.readAllBytes(out.resolve("report.json"));
    long generation;
    try (CorpusStore store = CorpusStore.openFolder(out)) {
      generation = store.generation();
    }

    // The same file, and a copy of it under another name: both skipped, the corpus as it was.
    Path copy = Files.copy(one, tmp.resolve("copy-of-002.txt"));
    Cli again = Cli.run("add", one.toString(), copy.toString(), "--out", out.toString(), "--no-annotate");
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out())
        .contains("Skipped " + one + ": the corpus already holds its content (as " + one + ")")
        .contains("Skipped " + copy + ": the corpus already holds its content (as " + one + ")")
        .contains("Added 0 articles: 0 new stories, 0 changed, 0 merged, 1 unchanged; 2 inputs skipped");
    assertThat(Files.readAllBytes(out.resolve("report.json"))).isEqualTo(report);
    try (CorpusStore store = CorpusStore.openFolder(out)) {
      assertThat(store.load().articles()).hasSize(1);
      assertThat(store.generation()).as("nothing committed").isEqualTo(generation);
    }
  }

  @Test
  void aNameThatMatchesNothingIsOneProblemHoweverOftenItIsGiven() throws IOException {
    Path out = tmp.resolve("out");
    String missing = tmp.resolve("no-such-folder").toString();
    for (int i = 0; i < 2; i++) {
      Cli add = Cli.run("add", Fixtures.hamaFile("002").toString(), missing, "--out", out.toString(), "--no-annotate");
      assertThat(add.exitCode()).as(add.err()).isEqualTo(Main.EXIT_REJECTED);
      assertThat(add.out()).contains("1 problem (1 rejected)");
    }
  }

  @Test
  void aReportOfAnEarlierVersionIsImportedFirst() throws IOException {
    Path out = tmp.resolve("out");
    Path first = Files.createDirectories(tmp.resolve("first"));
    Files.copy(Fixtures.hamaFile("000"), first.resolve("000.txt"));
    Files.copy(Fixtures.hamaFile("001"), first.resolve("001.txt"));
    assertThat(Cli.run("analyze", first.toString(), "--out", out.toString(), "--no-annotate").exitCode())
        .isZero();
    // What an earlier version left: report.json and no corpus.
    Files.delete(out.resolve(CorpusStore.FILE_NAME));

    Cli add = Cli.run("add", Fixtures.hamaFile("002").toString(), "--out", out.toString(), "--no-annotate");
    assertThat(add.exitCode()).as(add.err()).isZero();
    assertThat(add.out()).contains("Imported " + out.resolve("report.json")).contains("2 articles in 1 story");
    assertThat(add.out()).contains("3 articles in 1 story from 3 inputs");
  }
}
