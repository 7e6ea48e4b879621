package org.triangulate.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.triangulate.pipeline.Pipeline;
import org.triangulate.pipeline.Stats;
import org.triangulate.store.CorpusStore;
import org.triangulate.store.StoredPipeline;
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
      "article's entities, quotes and speakers, quantities and times, keeps the corpus in",
      "DIR/corpus.db (or the database of --db) and writes DIR/report.json and DIR/report.html.",
      "",
      "The corpus then holds exactly these inputs. What it already held is reused: an article",
      "whose text did not change is not read by the models again, a sentence seen before is not",
      "embedded again, and a story whose articles did not change keeps its results.",
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
    try (CorpusStore store = Runs.store(options);
        Pipeline pipeline = Runs.pipeline(options, store)) {
      if (store.generation() == 0) {
        pipeline.warmUp(); // a new corpus: every article will be read
      }
      Runs.Read read = Runs.read(pipeline, Runs.find(paths, options), options, spec.commandLine().getErr());
      StoredPipeline.Result r =
          new StoredPipeline(store, pipeline)
              .analyze(read.inputs(), read.result().articles(), read.problems(), read.hashes());
      Path file;
      try (Stats.Timer t = pipeline.stats().time("write", 1)) {
        file = Runs.write(r.report(), options.out);
      }
      Runs.stats(pipeline, options);
      return Runs.finish(r.report(), file, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
  }
}
