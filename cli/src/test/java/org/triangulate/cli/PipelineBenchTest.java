package org.triangulate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.triangulate.ingest.Corpus;
import org.triangulate.ingest.IngestOptions;
import org.triangulate.ingest.IngestResult;
import org.triangulate.ingest.Inputs;
import org.triangulate.pipeline.Pipeline;
import org.triangulate.pipeline.Stats;

/**
 * {@code triangulate bench pipeline} on the Hama reports: every stage the pipeline's stats report
 * is in the table with its items, the end-to-end article count is the corpus's, the JSON parses and
 * its rates are items per wall second, and bad options are refused. No timing is checked.
 */
class PipelineBenchTest {

  /** A row of the table: stage, wall, CPU, CPU/wall, items, unit, items/s, articles/s, share. */
  private static final Pattern ROW =
      Pattern.compile(
          "(?m)^(\\S+|\\(outside stages\\))\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+|-)\\s+([\\d,]+|-)\\s+"
              + "(\\w*)\\s+([\\d,.]+|-)\\s+([\\d,.]+|-)\\s+([\\d.]+)%$");
  private static final Pattern RUN =
      Pattern.compile("run (\\d+) of (\\d+): JVM uptime at start ([\\d.]+) s; load average before (.+); (\\d+) articles from (\\d+) inputs?");
  private static final Pattern END =
      Pattern.compile("end to end: ([\\d.]+) s wall, ([\\d.]+) s CPU \\(CPU/wall ([\\d.]+) of (\\d+) cores\\): ([\\d,.]+) articles/s");
  private static final Pattern WARM =
      Pattern.compile("end to end without the load- stages \\(([\\d.]+) s\\): ([\\d.]+) s wall: ([\\d,.]+) articles/s");
  private static final Pattern RESULT =
      Pattern.compile("result: (\\d+) articles in (\\d+) stories, (\\d+) problems; peak heap ([\\d,]+) MB");

  private static final Pattern COUNTERS = Pattern.compile("(?m)^counters: (.+)$");

  @TempDir Path dir;

