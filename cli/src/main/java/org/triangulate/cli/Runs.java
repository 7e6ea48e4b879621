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
import java.util.Map;
import java.util.Optional;
import org.triangulate.ingest.IngestResult;
import org.triangulate.ingest.Inputs;
import org.triangulate.model.Problem;
import org.triangulate.pipeline.Pipeline;
import org.triangulate.report.JsonReportWriter;
import org.triangulate.report.Report;
import org.triangulate.store.CorpusStore;

/** What {@code analyze} and {@code add} share around the pipeline: reading paths, writing, printing. */
final class Runs {

  /**
   * What reading the inputs gave: how many files, their articles, every problem so far, and the
   * SHA-256 of each input's content by source name.
   */
  record Read(int inputs, IngestResult result, List<Problem> problems, Map<String, String> hashes) {}

  /** The inputs to read, each with the SHA-256 of its content, and the problems of finding them. */
  record Found(List<Inputs.Input> inputs, Map<String, String> hashes, List<Problem> problems) {}

  private Runs() {}

  /**
   * The corpus of the command line: the PostgreSQL database of {@code --db}, else {@code
   * DIR/corpus.db}.
   */
  static CorpusStore store(RunOptions options) throws IOException {
    return options.store.open(options.out);
  }

  /** The pipeline with the options of the command line, keeping its records in {@code store}. */
  static Pipeline pipeline(RunOptions options, CorpusStore store) {
    return Components.pipeline(
        options.pipelineOptions(), options.maxBytes(), store.records(), options.outlets());
  }

  /**
   * Expands the paths (skipping the output folder) and hashes each input's content; an input that
   * cannot be read is left to the ingest stage, which names the problem.
   */
  static Found find(List<String> paths, RunOptions options) {
    Path cwd = Path.of("").toAbsolutePath();
    Inputs.Expansion expansion = Inputs.expand(paths, cwd, Optional.of(options.out));
    return new Found(expansion.inputs(), Inputs.sha256(expansion.inputs()), expansion.problems());
  }

  /** Runs the ingest stage on what {@link #find} found. */
  static Read read(Pipeline pipeline, Found found, RunOptions options, PrintWriter err) {
    IngestResult result;
    try (ProgressDisplay display =
        ProgressDisplay.open(options.progress, "Reading", found.inputs().size(), err)) {
      result = pipeline.ingest(found.inputs(), display::update);
    }
    List<Problem> problems = new ArrayList<>(found.problems());
    problems.addAll(result.problems());
    return new Read(found.inputs().size(), result, problems, found.hashes());
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
      // The page on another thread while report.json is written: two files, two cores.
      java.util.concurrent.CompletableFuture<Void> page =
          java.util.concurrent.CompletableFuture.runAsync(
              () -> {
                try {
                  atomically(out, "report.html", os -> new org.triangulate.web.HtmlReportWriter().write(report, os));
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      Path target;
      try {
        target = atomically(out, "report.json", os -> new JsonReportWriter().write(report, os));
      } finally {
        try {
          page.join();
        } catch (java.util.concurrent.CompletionException e) {
          if (e.getCause() instanceof java.io.UncheckedIOException u) {
            throw u.getCause();
          }
          throw e;
        }
      }
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

  private interface Writing {
    void write(OutputStream os) throws IOException;
  }

  /** Writes {@code dir/name} through a temporary file moved into place. */
  private static Path atomically(Path dir, String name, Writing writing) throws IOException {
    Path target = dir.resolve(name);
    Path tmp = Files.createTempFile(dir, ".report", ".tmp");
    try (OutputStream os = Files.newOutputStream(tmp)) {
      writing.write(os);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return target;
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
