package org.triangulate.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.triangulate.ingest.Inputs;
import org.triangulate.pipeline.Pipeline;
import org.triangulate.pipeline.Stats;
import org.triangulate.report.JsonReportReader;
import org.triangulate.report.Report;
import org.triangulate.store.CorpusStore;
import org.triangulate.store.StoredPipeline;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code triangulate add PATH... [--out DIR]}: adds articles to the corpus in DIR. */
@Command(
    name = "add",
    mixinStandardHelpOptions = true,
    description = {
      "Adds articles to the corpus in DIR/corpus.db (or the database of --db) without regrouping",
      "or re-reading what is there: new articles join its stories or open new ones, only they are",
      "annotated, and only the stories they change are analysed again; then writes",
      "DIR/report.json and DIR/report.html. Articles, entities and stories keep their ids (a",
      "story that absorbs another lists the other's id under aliases); a new article whose id is",
      "taken gets ~2, ~3, ... An input whose content the corpus already holds is skipped, and",
      "said so. A folder with a report.json of an earlier version and no corpus is imported first.",
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
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (CorpusStore store = Runs.store(options);
        Pipeline pipeline = Runs.pipeline(options, store)) {
      StoredPipeline corpus = new StoredPipeline(store, pipeline);
      importReport(store, corpus, out);
      Runs.Found found = Runs.find(paths, options);
      Map<String, List<String>> known = corpus.inputsByHash();
      if (found.inputs().stream().anyMatch(in -> !known.containsKey(found.hashes().get(in.source())))) {
        pipeline.warmUp(); // new articles to read: load the models while the corpus loads
      }
      List<Inputs.Input> fresh = new ArrayList<>();
      Map<String, String> hashes = new TreeMap<>();
      int skipped = 0;
      for (Inputs.Input in : found.inputs()) {
        String sha = found.hashes().get(in.source());
        List<String> as = sha == null ? null : known.get(sha);
        if (as != null) {
          skipped++;
          out.printf(
              Locale.ROOT,
              "Skipped %s: the corpus already holds its content (as %s).%n",
              Printable.of(in.source()),
              Printable.of(String.join(", ", as)));
        } else {
          fresh.add(in);
          if (sha != null) {
            hashes.put(in.source(), sha);
          }
        }
      }
      Report report;
      Pipeline.Changes c;
      if (fresh.isEmpty() && found.problems().isEmpty()) {
        // Nothing new: no commit; the report is written again from the corpus.
        report = corpus.state();
        c = new Pipeline.Changes(List.of(), List.of(), List.of(), Map.of(), report.stories().size(), List.of());
      } else {
        Runs.Read read =
            Runs.read(pipeline, new Runs.Found(fresh, hashes, found.problems()), options, err);
        StoredPipeline.Result r =
            corpus.add(read.inputs(), read.result().articles(), read.problems(), read.hashes());
        report = r.report();
        c = r.changes();
      }
      Path file;
      try (Stats.Timer t = pipeline.stats().time("write", 1)) {
        file = Runs.write(report, options.out);
      }
      Runs.stats(pipeline, options);
      int exit = Runs.finish(report, file, out, err);
      out.printf(
          Locale.ROOT,
          "Added %d article%s: %d new stor%s, %d changed, %d merged, %d unchanged%s.%n",
          c.articles().size(),
          c.articles().size() == 1 ? "" : "s",
          c.newStories().size(),
          c.newStories().size() == 1 ? "y" : "ies",
          c.grownStories().size(),
          c.merged().values().stream().mapToInt(List::size).sum(),
          c.unchanged(),
          skipped == 0
              ? ""
              : String.format(
                  Locale.ROOT,
                  "; %d input%s skipped, already in the corpus",
                  skipped,
                  skipped == 1 ? "" : "s"));
      out.flush();
      return exit;
    }
  }

  /**
   * Imports {@code DIR/report.json} into an empty corpus: a folder written by a version without
   * the store, or whose corpus.db was removed, keeps what it held.
   */
  private void importReport(CorpusStore store, StoredPipeline corpus, PrintWriter out)
      throws IOException {
    Path file = options.reportFile();
    if (store.generation() != 0 || options.store.db != null || !Files.isRegularFile(file)) {
      return;
    }
    Report report;
    try (InputStream in = Files.newInputStream(file)) {
      report = new JsonReportReader().read(in);
    } catch (IOException e) {
      throw new IOException("cannot read " + file + " to import it: " + e.getMessage(), e);
    }
    store.save(report);
    corpus.load();
    out.printf(
        Locale.ROOT,
        "Imported %s into %s: %d article%s in %d stor%s.%n",
        Printable.of(file),
        Printable.of(store.location()),
        report.articles().size(),
        report.articles().size() == 1 ? "" : "s",
        report.stories().size(),
        report.stories().size() == 1 ? "y" : "ies");
  }
}
