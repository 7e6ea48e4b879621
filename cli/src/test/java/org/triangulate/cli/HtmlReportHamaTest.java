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

/** {@code analyze} writes report.html next to report.json, holding the same report. */
class HtmlReportHamaTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DATA_OPEN = "<script type=\"application/json\" id=\"data\">";

  @TempDir Path tmp;

  @Test
  void analyzeWritesReportHtmlWithTheSameReportAsReportJson() throws IOException {
    Path out = tmp.resolve("out");
    Cli r = Cli.run("analyze", Fixtures.HAMA.toString(), "--out", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
    assertThat(html).startsWith("<!DOCTYPE html>").contains("Content-Security-Policy");
    int b = html.indexOf(DATA_OPEN) + DATA_OPEN.length();
    String data = html.substring(b, html.indexOf("</script>", b));
    JsonNode fromHtml = JSON.readTree(data);
    assertThat(fromHtml).isEqualTo(JSON.readTree(out.resolve("report.json").toFile()));
    JsonNode story = fromHtml.get("stories").get(0);
    assertThat(story.get("articles")).hasSize(5);
    assertThat(story.get("derivations")).isNotEmpty();
    assertThat(story.get("claims")).isNotEmpty();
    // The Hama texts hold no markup, but the data block never holds a raw '<' whatever they hold.
    assertThat(data).doesNotContain("<", ">");
    // No temporary file left, and the corpus closed cleanly (no write-ahead log left over).
    assertThat(Files.list(out).map(p -> p.getFileName().toString()).sorted().toList())
        .containsExactly("corpus.db", "report.html", "report.json");
  }
}
