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
    Assumptions.assumeTrue(EcbPlusDev.available(), EcbPlusDev.missing());
    Path ecb = EcbPlusDev.DIR;
    Path out = EcbPlusDev.get().reportFile().getParent();
    Cli score = Cli.run("score", "--gold", ecb.resolve("gold.tsv").toString(), out.resolve("report.json").toString());
    assertThat(score.out()).contains("items 772 (in gold but not in the report: 0");
    Matcher ari = Pattern.compile("ARI (\\d\\.\\d+)").matcher(score.out());
    Matcher f1 = Pattern.compile("F1 (\\d\\.\\d+)").matcher(score.out());
    assertThat(ari.find() && f1.find()).isTrue();
    System.out.println("ECB+ dev, shipped defaults: " + score.out().replace('\n', ';'));
    assertThat(Double.parseDouble(ari.group(1))).isGreaterThanOrEqualTo(0.90);
    assertThat(Double.parseDouble(f1.group(1))).isGreaterThanOrEqualTo(0.92);
    annotatedEveryArticle(out.resolve("report.json"));
    reconciledEveryStory(out.resolve("report.json"));
  }

  /**
   * Each distinct sentence of the development set is embedded once, though align, paraphrase
   * candidates and reconcile each ask for sentences; every article is read by the NLP models once.
   */
  @Test
  void theDevelopmentSetEmbedsEachDistinctSentenceOnce() throws IOException {
    Assumptions.assumeTrue(EcbPlusDev.available(), EcbPlusDev.missing());
    org.triangulate.pipeline.Stats stats = EcbPlusDev.get().stats();
    System.out.println(
        "ECB+ dev embedding: requested " + stats.counter("embed.requested") + ", embedded "
            + stats.counter("embed.embedded") + ", distinct " + stats.counter("embed.distinct"));
    assertThat(stats.counter("embed.embedded")).isPositive().isEqualTo(stats.counter("embed.distinct"));
    assertThat(stats.counter("embed.requested")).isGreaterThan(stats.counter("embed.embedded"));
    assertThat(stats.counter("annotate.read")).isEqualTo(772);
  }

  /**
   * The annotate stage ran on every ECB+ article without a problem, and every span it wrote lies
   * inside its article's text.
   */
  private static void annotatedEveryArticle(Path report) throws IOException {
    com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(report.toFile());
    for (com.fasterxml.jackson.databind.JsonNode p : root.path("problems")) {
      assertThat(p.path("stage").asText()).as(p.toString()).isNotEqualTo("annotate");
    }
    assertThat(root.path("entities").size()).isGreaterThan(1000);
    java.util.Set<String> entityIds = new java.util.HashSet<>();
    root.path("entities").forEach(e -> entityIds.add(e.path("id").asText()));
    int quotes = 0;
    int times = 0;
    int quantities = 0;
    for (com.fasterxml.jackson.databind.JsonNode a : root.path("articles")) {
      int length = a.path("text").asText().length();
      for (String field : java.util.List.of("mentions", "quotes", "quantities", "times")) {
        for (com.fasterxml.jackson.databind.JsonNode x : a.path(field)) {
          com.fasterxml.jackson.databind.JsonNode span = x.path("span");
          assertThat(span.get(0).asInt()).as("%s %s", a.path("id"), x).isBetween(0, span.get(1).asInt());
          assertThat(span.get(1).asInt()).as("%s %s", a.path("id"), x).isLessThanOrEqualTo(length);
        }
      }
      for (com.fasterxml.jackson.databind.JsonNode m : a.path("mentions")) {
        assertThat(entityIds).contains(m.path("entity").asText());
      }
      quotes += a.path("quotes").size();
      times += a.path("times").size();
      quantities += a.path("quantities").size();
    }
    System.out.printf("ECB+ dev annotated: %d entities, %d quotes, %d quantities, %d times%n",
        entityIds.size(), quotes, quantities, times);
    assertThat(quotes).isGreaterThan(100);
    assertThat(times).isGreaterThan(500);
    assertThat(quantities).isGreaterThan(500);
  }

  /**
   * The reconcile stage ran on every ECB+ story: claims whose spans lie in their articles, every
   * quote in exactly one quote group, and few contested findings. On ECB+ dev it reports five
   * contradictions, three of them real (a sentence of four against four and a half months, 35 miles
   * against 60 km, $143 against $158 billion); the bound catches a flood of false ones.
   */
  private static void reconciledEveryStory(Path report) throws IOException {
    com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(report.toFile());
    java.util.Map<String, Integer> lengths = new java.util.HashMap<>();
    java.util.Map<String, java.util.List<String>> quotes = new java.util.HashMap<>();
    for (com.fasterxml.jackson.databind.JsonNode a : root.path("articles")) {
      lengths.put(a.path("id").asText(), a.path("text").asText().length());
      java.util.List<String> ids = new java.util.ArrayList<>();
      a.path("quotes").forEach(q -> ids.add(q.path("id").asText()));
      quotes.put(a.path("id").asText(), ids);
    }
    int claims = 0;
    int contested = 0;
    int corroborated = 0;
    for (com.fasterxml.jackson.databind.JsonNode s : root.path("stories")) {
      assertThat(s.path("claims").size()).as(s.path("id").asText()).isPositive();
      for (com.fasterxml.jackson.databind.JsonNode c : s.path("claims")) {
        claims++;
        contested += c.path("status").asText().equals("contested") ? 1 : 0;
        corroborated += c.path("status").asText().equals("corroborated") ? 1 : 0;
        for (com.fasterxml.jackson.databind.JsonNode a : c.path("assertions")) {
          assertThat(a.path("span").get(1).asInt()).isLessThanOrEqualTo(lengths.get(a.path("article").asText()));
        }
      }
      java.util.List<String> grouped = new java.util.ArrayList<>();
      s.path("quoteGroups").forEach(g -> g.path("quotes").forEach(q -> grouped.add(q.asText())));
      java.util.List<String> all = new java.util.ArrayList<>();
      s.path("articles").forEach(a -> all.addAll(quotes.get(a.asText())));
      assertThat(grouped).as(s.path("id").asText()).containsExactlyInAnyOrderElementsOf(all);
    }
    System.out.printf("ECB+ dev reconciled: %d claims, %d corroborated, %d contested%n", claims, corroborated, contested);
    assertThat(corroborated).isGreaterThan(100);
    assertThat(contested).isBetween(1, 8);
  }
}
