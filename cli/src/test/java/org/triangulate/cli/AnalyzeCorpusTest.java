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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.triangulate.store.CorpusStore;

/**
 * {@code analyze} over a corpus folder that already holds a corpus: it makes the corpus hold
 * exactly the inputs given, reuses every reading, vector and story result that cannot have changed,
 * and writes the same bytes as an analysis into an empty folder.
 */
class AnalyzeCorpusTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void aRerunCostsWhatChangedAndGivesTheSameReportAsAFreshRun() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("in"));
    for (Path p : Fixtures.hamaFiles()) {
      Files.copy(p, in.resolve(p.getFileName()));
    }
    Path out = tmp.resolve("out");
    JsonNode first = run(in, out, "first");
    assertThat(counter(first, "annotate.read")).isEqualTo(5);
    assertThat(counter(first, "embed.embedded")).isPositive();
    byte[] report = Files.readAllBytes(out.resolve("report.json"));

    // The same inputs again: nothing is read, embedded or aligned again; the same bytes.
    JsonNode again = run(in, out, "again");
    assertThat(counter(again, "annotate.read")).isZero();
    assertThat(counter(again, "annotate.kept")).isEqualTo(5);
    assertThat(counter(again, "stories.kept")).isEqualTo(1);
    assertThat(counter(again, "embed.embedded")).isZero();
    assertThat(stages(again))
        .as("nothing to read, so no models are loaded")
        .doesNotContain("load-models");
    assertThat(stages(first)).contains("load-models");
    assertThat(Files.readAllBytes(out.resolve("report.json"))).isEqualTo(report);

    // One file edited: only it is read again, only its new sentences are embedded, and the
    // report is byte for byte that of a fresh analysis of the edited inputs.
    Path edited = Fixtures.hamaFiles().get(2);
    String text = Files.readString(edited, StandardCharsets.UTF_8);
    Files.writeString(
        in.resolve(edited.getFileName()),
        text + "\n\nThe opposition said on Friday that it had taken 12 villages north of Hama.\n",
        StandardCharsets.UTF_8);
    JsonNode edit = run(in, out, "edit");
    assertThat(counter(edit, "annotate.read")).isEqualTo(1);
    assertThat(counter(edit, "annotate.kept")).isEqualTo(4);
    assertThat(counter(edit, "embed.embedded"))
        .as("only the new sentence and its neighbours in the edited article")
        .isPositive()
        .isLessThan(counter(first, "embed.embedded") / 4);
    Path fresh = tmp.resolve("fresh");
    assertThat(Cli.run("analyze", in.toString(), "--out", fresh.toString()).exitCode()).isZero();
    assertThat(Files.readAllBytes(out.resolve("report.json")))
        .isEqualTo(Files.readAllBytes(fresh.resolve("report.json")));
    assertThat(Files.readAllBytes(out.resolve("report.html")))
        .isEqualTo(Files.readAllBytes(fresh.resolve("report.html")));

    // One file removed: the corpus holds exactly the other four.
    Files.delete(in.resolve(Fixtures.hamaFiles().get(4).getFileName()));
    run(in, out, "removed");
    try (CorpusStore store = CorpusStore.openFolder(out)) {
      assertThat(store.integrityCheck()).isEmpty();
      assertThat(store.load().articles()).hasSize(4);
      assertThat(store.inputHashes()).hasSize(4);
    }
  }

  /** Runs analyze of {@code in} into {@code out}; returns its stats. */
  private JsonNode run(Path in, Path out, String name) throws IOException {
    Path stats = tmp.resolve(name + "-stats.json");
    Cli r = Cli.run("analyze", in.toString(), "--out", out.toString(), "--stats", stats.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    return JSON.readTree(stats.toFile());
  }

  private static List<String> stages(JsonNode stats) {
    List<String> names = new ArrayList<>();
    stats.path("stages").forEach(s -> names.add(s.path("stage").asText()));
    return names;
  }

  private static long counter(JsonNode stats, String name) {
    return stats.path("counters").path(name).asLong(0);
  }
}
