package org.triangulate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    // A later article that reuses an id the report already holds.
    Files.copy(Fixtures.hamaFiles().get(0), later.resolve("000_5f845e8b32303230.txt"));
    Path out = tmp.resolve("out");
    assertThat(Cli.run("analyze", first.toString(), "--out", out.toString()).exitCode()).isZero();

    Cli add = Cli.run("add", later.toString(), "--out", out.toString());
    assertThat(add.exitCode()).as(add.err()).isZero();
    assertThat(add.out()).contains("6 articles in 1 story from 6 inputs");
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
  }

  @Test
  void needsAReportToAddTo() {
    Cli add = Cli.run("add", Fixtures.HAMA.toString(), "--out", tmp.resolve("none").toString());
    assertThat(add.exitCode()).isEqualTo(2);
    assertThat(add.err()).contains("no report at").contains("run 'triangulate analyze' first");
  }
}
