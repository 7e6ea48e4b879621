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
import org.triangulate.annotate.Annotated;
import org.triangulate.annotate.ReferenceDates;
import org.triangulate.ingest.Corpus;
import org.triangulate.ingest.IngestResult;
import org.triangulate.ingest.Inputs;
import org.triangulate.model.Article;
import org.triangulate.model.Problem;
import org.triangulate.model.Story;
import org.triangulate.report.JsonReportWriter;
import org.triangulate.report.Report;

/** The steps {@code analyze} and {@code add} share: reading inputs, writing and summing up. */
final class Runs {

  /** What reading the inputs gave: how many files, their articles, and every problem so far. */
  record Read(int inputs, IngestResult result, List<Problem> problems) {}

  private Runs() {}

  static Read read(List<String> paths, RunOptions options, PrintWriter err) {
    Path cwd = Path.of("").toAbsolutePath();
    Inputs.Expansion expansion = Inputs.expand(paths, cwd, Optional.of(options.out));
    IngestResult result;
    try (ProgressDisplay display =
        ProgressDisplay.open(options.progress, "Reading", expansion.inputs().size(), err)) {
      result =
          Corpus.ingest(
              expansion.inputs(),
              Components.ingester(options.maxBytes()),
              options.threads(),
              display::update);
    }
    List<Problem> problems = new ArrayList<>(expansion.problems());
    problems.addAll(result.problems());
    return new Read(expansion.inputs().size(), result, problems);
  }

  /**
   * Runs the annotate stage over all {@code articles} (unless switched off) and assembles the
   * report; relative times resolve against each article's date, else its story's.
   */
  static Report report(
      int inputs, List<Article> articles, List<Story> stories, List<Problem> problems, RunOptions options) {
    List<Problem> all = new ArrayList<>(problems);
    if (options.noAnnotate) {
      all.sort(null);
      return new Report(inputs, articles, stories, all);
    }
    Annotated annotated =
        Components.annotator()
            .annotate(articles, ReferenceDates.of(articles, stories), options.threads());
    all.addAll(annotated.problems());
    all.sort(null);
    return new Report(inputs, articles, stories, all, annotated.entities(), annotated.byArticle());
  }

  /** Writes the report atomically, with an error that says what went wrong. */
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
        file,
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
        err.printf("rejected: %s (%s): %s%n", p.source(), p.location(), p.message());
      }
    }
    err.flush();
    return report.rejected() > 0 ? Main.EXIT_REJECTED : 0;
  }
}
