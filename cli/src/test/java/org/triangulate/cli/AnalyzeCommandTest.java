package org.triangulate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void writesAReportForTheHamaCorpus() throws IOException {
    Path out = tmp.resolve("out");
    Cli r = Cli.run("analyze", Fixtures.HAMA.toString(), "--out", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("report.json").contains("5 articles in 1 story from 5 inputs, 0 problems");
    JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
    assertThat(report.get("schema").asText()).isEqualTo("triangulate.report/1");
    assertThat(ids(report))
        .containsExactly(
            "000_5f845e8b32303230",
            "001_558042633266138b",
            "002_cd28b6654e9fce99",
            "003_fa5c466642b5d1e0",
            "004_caf67864382cb7e1");
    assertThat(report.get("stories")).hasSize(1);
    JsonNode story = report.get("stories").get(0);
    assertThat(story.get("articles")).hasSize(5);
    assertThat(story.get("id").asText()).startsWith("s-");
    assertThat(story.get("first").asText()).isEqualTo("2024-12-05");
    assertThat(story.get("keys")).isNotEmpty();
    assertThat(report.get("problems")).isEmpty();
    for (JsonNode a : report.get("articles")) {
      assertThat(a.get("language").asText()).isEqualTo("en");
      assertThat(a.get("source").asText()).startsWith("../examples/hama/");
      assertThat(a.get("format").asText()).isEqualTo("text");
    }
  }

  /** --outlet names the outlets the Hama files do not: labels and explanations then use them. */
  @Test
  void outletRulesGiveTheHamaReportsTheirOutletsAndTheReportUsesThem() throws IOException {
    Path out = tmp.resolve("out");
    Cli r =
        Cli.run(
            "analyze", Fixtures.HAMA.toString(), "--out", out.toString(), "--no-annotate",
            "--outlet", "000_*=Outlet A", "--outlet", "002_*=Outlet B");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
    java.util.Map<String, String> outlet = new java.util.TreeMap<>();
    java.util.Map<String, String> label = new java.util.TreeMap<>();
    for (JsonNode a : report.get("articles")) {
      outlet.put(a.get("id").asText(), a.get("outlet").isNull() ? null : a.get("outlet").asText());
      label.put(a.get("id").asText(), a.get("label").asText());
    }
    assertThat(outlet.get("000_5f845e8b32303230")).isEqualTo("Outlet A");
    assertThat(outlet.get("002_cd28b6654e9fce99")).isEqualTo("Outlet B");
    assertThat(outlet.get("001_558042633266138b")).isNull();
    assertThat(label)
        .containsEntry("000_5f845e8b32303230", "Outlet A")
        .containsEntry("001_558042633266138b", "001")
        .containsEntry("002_cd28b6654e9fce99", "Outlet B");
    // A rule that is no rule: a usage error naming the option.
    Cli bad = Cli.run("analyze", Fixtures.HAMA.toString(), "--out", out.toString(), "--outlet", "Guardian");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("--outlet").contains("PATTERN=NAME");
  }

  @Test
  void mixedGoodAndBadInputsGiveEveryGoodArticleAndOneProblemPerBadFile() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("in"));
    for (Path p : Fixtures.hamaFiles()) {
      Files.copy(p, in.resolve(p.getFileName()));
    }
    // Good, but needing repair: Windows-1252 text.
    Files.write(
        in.resolve("legacy-1252.txt"),
        Fixtures.hama("004").getBytes(Charset.forName("windows-1252")));
    // Good: HTML, JSONL, WARC made from the corpus.
    Files.writeString(
        in.resolve("page.html"), Fixtures.html("Hama city falls", Fixtures.hama("002")));
    Files.writeString(
        in.resolve("records.jsonl"),
        "{\"id\": \"rec-1\", \"title\": \"Rebels enter Hama\", \"maintext\": "
            + Fixtures.json(Fixtures.hama("004"))
            + ", \"date_publish\": \"2024-12-05 10:00:00\", \"source_domain\": \"example.org\"}\n");
    Files.write(
        in.resolve("crawl.warc"),
        Fixtures.warc(new String[] {"https://example.org/hama", Fixtures.html("Hama", Fixtures.hama("000"))}));
    // Bad, one of each kind.
    Files.write(in.resolve("empty.txt"), new byte[0]);
    byte[] binary = new byte[2048];
    new Random(1).nextBytes(binary);
    binary[100] = 0;
    Files.write(in.resolve("photo.txt"), binary);
    Files.writeString(in.resolve("broken.jsonl"), "{\"id\": \"x\", \"text\": \"unterminated\n");
    byte[] warc =
        Fixtures.warc(new String[] {"https://example.org/a", Fixtures.html("A", Fixtures.hama("001"))});
    Files.write(in.resolve("truncated.warc"), Arrays.copyOf(warc, warc.length / 2));
    Files.writeString(in.resolve("huge.txt"), "Rebels entered Hama. ".repeat(20_000));

    Path out = tmp.resolve("out");
    Cli r = Cli.run("analyze", in.toString(), "--out", out.toString(), "--max-bytes", "200000");

    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(Main.EXIT_REJECTED);
    JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
    assertThat(ids(report))
        .contains(
            "000_5f845e8b32303230",
            "001_558042633266138b",
            "002_cd28b6654e9fce99",
            "003_fa5c466642b5d1e0",
            "004_caf67864382cb7e1",
            "legacy-1252",
            "page",
            "rec-1",
            "urn:uuid:00000000-0000-4000-8000-000000000000")
        .hasSize(9);
    List<JsonNode> errors = new ArrayList<>();
    for (JsonNode p : report.get("problems")) {
      if (p.get("severity").asText().equals("error")) {
        errors.add(p);
      }
    }
    assertThat(errors)
        .extracting(p -> p.get("source").asText().replaceAll(".*/", ""))
        .containsExactlyInAnyOrder("broken.jsonl", "empty.txt", "huge.txt", "photo.txt", "truncated.warc");
    for (JsonNode p : errors) {
      assertThat(p.get("location").asText()).matches("file|line \\d+|byte \\d+");
      assertThat(p.get("stage").asText()).isEqualTo("ingest");
      assertThat(p.get("message").asText()).isNotBlank();
    }
    assertThat(byId(report, "legacy-1252").get("text").asText())
        .isEqualTo(byId(report, "004_caf67864382cb7e1").get("text").asText());
    assertThat(r.err()).contains("rejected: ").contains("empty.txt");
  }

  @Test
  void theReportIsTheSameBytesWhateverTheInputOrderAndThreadCount() throws IOException {
    List<String> files = new ArrayList<>();
    for (Path p : Fixtures.hamaFiles()) {
      files.add(p.toString());
    }
    long seed = new Random().nextLong();
    byte[] first = null;
    for (int run = 0; run < 4; run++) {
      List<String> order = new ArrayList<>(files);
      Collections.shuffle(order, new Random(seed + run));
      Path out = tmp.resolve("run" + run);
      List<String> args = new ArrayList<>(List.of("analyze", "--out", out.toString(), "--threads", String.valueOf(1 + run)));
      args.addAll(order);
      Cli r = Cli.run(args.toArray(String[]::new));
      assertThat(r.exitCode()).isZero();
      byte[] bytes = Files.readAllBytes(out.resolve("report.json"));
      if (first == null) {
        first = bytes;
      } else {
        assertThat(new String(bytes, StandardCharsets.UTF_8))
            .as("run %d, seed %d", run, seed)
            .isEqualTo(new String(first, StandardCharsets.UTF_8));
      }
    }
  }

  @Test
  void readsGlobsAndSaysWhenNothingMatches() throws IOException {
    Path out = tmp.resolve("out");
    Cli r =
        Cli.run(
            "analyze",
            "--out",
            out.toString(),
            Fixtures.HAMA + "/00[34]_*.txt",
            Fixtures.HAMA + "/*.nothing");
    assertThat(r.exitCode()).isEqualTo(Main.EXIT_REJECTED);
    JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
    assertThat(ids(report)).containsExactly("003_fa5c466642b5d1e0", "004_caf67864382cb7e1");
    assertThat(report.get("problems").get(0).get("message").asText()).contains("matches no file");
  }

  @Test
  void aMissingPathIsAProblemNotACrash() throws IOException {
    Path out = tmp.resolve("out");
    Cli r = Cli.run("analyze", "--out", out.toString(), tmp.resolve("nope.txt").toString());
    assertThat(r.exitCode()).isEqualTo(Main.EXIT_REJECTED);
    JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
    assertThat(report.get("articles")).isEmpty();
    assertThat(report.get("problems").get(0).get("message").asText()).isEqualTo("no such file or folder");
  }

  @Test
  void helpWorksOnEveryCommand() {
    for (String[] args : List.of(new String[] {"--help"}, new String[] {"analyze", "--help"}, new String[] {"help", "analyze"})) {
      Cli r = Cli.run(args);
      assertThat(r.exitCode()).as(String.join(" ", args)).isZero();
      assertThat(r.out()).contains("Usage: triangulate");
    }
    assertThat(Cli.run("analyze", "--help").out()).contains("--out").contains("Exit codes");
  }

  @Test
  void usageErrorsExitWithTwoAndAHint() {
    Cli noPath = Cli.run("analyze");
    assertThat(noPath.exitCode()).isEqualTo(2);
    assertThat(noPath.err()).contains("Missing required parameter").contains("See 'triangulate help analyze'");
    assertThat(Cli.run("analyze", "--frobnicate", "x").exitCode()).isEqualTo(2);
    assertThat(Cli.run("analyse", "x").exitCode()).isEqualTo(2);
    assertThat(Cli.run().exitCode()).isEqualTo(2);
    assertThat(Cli.run("analyze", "--threads", "0", "x").exitCode()).isEqualTo(2);
  }

  @Test
  void anUnwritableOutputIsAFailure() throws IOException {
    Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
    Cli r = Cli.run("analyze", "--out", file.toString(), Fixtures.HAMA.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .contains("triangulate: cannot keep the corpus in " + file + ": it is a file, not a folder");
  }

  static List<String> ids(JsonNode report) {
    return StreamSupport.stream(report.get("articles").spliterator(), false)
        .map(a -> a.get("id").asText())
        .toList();
  }

  static JsonNode byId(JsonNode report, String id) {
    for (JsonNode a : report.get("articles")) {
      if (a.get("id").asText().equals(id)) {
        return a;
      }
    }
    throw new AssertionError("no article " + id);
  }
}
