package org.triangulate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.triangulate.align.lsh.CopyCandidates;
import org.triangulate.ingest.IngestOptions;
import org.triangulate.model.Article;

/**
 * {@code triangulate bench candidates} on the Hama reports, plus a truncated copy of one so that
 * there is a pair to find: the figures parse and are positive, the pairs are those of {@link
 * CopyCandidates#find} on the same texts, and {@code --export-texts} writes those texts. No timing
 * is checked.
 */
class CandidatesBenchTest {

  private static final Pattern INPUT =
      Pattern.compile("input: (\\d+) documents, ([\\d.]+) MB of text \\(UTF-8\\), from \\[");
  private static final Pattern PASSES =
      Pattern.compile("passes: (\\d+) timed after (\\d+) warm-up: ([\\d.]+) s per pass \\(median; best ([\\d.]+), mean ([\\d.]+)\\)");
  private static final Pattern RESULT = Pattern.compile("result: (\\d+) candidate pairs");
  private static final Pattern RATE =
      Pattern.compile("rate: ([\\d,]+) documents/s, ([\\d,.]+) MB/s \\(median pass, (\\d+) threads?\\)");
  private static final Pattern CPU =
      Pattern.compile("cpu: ([\\d.]+) s per pass \\(median, the \\d+ threads?\\): ([\\d,]+) documents, ([\\d,.]+) MB per CPU second");
  private static final Pattern MEMORY = Pattern.compile("memory: peak heap ([\\d,]+) MB");

  @TempDir Path dir;

  @Test
  void timesTheStageAndExportsTheTextsItTimed() throws IOException {
    Path copies = Files.createDirectories(dir.resolve("copies"));
    String hama = Fixtures.hama("002");
    Files.writeString(copies.resolve("002_copy.txt"), hama.substring(hama.indexOf('\n') + 1), StandardCharsets.UTF_8);
    Path export = dir.resolve("out/texts.jsonl");

    Cli r = Cli.run(
        "bench", "candidates", "--source", Fixtures.HAMA.toString(), copies.toString(),
        "--warmup", "1", "--warmup-seconds", "0", "--repeat", "3", "--min-seconds", "0",
        "--parts", "--export-texts", export.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();

    // the texts exported are the ingester's, one JSON object per line, in its order
    List<Article> read = BenchCommand.read(
        List.of(Fixtures.HAMA.toString(), copies.toString()), Components.ingester(IngestOptions.DEFAULT_MAX_BYTES), 1);
    List<String> lines = Files.readAllLines(export, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(6).hasSize(read.size());
    ObjectMapper json = new ObjectMapper();
    List<String> ids = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    long bytes = 0;
    for (int i = 0; i < lines.size(); i++) {
      JsonNode n = json.readTree(lines.get(i));
      assertThat(n.size()).isEqualTo(2);
      assertThat(n.get("id").asText()).isEqualTo(read.get(i).id());
      assertThat(n.get("text").asText()).isEqualTo(read.get(i).text());
      ids.add(n.get("id").asText());
      texts.add(n.get("text").asText());
      bytes += n.get("text").asText().getBytes(StandardCharsets.UTF_8).length;
    }

    String out = r.out();
    Matcher input = find(INPUT, out);
    assertThat(Integer.parseInt(input.group(1))).isEqualTo(6);
    assertThat(input.group(2)).isEqualTo(String.format(Locale.ROOT, "%.3f", bytes / 1e6));
    Matcher passes = find(PASSES, out);
    assertThat(Integer.parseInt(passes.group(1))).isGreaterThanOrEqualTo(3);
    assertThat(Integer.parseInt(passes.group(2))).isGreaterThanOrEqualTo(1);
    for (int g = 3; g <= 5; g++) {
      assertThat(Double.parseDouble(passes.group(g))).isPositive();
    }
    Matcher rate = find(RATE, out);
    assertThat(number(rate.group(1))).isPositive();
    assertThat(number(rate.group(2))).isPositive();
    assertThat(rate.group(3)).isEqualTo("1");
    Matcher cpu = find(CPU, out);
    assertThat(Double.parseDouble(cpu.group(1))).isPositive();
    assertThat(number(cpu.group(2))).isPositive();
    assertThat(number(cpu.group(3))).isPositive();
    assertThat(number(find(MEMORY, out).group(1))).isPositive();
    assertThat(out).containsPattern("parts \\(median pass, one thread\\): shingling [\\d.]+ s");

    List<CopyCandidates.Pair> expected = CopyCandidates.find(ids, texts, CopyCandidates.Params.DEFAULT);
    assertThat(expected).extracting(CopyCandidates.Pair::b).contains("002_copy");
    assertThat(Integer.parseInt(find(RESULT, out).group(1))).isEqualTo(expected.size());
  }

  @Test
  void runsThePassOnEveryThread() {
    Cli r = Cli.run(
        "bench", "candidates", "--source", Fixtures.HAMA.toString(), "--threads", "2",
        "--warmup", "0", "--warmup-seconds", "0", "--repeat", "1", "--min-seconds", "0");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(find(RATE, r.out()).group(3)).isEqualTo("2");
    assertThat(find(PASSES, r.out()).group(2)).isEqualTo("0");
  }

  @Test
  void refusesNoThreads() {
    Cli r = Cli.run("bench", "candidates", "--source", Fixtures.HAMA.toString(), "--threads", "0");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--threads");
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
