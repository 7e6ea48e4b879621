package org.triangulate.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.triangulate.pipeline.Pipeline;
import org.triangulate.pipeline.Stats;
import org.triangulate.report.JsonReportReader;
import org.triangulate.report.Report;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code triangulate add PATH... [--out DIR]}: adds articles to an earlier run's stories. */
@Command(
    name = "add",
    mixinStandardHelpOptions = true,
    description = {
      "Reads more articles into the report in DIR (written by analyze) without regrouping or",
      "re-reading what is there: new articles join its stories or open new ones, only they are",
      "annotated, and only the stories they change are analysed again. Articles, entities and",
      "stories keep their ids (a story that absorbs another lists the other's id under aliases);",
      "a new article whose id is taken gets ~2, ~3, ...",
      "",
      "The result can differ slightly from analyzing all the articles at once: see the group",
      "stage's documentation. Exit codes as for analyze."
    },
    sortOptions = false)
final class AddCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, folders or globs to add.")
  List<String> paths = new ArrayList<>();

  @Mixin RunOptions options;

  @Override
  public Integer call() throws IOException {
    try (Pipeline pipeline = Runs.pipeline(options)) {
      Report before;
      try (Stats.Timer t = pipeline.stats().time("read-report", 1);
          InputStream in = Files.newInputStream(options.reportFile())) {
        before = new JsonReportReader().read(in);
        t.items(before.articles().size());
      } catch (NoSuchFileException e) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "there is no report at " + options.reportFile() + " to add to; run 'triangulate analyze' first");
      } catch (IOException e) {
        throw new IOException("cannot read " + options.reportFile() + ": " + e.getMessage(), e);
      }
      Runs.Read read = Runs.read(pipeline, paths, options, spec.commandLine().getErr());
      Pipeline.Update update =
          pipeline.add(before, read.inputs(), read.result().articles(), read.problems());
      Path file;
      try (Stats.Timer t = pipeline.stats().time("write", 1)) {
        file = Runs.write(update.report(), options.out);
      }
      Runs.stats(pipeline, options);
      int exit =
          Runs.finish(update.report(), file, spec.commandLine().getOut(), spec.commandLine().getErr());
      Pipeline.Changes c = update.changes();
      spec.commandLine()
          .getOut()
          .printf(
              java.util.Locale.ROOT,
              "Added %d article%s: %d new stor%s, %d changed, %d merged, %d unchanged.%n",
              c.articles().size(),
              c.articles().size() == 1 ? "" : "s",
              c.newStories().size(),
              c.newStories().size() == 1 ? "y" : "ies",
              c.grownStories().size(),
              c.merged().values().stream().mapToInt(java.util.List::size).sum(),
              c.unchanged());
      spec.commandLine().getOut().flush();
      return exit;
    }
  }
}
