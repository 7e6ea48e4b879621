package org.triangulate.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.triangulate.ingest.IngestResult;
import org.triangulate.ingest.Inputs;
import org.triangulate.model.Problem;
import org.triangulate.pipeline.Pipeline;
import org.triangulate.report.JsonReportWriter;
import org.triangulate.report.Report;

/** What {@code analyze} and {@code add} share around the pipeline: reading paths, writing, printing. */
final class Runs {

  /** What reading the inputs gave: how many files, their articles, and every problem so far. */
  record Read(int inputs, IngestResult result, List<Problem> problems) {}

  private Runs() {}

  /** The pipeline with the options of the command line. */
  static Pipeline pipeline(RunOptions options) {
    return Components.pipeline(options.pipelineOptions(), options.maxBytes());
  }

  /** Expands the paths (skipping the output folder) and runs the ingest stage on them. */
  static Read read(Pipeline pipeline, List<String> paths, RunOptions options, PrintWriter err) {
    Path cwd = Path.of("").toAbsolutePath();
    Inputs.Expansion expansion = Inputs.expand(paths, cwd, Optional.of(options.out));
    IngestResult result;
    try (ProgressDisplay display =
        ProgressDisplay.open(options.progress, "Reading", expansion.inputs().size(), err)) {
      result = pipeline.ingest(expansion.inputs(), display::update);
    }
    List<Problem> problems = new ArrayList<>(expansion.problems());
    problems.addAll(result.problems());
    return new Read(expansion.inputs().size(), result, problems);
  }

  /** Writes the run's stats when {@code --stats} asked for them. */
  static void stats(Pipeline pipeline, RunOptions options) throws IOException {
    if (options.stats == null) {
      return;
    }
    Path parent = options.stats.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream os = Files.newOutputStream(options.stats)) {
      pipeline.stats().write(os);
    } catch (IOException e) {
      throw new IOException("cannot write the stats to " + options.stats + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes {@code report.json} and {@code report.html} (the same report as one self-contained page,
   * see {@link org.triangulate.web.HtmlReportWriter}) into {@code out}, each atomically, with an error that says what
   * went wrong; returns the path of {@code report.json}.
   */
  static Path write(Report report, Path out) throws IOException {
    try {
      Files.createDirectories(out);
      Path target = out.resolve("report.json");
      Path tmp = Files.createTempFile(out, ".report", ".json.tmp");
      try (OutputStream os = Files.newOutputStream(tmp)) {
        new JsonReportWriter().write(report, os);
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(tmp);
        throw e;
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      Path html = out.resolve("report.html");
      Path htmlTmp = Files.createTempFile(out, ".report", ".html.tmp");
      try (OutputStream os = Files.newOutputStream(htmlTmp)) {
        new org.triangulate.web.HtmlReportWriter().write(report, os);
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(htmlTmp);
        throw e;
      }
      Files.move(htmlTmp, html, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return target;
    } catch (FileAlreadyExistsException e) {
      throw new IOException(
          "cannot write the report to " + out + ": " + e.getFile() + " is a file, not a folder", e);
    } catch (AccessDeniedException e) {
      throw new IOException(
          "cannot write the report to " + out + ": permission denied for " + e.getFile(), e);
    } catch (IOException e) {
      throw new IOException("cannot write the report to " + out + ": " + e.getMessage(), e);
    }
  }

  /** Prints the summary line and the rejected inputs; returns the exit code. */
  static int finish(Report report, Path file, PrintWriter out, PrintWriter err) {
    out.printf(
        Locale.ROOT,
        "Wrote %s: %d article%s in %d stor%s from %d input%s, %d problem%s (%d rejected).%n",
        Printable.of(file),
        report.articles().size(),
        report.articles().size() == 1 ? "" : "s",
        report.stories().size(),
        report.stories().size() == 1 ? "y" : "ies",
        report.inputs(),
        report.inputs() == 1 ? "" : "s",
        report.problems().size(),
        report.problems().size() == 1 ? "" : "s",
        report.rejected());
    out.flush();
    for (Problem p : report.problems()) {
      if (p.rejected()) {
        err.printf(
            "rejected: %s (%s): %s%n",
            Printable.of(p.source()), Printable.of(p.location()), Printable.of(p.message()));
      }
    }
    err.flush();
    return report.rejected() > 0 ? Main.EXIT_REJECTED : 0;
  }
}