  @Test
  void timesEveryStageOfTheRunWithoutAnnotation() throws IOException {
    Path json = dir.resolve("figures/pipeline.json");
    Cli r = Cli.run(
        "bench", "pipeline", "--source", Fixtures.HAMA.toString(), "--no-annotate", "--threads", "2",
        "--repeat", "2", "--json", json.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> stages = pipelineStages(false);
    assertThat(stages).contains("ingest", "group", "stories").doesNotContain("annotate");
    checkRuns(r.out(), json, stages, 2);
    JsonNode doc = new ObjectMapper().readTree(json.toFile());
    assertThat(doc.get("annotate").asBoolean()).isFalse();
    assertThat(doc.get("runs").get(0).get("counters").has("annotate.read")).isFalse();
  }

  @Test
  void timesTheAnnotateStagesToo() throws IOException {
    Path json = dir.resolve("pipeline.json");
    Cli r = Cli.run(
        "bench", "pipeline", "--source", Fixtures.HAMA.toString(), "--threads", "2", "--json", json.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> stages = pipelineStages(true);
    assertThat(stages).contains("ingest", "group", "load-models", "annotate", "link", "stories");
    checkRuns(r.out(), json, stages, 1);
    JsonNode counters = new ObjectMapper().readTree(json.toFile()).get("runs").get(0).get("counters");
    assertThat(counters.get("annotate.read").asLong()).isEqualTo(5);
    assertThat(find(COUNTERS, r.out()).group(1)).contains("annotate.read 5");
  }

  @Test
  void refusesNoThreads() {
    Cli r = Cli.run("bench", "pipeline", "--source", Fixtures.HAMA.toString(), "--no-annotate", "--threads", "0");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--threads");
    assertThat(r.out()).doesNotContain("end to end");
  }

  @Test
  void refusesNoRuns() {
    Cli r = Cli.run("bench", "pipeline", "--source", Fixtures.HAMA.toString(), "--no-annotate", "--repeat", "0");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--repeat");
  }

  @Test
  void benchAloneNamesEveryBenchmark() {
    Cli r = Cli.run("bench");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("group, annotate, align, candidates, neighbours or pipeline");
  }

  /** The stages the pipeline's stats report for the Hama reports, run here as the command runs it. */
  private static List<String> pipelineStages(boolean annotate) {
    try (Pipeline p =
        Components.pipeline(new Pipeline.Options(2, annotate), IngestOptions.DEFAULT_MAX_BYTES)) {
      Inputs.Expansion found = Inputs.expand(List.of(Fixtures.HAMA.toString()), Path.of("").toAbsolutePath());
      IngestResult read = p.ingest(found.inputs(), Corpus.Progress.none());
      p.analyze(found.inputs().size(), read.articles(), new ArrayList<>(read.problems()));
      return p.stats().stages().stream().map(Stats.Stage::name).toList();
    }
  }

  /**
   * Checks the printed tables and the JSON of {@code runs} runs: each run's table has every one of
   * {@code stages} (and the write stage) in that order with positive items, and the JSON the same
   * figures.
   */
  private static void checkRuns(String out, Path json, List<String> stages, int runs) throws IOException {
    List<String> expected = new ArrayList<>(stages);
    expected.add("write");
    String[] parts = out.split("(?m)^(?=run \\d+ of )");
    assertThat(parts).as(out).hasSize(runs + 1);
    assertThat(parts[0]).contains("sources: [").contains("2 threads");

    JsonNode doc = new ObjectMapper().readTree(json.toFile());
    assertThat(doc.get("command").asText()).isEqualTo("bench pipeline");
    assertThat(doc.get("threads").asInt()).isEqualTo(2);
    assertThat(doc.get("runs")).hasSize(runs);

    for (int i = 1; i <= runs; i++) {
      String table = parts[i];
      Matcher run = find(RUN, table);
      assertThat(run.group(1)).isEqualTo(String.valueOf(i));
      assertThat(run.group(2)).isEqualTo(String.valueOf(runs));
      assertThat(Double.parseDouble(run.group(3))).isPositive();
      assertThat(run.group(5)).isEqualTo("5");
      assertThat(run.group(6)).isEqualTo("5");

      List<String> names = new ArrayList<>();
      double shares = 0;
      Matcher row = ROW.matcher(table);
      while (row.find()) {
        String name = row.group(1);
        names.add(name);
        shares += Double.parseDouble(row.group(9));
        if (name.equals("(outside stages)")) {
          continue;
        }
        assertThat(number(row.group(5))).as("items of %s in%n%s", name, table).isPositive();
        assertThat(number(row.group(7))).as("items/s of %s", name).isPositive();
        if (name.startsWith("load-")) {
          assertThat(row.group(6)).isEqualTo("loads");
          assertThat(row.group(8)).isEqualTo("-");
        } else {
          assertThat(number(row.group(8))).as("articles/s of %s", name).isPositive();
        }
        if (name.equals("stories")) {
          assertThat(row.group(6)).isEqualTo("stories");
        }
        if (List.of("group", "annotate", "link").contains(name)) {
          assertThat(row.group(6)).isEqualTo("articles");
          assertThat(number(row.group(5))).isEqualTo(5);
        }
      }
      List<String> withOutside = new ArrayList<>(expected);
      withOutside.add("(outside stages)");
      assertThat(names).as(table).isEqualTo(withOutside);
      assertThat(shares).isCloseTo(100, within(0.1 * names.size()));

      Matcher end = find(END, table);
      assertThat(number(end.group(1))).isPositive();
      assertThat(number(end.group(5))).isPositive();
      Matcher warm = find(WARM, table);
      assertThat(number(warm.group(2))).isPositive().isLessThanOrEqualTo(number(end.group(1)));
      assertThat(number(warm.group(3))).isGreaterThanOrEqualTo(number(end.group(5)));
      Matcher result = find(RESULT, table);
      assertThat(result.group(1)).isEqualTo("5");
      assertThat(number(result.group(4))).isPositive();

      JsonNode jr = doc.get("runs").get(i - 1);
      assertThat(jr.get("run").asInt()).isEqualTo(i);
      assertThat(jr.get("articles").asInt()).isEqualTo(5);
      assertThat(jr.get("inputs").asInt()).isEqualTo(5);
      List<String> jsonNames = new ArrayList<>();
      double loads = 0;
      for (JsonNode s : jr.get("stages")) {
        String name = s.get("stage").asText();
        jsonNames.add(name);
        double wall = s.get("wallSeconds").asDouble();
        long items = s.get("items").asLong();
        assertThat(wall).as(name).isNotNegative();
        assertThat(items).as(name).isPositive();
        if (wall == 0) {
          continue; // a load of what is loaded already, too quick for the clock
        }
        assertThat(s.get("itemsPerSecond").asDouble()).as(name).isCloseTo(items / wall, within(1e-9 * items / wall));
        assertThat(s.get("cpuPerWall").asDouble())
            .as(name)
            .isCloseTo(s.get("cpuSeconds").asDouble() / wall, within(1e-9 + 1e-9 * s.get("cpuPerWall").asDouble()));
        if (name.startsWith("load-")) {
          loads += wall;
          assertThat(s.get("articlesPerSecond").isNull()).as(name).isTrue();
        } else {
          assertThat(s.get("articlesPerSecond").asDouble()).as(name).isCloseTo(5 / wall, within(1e-9 * 5 / wall));
        }
      }
      assertThat(jsonNames).isEqualTo(expected);
      JsonNode e2e = jr.get("endToEnd");
      double wall = e2e.get("wallSeconds").asDouble();
      assertThat(e2e.get("articlesPerSecond").asDouble()).isCloseTo(5 / wall, within(1e-9 * 5 / wall));
      assertThat(e2e.get("loadSeconds").asDouble()).isCloseTo(loads, within(1e-9));
      double warmWall = e2e.get("wallSecondsWithoutLoad").asDouble();
      assertThat(warmWall).isCloseTo(wall - loads, within(1e-9));
      assertThat(e2e.get("articlesPerSecondWithoutLoad").asDouble()).isCloseTo(5 / warmWall, within(1e-9 * 5 / warmWall));
      assertThat(jr.get("peakHeapBytes").asLong()).isPositive();
      assertThat(jr.get("jvmUptimeSecondsAtStart").asDouble()).isPositive();
    }
  }

  private static Matcher find(Pattern p, String out) {
    Matcher m = p.matcher(out);
    assertThat(m.find()).as("%s in:%n%s", p, out).isTrue();
    return m;
  }

  private static double number(String s) {
    return Double.parseDouble(s.replace(",", ""));
  }
}
