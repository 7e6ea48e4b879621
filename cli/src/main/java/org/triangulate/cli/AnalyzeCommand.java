package org.triangulate.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.nio.file.Path;
import org.triangulate.pipeline.Pipeline;
import org.triangulate.pipeline.Stats;
import org.triangulate.report.Report;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code triangulate analyze PATH... [--out DIR]}: the main job. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = {
      "Reads news articles, groups them into stories by the event they report, reads each",
      "article's entities, quotes and speakers, quantities and times, and writes DIR/report.json.",
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

  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, folders or globs to read.")
  List<String> paths = new ArrayList<>();

  @Mixin RunOptions options;

  @Override
  public Integer call() throws IOException {
    try (Pipeline pipeline = Runs.pipeline(options)) {
      Runs.Read read = Runs.read(pipeline, paths, options, spec.commandLine().getErr());
      Report report = pipeline.analyze(read.inputs(), read.result().articles(), read.problems());
      Path file;
      try (Stats.Timer t = pipeline.stats().time("write", 1)) {
        file = Runs.write(report, options.out);
      }
      Runs.stats(pipeline, options);
      return Runs.finish(report, file, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
  }
}
