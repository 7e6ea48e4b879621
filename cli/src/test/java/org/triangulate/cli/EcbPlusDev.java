package org.triangulate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.triangulate.ingest.Corpus;
import org.triangulate.ingest.IngestOptions;
import org.triangulate.ingest.IngestResult;
import org.triangulate.ingest.Inputs;
import org.triangulate.model.Problem;
import org.triangulate.pipeline.Pipeline;
import org.triangulate.pipeline.Stats;
import org.triangulate.report.Report;

/**
 * The ECB+ development set analysed once per test JVM, as {@code analyze} runs it (the same
 * pipeline calls, report.json and report.html written by {@link Runs#write}): it takes minutes, so
 * the tests that need it share one run. {@code -Dtriangulate.eval=DIR} looks for the development
 * data in DIR instead of {@code ../shared/eval} beside the project.
 */
final class EcbPlusDev {

  static final Path DIR =
      Path.of(System.getProperty("triangulate.eval", "../../shared/eval")).resolve("ecbplus-dev");

  static final Path ARTICLES = DIR.resolve("articles.jsonl");

  /** The report, what the run cost, and the written report.json. */
  record Run(Report report, Stats stats, Path reportFile) {}

  private static Run run;

  private EcbPlusDev() {}

  static boolean available() {
    return Files.exists(ARTICLES);
  }

  /** Why a test that needs the development data skips. */
  static String missing() {
    return "needs the ECB+ development set at " + ARTICLES.toAbsolutePath().normalize()
        + " (../shared/eval beside the project); not found";
  }

  static synchronized Run get() throws IOException {
    if (run == null) {
      Path out = Files.createTempDirectory("triangulate-ecbplus");
      out.toFile().deleteOnExit();
      try (Pipeline pipeline = Components.pipeline(2, true, IngestOptions.DEFAULT_MAX_BYTES)) {
        Inputs.Expansion ex = Inputs.expand(List.of(ARTICLES.toString()), Path.of(""));
        IngestResult r = pipeline.ingest(ex.inputs(), Corpus.Progress.none());
        List<Problem> problems = new ArrayList<>(ex.problems());
        problems.addAll(r.problems());
        Report report = pipeline.analyze(ex.inputs().size(), r.articles(), problems);
        Path file = Runs.write(report, out);
        file.toFile().deleteOnExit();
        out.resolve("report.html").toFile().deleteOnExit();
        run = new Run(report, pipeline.stats(), file);
      }
    }
    return run;
  }
}
