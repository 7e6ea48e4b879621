package org.triangulate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.triangulate.report.ReportJson.asWritten;
import static org.triangulate.report.ReportJson.read;
import static org.triangulate.report.ReportJson.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.triangulate.ingest.Corpus;
import org.triangulate.ingest.IngestOptions;
import org.triangulate.ingest.IngestResult;
import org.triangulate.ingest.Inputs;
import org.triangulate.model.Problem;
import org.triangulate.pipeline.Pipeline;
import org.triangulate.report.JsonReportReader;
import org.triangulate.report.Report;

/**
 * Reports of real runs, with the real NLP components, read back by {@link JsonReportReader}: the
 * report read equals the one the pipeline made (its numbers as the writer rounds them), and writing
 * it gives the bytes of report.json again. On the Hama example, and on the ECB+ development set
 * when {@code ../shared/eval} is beside the project (skipped otherwise). The development set's
 * analysis takes minutes; it runs in-process once and checks both directions.
 */
class ReportRoundTripTest {

  @TempDir Path tmp;

  /** report.json of {@code analyze} on the Hama example reads back and writes the same bytes. */
  @Test
  void theHamaReportJsonReadsBackAndWritesTheSameBytes() throws IOException {
    Path out = tmp.resolve("out");
    Cli r = Cli.run("analyze", Fixtures.HAMA.toString(), "--out", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    byte[] bytes = Files.readAllBytes(out.resolve("report.json"));
    Report report = read(bytes);
    sameBytes(write(report), bytes);

    assertThat(report.articles()).hasSize(5);
    assertThat(report.stories()).hasSize(1);
    String story = report.stories().get(0).id();
    assertThat(report.entities()).isNotEmpty();
    assertThat(report.annotations()).hasSize(5);
    assertThat(report.annotations().values()).allSatisfy(a -> assertThat(a.mentions()).isNotEmpty());
    assertThat(report.provenance()).containsOnlyKeys(story);
    assertThat(report.provenance().get(story).links()).hasSizeGreaterThan(20);
    assertThat(report.provenance().get(story).derivations()).hasSize(10);
    assertThat(report.reconciliation()).containsOnlyKeys(story);
    assertThat(report.reconciliation().get(story).claims()).isNotEmpty();
    assertThat(report.reconciliation().get(story).quoteGroups()).isNotEmpty();
  }

  /** The pipeline's own report of the Hama example, annotated and not, reads back equal. */
  @Test
  void theHamaReportReadsBackEqualWithAndWithoutTheAnnotateStage() throws IOException {
    for (boolean annotate : new boolean[] {true, false}) {
      Report report = analyze(Fixtures.HAMA, annotate);
      Report back = roundTrip(report);
      if (annotate) {
        assertThat(back.reconciliation()).hasSize(1);
        assertThat(back.annotations()).hasSize(5);
      } else {
        assertThat(back.entities()).isEmpty();
        assertThat(back.annotations()).isEmpty();
        assertThat(back.reconciliation()).isEmpty();
        assertThat(back.provenance()).hasSize(1);
      }
    }
  }

  /**
   * {@code add} starts from the report read back: a story the new article does not join keeps its
   * provenance and reconciliation, and the old articles their annotations, as report.json had them.
   */
  @Test
  void addingAnUnrelatedArticleKeepsWhatTheReportSaid() throws IOException {
    Path out = tmp.resolve("out");
    assertThat(Cli.run("analyze", Fixtures.HAMA.toString(), "--out", out.toString()).exitCode()).isZero();
    JsonNode before = new ObjectMapper().readTree(out.resolve("report.json").toFile());
    Path later = Files.createDirectories(tmp.resolve("later"));
    Files.writeString(
        later.resolve("match.txt"),
        "Harbourside United beat Millbrook Rovers 3-1 on Saturday in front of a crowd of 12,000.\n\n"
            + "The home side's captain, Joanna Pike, scored twice in the second half. \"We never gave up,\""
            + " Pike told reporters after the game.\n",
        StandardCharsets.UTF_8);
    Cli add = Cli.run("add", later.toString(), "--out", out.toString());
    assertThat(add.exitCode()).as(add.err()).isZero();
    JsonNode after = new ObjectMapper().readTree(out.resolve("report.json").toFile());
    assertThat(after.get("stories")).hasSize(2);
    JsonNode hama = before.get("stories").get(0);
    assertThat(after.get("stories")).anySatisfy(s -> assertThat(s).isEqualTo(hama));
    for (JsonNode a : before.get("articles")) {
      assertThat(after.get("articles")).anySatisfy(b -> assertThat(b).isEqualTo(a));
    }
    roundTrip(read(Files.readAllBytes(out.resolve("report.json"))));
  }

  /**
   * The ECB+ development set (772 articles, some minutes): the pipeline's report reads back equal
   * and writes the same bytes, which are report.json's.
   */
  @Test
  void theEcbPlusDevelopmentReportReadsBackEqualAndWritesTheSameBytes() throws IOException {
    Assumptions.assumeTrue(EcbPlusDev.available(), EcbPlusDev.missing());
    Report report = EcbPlusDev.get().report();
    assertThat(write(report)).isEqualTo(Files.readAllBytes(EcbPlusDev.get().reportFile()));
    assertThat(report.articles()).hasSize(772);
    Report back = roundTrip(report);
    assertThat(back.annotations()).hasSize(772);
    assertThat(back.reconciliation()).hasSize(back.stories().size());
    assertThat(back.provenance())
        .hasSize((int) back.stories().stream().filter(s -> s.articles().size() > 1).count());
  }

  /** The whole pipeline over the articles under {@code input}, as {@code analyze} runs it. */
  private static Report analyze(Path input, boolean annotate) {
    try (Pipeline pipeline =
        Components.pipeline(
            Math.max(2, Runtime.getRuntime().availableProcessors()), annotate, IngestOptions.DEFAULT_MAX_BYTES)) {
      Inputs.Expansion ex = Inputs.expand(List.of(input.toString()), Path.of(""));
      IngestResult r = pipeline.ingest(ex.inputs(), Corpus.Progress.none());
      List<Problem> problems = new java.util.ArrayList<>(ex.problems());
      problems.addAll(r.problems());
      return pipeline.analyze(ex.inputs().size(), r.articles(), problems);
    }
  }

  /**
   * Writes {@code report}, reads it back and checks that the report read equals it and writes the
   * same bytes; returns the report read.
   */
  private static Report roundTrip(Report made) throws IOException {
    byte[] bytes = write(made);
    Report back = read(bytes);
    Report report = asWritten(made);
    assertThat(back.inputs()).isEqualTo(report.inputs());
    same("articles", back.articles(), report.articles());
    same("entities", back.entities(), report.entities());
    same("stories", back.stories(), report.stories());
    same("problems", back.problems(), report.problems());
    same("annotations", back.annotations(), report.annotations());
    same("provenance", back.provenance(), report.provenance());
    same("reconciliation", back.reconciliation(), report.reconciliation());
    assertThat(back.equals(report)).isTrue();
    sameBytes(write(back), bytes);
    return back;
  }

  /** Equal lists, or a failure that shows the first entry that differs (not the whole list). */
  private static <T> void same(String what, List<T> read, List<T> made) {
    for (int i = 0; i < Math.min(read.size(), made.size()); i++) {
      if (!read.get(i).equals(made.get(i))) {
        fail("%s[%d] differs:%n read %s%n made %s", what, i, read.get(i), made.get(i));
      }
    }
    assertThat(read.size()).as(what).isEqualTo(made.size());
  }

  /** Equal maps, or a failure that shows the first entry that differs. */
  private static <V> void same(String what, Map<String, V> read, Map<String, V> made) {
    assertThat(new java.util.TreeSet<>(read.keySet())).as(what).isEqualTo(new java.util.TreeSet<>(made.keySet()));
    for (Map.Entry<String, V> e : made.entrySet()) {
      if (!e.getValue().equals(read.get(e.getKey()))) {
        fail("%s of %s differs:%n read %s%n made %s", what, e.getKey(), read.get(e.getKey()), e.getValue());
      }
    }
  }

  /** Equal bytes, or a failure that shows where they part. */
  private static void sameBytes(byte[] again, byte[] first) {
    int n = Math.min(again.length, first.length);
    int at = 0;
    while (at < n && again[at] == first[at]) {
      at++;
    }
    if (at < n || again.length != first.length) {
      int from = Math.max(0, at - 200);
      fail(
          "written again, the report differs at byte %d of %d:%n first  ...%s%n again  ...%s",
          at, first.length,
          new String(first, from, Math.min(first.length, at + 200) - from, StandardCharsets.UTF_8),
          new String(again, from, Math.min(again.length, at + 200) - from, StandardCharsets.UTF_8));
    }
  }
}
