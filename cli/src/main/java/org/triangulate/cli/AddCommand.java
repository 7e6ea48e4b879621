package org.triangulate.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.triangulate.group.GroupOptions;
import org.triangulate.group.IncrementalGrouper;
import org.triangulate.ingest.Corpus;
import org.triangulate.model.Article;
import org.triangulate.model.Problem;
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
      "Reads more articles into the report in DIR (written by analyze) without regrouping what is",
      "there: new articles join its stories or open new ones. Articles already in the report keep",
      "their ids; a new article whose id is taken gets ~2, ~3, ...",
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
    Report before;
    try (InputStream in = Files.newInputStream(options.reportFile())) {
      before = new JsonReportReader().read(in);
    } catch (NoSuchFileException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "there is no report at " + options.reportFile() + " to add to; run 'triangulate analyze' first");
    } catch (IOException e) {
      throw new IOException("cannot read " + options.reportFile() + ": " + e.getMessage(), e);
    }
    Runs.Read read = Runs.read(paths, options, spec.commandLine().getErr());
    Set<String> taken = new HashSet<>();
    before.articles().forEach(a -> taken.add(a.id()));
    List<Article> added = Corpus.uniqueIds(taken, read.result().articles());

    IncrementalGrouper grouper =
        IncrementalGrouper.of(
            GroupOptions.defaults().withThreads(options.threads()), before.stories(), before.articles());
    grouper.add(added);

    List<Article> articles = new ArrayList<>(before.articles());
    articles.addAll(added);
    articles.sort(java.util.Comparator.comparing(Article::id));
    // Entities are linked across the whole corpus, so every article is annotated again.
    List<Problem> problems = new ArrayList<>();
    before.problems().stream().filter(p -> !p.stage().equals("annotate")).forEach(problems::add);
    problems.addAll(read.problems());
    Report report =
        Runs.report(before.inputs() + read.inputs(), articles, grouper.stories(), problems, options);
    return Runs.finish(
        report, Runs.write(report, options.out), spec.commandLine().getOut(), spec.commandLine().getErr());
  }
}
