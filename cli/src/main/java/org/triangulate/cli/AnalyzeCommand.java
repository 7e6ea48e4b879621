package org.triangulate.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.triangulate.ingest.Corpus;
import org.triangulate.ingest.IngestResult;
import org.triangulate.ingest.Ingester;
import org.triangulate.ingest.Inputs;
import org.triangulate.model.Problem;
import org.triangulate.report.JsonReportWriter;
import org.triangulate.report.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code triangulate analyze PATH... [--out DIR]}: the main job. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = {
      "Reads news articles and writes DIR/report.json.",
      "",
      "PATHs are files, folders (read recursively) or globs such as 'news/**/*.html'.",
      "Formats: plain text (.txt), HTML (.html, .htm), JSONL (.jsonl, one article per line),",
      "WARC (.warc, .warc.gz); also gzip-compressed. Other names are told by their content.",
      "",
      "Exit codes: 0 ok, 1 failure, 2 usage error, 3 finished but some inputs were rejected",
      "(each is listed under \"problems\" in the report)."
    },
    sortOptions = false)
final class AnalyzeCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, folders or globs to read.")
  List<String> paths = new ArrayList<>();

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      defaultValue = "triangulate-out",
      description = "Where to write report.json (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Threads to read with (default: the number of cores).")
  Integer threads;

  @Option(
      names = "--max-bytes",
      paramLabel = "N",
      defaultValue = "10000000",
      description =
          "Largest file (text, HTML) or record (JSONL line, WARC record) to read, in bytes"
              + " (default: ${DEFAULT-VALUE}).")
  long maxBytes;

  @Option(
      names = "--progress",
      paramLabel = "WHEN",
      defaultValue = "auto",
      description =
          "Progress display: auto (a bar on a terminal when inputs are many, log lines otherwise),"
              + " bar, log or none (default: ${DEFAULT-VALUE}).")
  ProgressDisplay.Mode progress;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    if (maxBytes < 1) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--max-bytes must be >= 1: " + maxBytes);
    }
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (n < 1) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--threads must be >= 1: " + n);
    }
    Path cwd = Path.of("").toAbsolutePath();
    Inputs.Expansion expansion = Inputs.expand(paths, cwd, java.util.Optional.of(out));
    Ingester ingester = Components.ingester(maxBytes);
    IngestResult result;
    try (ProgressDisplay display =
        ProgressDisplay.open(progress, "Reading", expansion.inputs().size(), err)) {
      result = Corpus.ingest(expansion.inputs(), ingester, n, display::update);
    }
    List<Problem> problems = new ArrayList<>(expansion.problems());
    problems.addAll(result.problems());
    problems.sort(null);
    Report report = new Report(expansion.inputs().size(), result.articles(), problems);
    Path file = writeReport(report);
    stdout.printf(
        java.util.Locale.ROOT,
        "Wrote %s: %d article%s from %d input%s, %d problem%s (%d rejected).%n",
        file,
        report.articles().size(),
        report.articles().size() == 1 ? "" : "s",
        report.inputs(),
        report.inputs() == 1 ? "" : "s",
        problems.size(),
        problems.size() == 1 ? "" : "s",
        report.rejected());
    stdout.flush();
    for (Problem p : problems) {
      if (p.rejected()) {
        err.printf("rejected: %s (%s): %s%n", p.source(), p.location(), p.message());
      }
    }
    err.flush();
    return report.rejected() > 0 ? Main.EXIT_REJECTED : 0;
  }

  private Path writeReport(Report report) throws IOException {
    try {
      return write(report);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      throw new IOException(
          "cannot write the report to " + out + ": " + e.getFile() + " is a file, not a folder", e);
    } catch (java.nio.file.AccessDeniedException e) {
      throw new IOException(
          "cannot write the report to " + out + ": permission denied for " + e.getFile(), e);
    } catch (IOException e) {
      throw new IOException("cannot write the report to " + out + ": " + e.getMessage(), e);
    }
  }

  private Path write(Report report) throws IOException {
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
  }
}
