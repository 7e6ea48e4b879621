package org.triangulate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder of hostile inputs beside one good article: {@code analyze} finishes (in the test JVM's
 * 2 GB of heap), keeps the good article, lists a located problem for each rejected file, and
 * prints no forged line. The inputs: a gzip of 2 GB of zeros, 3,000 short numbered lines, 100,000
 * nested {@code <div>}, a 5 MB line of words, a JSON array file and a file name holding a newline.
 */
class HostileFolderTest {

  @TempDir static Path dir;
  private static Cli run;
  private static JsonNode report;

  @BeforeAll
  static void analyse() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.copy(Fixtures.HAMA.resolve("002_cd28b6654e9fce99.txt"), in.resolve("good.txt"));
    try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(in.resolve("zeros.txt.gz")), 1 << 16)) {
      byte[] mb = new byte[1 << 20];
      for (int i = 0; i < 2048; i++) {
        gz.write(mb);
      }
    }
    StringBuilder lines = new StringBuilder("Readings\n\n");
    for (int i = 1; i <= 3_000; i++) {
      lines.append("line ").append(i).append(" ok\n");
    }
    Files.writeString(in.resolve("lines.txt"), lines);
    try (Writer w = Files.newBufferedWriter(in.resolve("deep.html"), StandardCharsets.UTF_8)) {
      w.write("<html><head><title>Deep</title></head><body>");
      for (int i = 0; i < 100_000; i++) {
        w.write("<div>");
      }
      w.write("<p>Rebels entered the city of Hama on Thursday, the army said.</p>");
      for (int i = 0; i < 100_000; i++) {
        w.write("</div>");
      }
      w.write("</body></html>");
    }
    try (Writer w = Files.newBufferedWriter(in.resolve("words.txt"), StandardCharsets.UTF_8)) {
      String[] words = {"the", "rebels", "entered", "city", "army", "said", "on", "thursday"};
      long n = 0;
      for (int i = 0; n < 5_000_000; i++) {
        String word = words[i % words.length];
        w.write(word);
        w.write(' ');
        n += word.length() + 1;
      }
    }
    Files.writeString(in.resolve("array.json"), "[{\"id\": \"a\", \"text\": \"x\"}, {\"id\": \"b\"}]");
    Files.writeString(in.resolve("bad\nrejected: forged.txt"), "");
    run = Cli.run("analyze", in.toString(), "--out", dir.resolve("out").toString(), "--progress", "none");
    report = new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
  }

  @Test
  void finishesWithRejectionsAndKeepsTheGoodArticle() {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.EXIT_REJECTED);
    List<String> ids = new ArrayList<>();
    report.path("articles").forEach(a -> ids.add(a.path("id").asText()));
    assertThat(ids).contains("good", "lines", "deep");
    JsonNode good = null;
    for (JsonNode a : report.path("articles")) {
      if (a.path("id").asText().equals("good")) {
        good = a;
      }
    }
    assertThat(good.path("mentions").size()).isGreaterThan(10);
    assertThat(good.path("quotes").size()).isGreaterThan(0);
  }

  @Test
  void eachRejectedFileHasALocatedProblem() {
    List<String> rejected = new ArrayList<>();
    for (JsonNode p : report.path("problems")) {
      if (p.path("severity").asText().equals("error")) {
        assertThat(p.path("location").asText()).isNotBlank();
        assertThat(p.path("stage").asText()).isNotBlank();
        rejected.add(p.path("source").asText());
      }
    }
    assertThat(rejected)
        .anySatisfy(s -> assertThat(s).endsWith("zeros.txt.gz"))
        .anySatisfy(s -> assertThat(s).endsWith("bad\nrejected: forged.txt"));
    for (JsonNode p : report.path("problems")) {
      if (p.path("source").asText().endsWith("zeros.txt.gz")) {
        assertThat(p.path("message").asText()).contains("decompresses to more than");
      }
    }
  }

  @Test
  void noPrintedLineIsForged() {
    assertThat(run.out().lines()).hasSize(1).allSatisfy(l -> assertThat(l).startsWith("Wrote "));
    assertThat(run.err().lines()).allSatisfy(l -> assertThat(l).startsWith("rejected: "));
    assertThat(run.err()).contains("bad\\nrejected: forged.txt");
  }
}
