package org.triangulate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.triangulate.report.JsonReportWriter;
import org.triangulate.report.Report;
import org.triangulate.store.CorpusStore;

/**
 * Kills a real {@code triangulate add} process (another JVM, SIGKILL) at seeded random moments of
 * its run, then checks the corpus it leaves: it opens, passes its integrity check, and holds either
 * the state before the add or the whole state after it (nothing half-written, no article lost or
 * twice); running the same add again then gives exactly the corpus of an uninterrupted run. The
 * annotate stage is off (the commit path is the same with it, and each trial is a few seconds).
 *
 * <p>{@code -Dtriangulate.crash.trials=N} (default 20) and {@code -Dtriangulate.crash.seed=S}.
 */
class AddCrashTest {

  @TempDir Path tmp;

  @Test
  void aKilledAddLeavesTheCorpusBeforeOrAfterAndTheNextRunFinishesIt() throws Exception {
    int trials = Integer.getInteger("triangulate.crash.trials", 20);
    long seed = Long.getLong("triangulate.crash.seed", 20261207L);
    List<Path> hama = Fixtures.hamaFiles();
    Path base = tmp.resolve("base");
    Cli first = Cli.run(
        "analyze", hama.get(0).toString(), hama.get(1).toString(), "--out", base.toString(),
        "--no-annotate");
    assertThat(first.exitCode()).as(first.err()).isZero();
    List<String> batch = new ArrayList<>();
    for (Path p : hama.subList(2, hama.size())) {
      batch.add(p.toString());
    }
    String before = state(base);

    // The uninterrupted run, timed in its own process.
    Path reference = copy(base, tmp.resolve("reference"));
    long started = System.nanoTime();
    Process whole = add(reference, batch);
    assertThat(whole.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(whole.exitValue()).as(output(whole)).isZero();
    long wall = (System.nanoTime() - started) / 1_000_000;
    String after = state(reference);
    assertThat(after).isNotEqualTo(before);

    Random random = new Random(seed);
    int killedBefore = 0;
    int killedAfter = 0;
    for (int t = 0; t < trials; t++) {
      Path dir = copy(base, tmp.resolve("trial-" + t));
      Process p = add(dir, batch);
      // Half the kills anywhere in the run, half in its last third, where it writes.
      double from = t % 2 == 0 ? 0.05 : 0.67;
      long at = (long) (wall * (from + random.nextDouble() * (1.08 - from)));
      boolean ended = p.waitFor(at, TimeUnit.MILLISECONDS);
      if (!ended) {
        p.destroyForcibly().waitFor();
      }
      String left = state(dir);
      assertThat(left)
          .as("trial %d, killed after %d ms of a %d ms run: the corpus before or after the add", t, at, wall)
          .isIn(before, after);
      if (left.equals(before)) {
        killedBefore++;
      } else {
        killedAfter++;
      }
      // The next run finishes the job: the corpus of the uninterrupted run.
      Process again = add(dir, batch);
      assertThat(again.waitFor(5, TimeUnit.MINUTES)).isTrue();
      assertThat(again.exitValue()).as(output(again)).isZero();
      assertThat(state(dir)).as("trial %d after the next run", t).isEqualTo(after);
      assertThat(Files.readString(dir.resolve("report.json")))
          .isEqualTo(Files.readString(reference.resolve("report.json")));
    }
    System.out.printf(
        "AddCrashTest: %d trials over a %d ms add: %d left the corpus before it, %d after it%n",
        trials, wall, killedBefore, killedAfter);
    assertThat(killedBefore).as("some kills land before the commit").isPositive();
    assertThat(killedAfter).as("some kills land after it").isPositive();
  }

  /** Starts {@code triangulate add BATCH --out DIR --no-annotate} in another JVM. */
  private static Process add(Path dir, List<String> batch) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "add"));
    command.addAll(batch);
    command.addAll(List.of("--out", dir.toString(), "--no-annotate", "--threads", "1", "--progress", "none"));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  private static String output(Process p) throws IOException {
    return new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The corpus of {@code dir} as report.json would write it, after its integrity check. */
  private static String state(Path dir) throws IOException {
    try (CorpusStore store = CorpusStore.openFolder(dir)) {
      assertThat(store.integrityCheck()).as("integrity of " + dir).isEmpty();
      Report r = store.load();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      new JsonReportWriter().write(r, out);
      return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private static Path copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
    return to;
  }
}
