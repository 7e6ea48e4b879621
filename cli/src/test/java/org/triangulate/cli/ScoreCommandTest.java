package org.triangulate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreCommandTest {

  @TempDir Path tmp;

  @Test
  void scoresAReportAgainstAGoldFile() throws IOException {
    Path report =
        Files.writeString(
            tmp.resolve("report.json"),
            "{\"schema\": \"triangulate.report/1\", \"articles\": [], \"problems\": [], \"stories\": ["
                + "{\"id\": \"s-1\", \"articles\": [\"a\", \"b\"]},"
                + "{\"id\": \"s-2\", \"articles\": [\"c\", \"d\", \"e\"]}]}");
    Path gold = Files.writeString(tmp.resolve("gold.tsv"), "id\ttopic\tevent\na\t1\tx\nb\t1\tx\nc\t1\tx\nd\t1\ty\ne\t1\ty\n");
    Cli r = Cli.run("score", "--gold", gold.toString(), report.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("items 5").contains("ARI 0.1667").contains("F1 0.7333");
    Cli byTopic = Cli.run("score", "--gold", gold.toString(), "--column", "topic", report.toString());
    assertThat(byTopic.out()).contains("recall 0.5200");
  }

  @Test
  void saysWhatIsWrongWithAGoldFile() throws IOException {
    Path report = Files.writeString(tmp.resolve("report.json"), "{\"stories\": []}");
    Path gold = Files.writeString(tmp.resolve("gold.tsv"), "doc\tlabel\n");
    Cli r = Cli.run("score", "--gold", gold.toString(), report.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("needs columns 'id' and 'event'");
  }

  /** The target, end to end: analyze the ECB+ development set, then score it. */
  @Test
  void reproducesTheEcbPlusScoreEndToEnd() throws IOException {
    Path ecb = Path.of("../../shared/eval/ecbplus-dev");
    Assumptions.assumeTrue(Files.exists(ecb.resolve("articles.jsonl")), "needs ../shared/eval beside the project");
    Path out = tmp.resolve("out");
    Cli analyze = Cli.run("analyze", ecb.resolve("articles.jsonl").toString(), "--out", out.toString());
    assertThat(analyze.exitCode()).as(analyze.err()).isZero();
    Cli score = Cli.run("score", "--gold", ecb.resolve("gold.tsv").toString(), out.resolve("report.json").toString());
    assertThat(score.out()).contains("items 772 (in gold but not in the report: 0");
    Matcher ari = Pattern.compile("ARI (\\d\\.\\d+)").matcher(score.out());
    Matcher f1 = Pattern.compile("F1 (\\d\\.\\d+)").matcher(score.out());
    assertThat(ari.find() && f1.find()).isTrue();
    System.out.println("ECB+ dev, shipped defaults: " + score.out().replace('\n', ';'));
    assertThat(Double.parseDouble(ari.group(1))).isGreaterThanOrEqualTo(0.90);
    assertThat(Double.parseDouble(f1.group(1))).isGreaterThanOrEqualTo(0.92);
  }
}
