package org.triangulate.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.triangulate.pipeline.Pipeline;
import org.triangulate.pipeline.Stats;
import org.triangulate.report.JsonReportWriter;
import org.triangulate.report.Report;
import org.triangulate.store.CorpusStore;
import org.triangulate.store.PostgresStore;
import org.triangulate.web.HtmlReportWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code triangulate spark}: the pipeline as a Spark job. Run in process ({@code ./triangulate
 * spark PATH... --out DIR}, Spark in local mode) or on a cluster ({@code spark-submit --class
 * org.triangulate.spark.SparkMain}); see the README.
 */
@Command(
    name = "triangulate spark",
    description = {
      "Runs the pipeline as an Apache Spark job. Writes Parquet tables (articles,",
      "stories, links, derivations, claims, entities, problems) into DIR, and",
      "report.json and report.html when there are at most --report-up-to articles.",
      "",
      "PATHs are what analyze reads (files, folders, globs: text, HTML, JSONL,",
      "WARC, also gzipped), Parquet files (*.parquet, the JSONL fields as columns),",
      "or URIs of any Hadoop file system (hdfs://, s3a://, file://).",
      "",
      "Exit codes: 0 ok, 1 failure, 2 usage error, 3 finished but some inputs were",
      "rejected (each is listed in the problems table and in report.json)."
    },
    sortOptions = false)
public final class SparkMain implements Callable<Integer> {

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, folders, globs or URIs to read.")
  List<String> paths = new ArrayList<>();

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      required = true,
      description = "Output folder (local path or Hadoop URI) for the tables and reports.")
  String out;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "Spark master when run in process (default: local[N], N the cores); ignored under"
              + " spark-submit, which sets its own.")
  String master;

  @Option(
      names = "--partitions",
      paramLabel = "N",
      description = "Tasks per step (default: the job's default parallelism).")
  Integer partitions;

  @Option(names = "--no-annotate", description = "Skip the NLP reading (and so linking and reconciliation).")
  boolean noAnnotate;

  @Option(
      names = "--max-bytes",
      paramLabel = "N",
      description = "Largest document to read, in bytes (default: ${DEFAULT-VALUE}).")
  long maxBytes = 64L << 20;

  @Option(
      names = "--report-up-to",
      paramLabel = "N",
      description = "Write report.json and report.html when there are at most N articles (default: ${DEFAULT-VALUE}).")
  int reportUpTo = 10_000;

  @Option(
      names = "--split-stories-over",
      paramLabel = "N",
      description =
          "Align the article pairs of a story of more than N articles in several tasks (default: ${DEFAULT-VALUE}).")
  int splitOver = SparkAnalysis.SPLIT_OVER;

  @Option(
      names = "--pairs-per-task",
      paramLabel = "N",
      description = "Article pairs of such a story per task (default: ${DEFAULT-VALUE}).")
  int pairsPerTask = SparkAnalysis.PAIRS_PER_TASK;

  @Option(
      names = "--db",
      paramLabel = "URL",
      description =
          "Also write the result into this PostgreSQL corpus (jdbc:postgresql://HOST[:PORT]/DB?user=NAME;"
              + " the password from PGPASSWORD), replacing what it held: `triangulate serve --db URL`"
              + " then serves it.")
  String db;

  @Override
  public Integer call() throws IOException {
    SparkSession.Builder b = SparkSession.builder().appName("triangulate");
    if (System.getProperty("spark.master") == null) {
      String m = master != null ? master : "local[" + Runtime.getRuntime().availableProcessors() + "]";
      b = b.master(m);
      if (m.startsWith("local")) {
        // In process: no need to resolve this machine's name (some sandboxes cannot).
        b = b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
      }
    }
    SparkSession spark =
        b.config("spark.ui.enabled", "false").config("spark.sql.session.timeZone", "UTC").getOrCreate();
    try {
      int parts = partitions != null ? partitions : spark.sparkContext().defaultParallelism();
      SparkAnalysis.Options o =
          new SparkAnalysis.Options(
              paths,
              parts,
              !noAnnotate,
              maxBytes,
              Pipeline.Options.ARTICLE_BUDGET,
              Pipeline.Options.STORY_BUDGET,
              splitOver,
              pairsPerTask);
      Stats stats = new Stats();
      Report r = SparkAnalysis.run(spark, o, stats);
      try (Stats.Timer t = stats.time("tables", r.articles().size())) {
        ParquetTables.write(spark, r, out, parts);
      }
      boolean local = !out.contains("://") || out.startsWith("file:");
      if (r.articles().size() <= reportUpTo && local) {
        Path dir = Path.of(out.startsWith("file:") ? java.net.URI.create(out).getPath() : out);
        writeAtomically(dir, "report.json", os -> new JsonReportWriter().write(r, os));
        writeAtomically(dir, "report.html", os -> new HtmlReportWriter().write(r, os));
      }
      if (db != null) {
        try (Stats.Timer t = stats.time("corpus", r.articles().size());
            CorpusStore store = PostgresStore.open(db)) {
          store.save(r);
        }
      }
      System.out.printf(
          "%d articles in %d stories, %d problems; tables in %s%n",
          r.articles().size(), r.stories().size(), r.problems().size(), out);
      // Read back: what the tables hold, as a reader of them will find it.
      StringBuilder rows = new StringBuilder("rows:");
      for (String t : ParquetTables.TABLES) {
        rows.append(' ').append(t).append(' ').append(spark.read().parquet(out + "/" + t).count());
      }
      System.out.println(rows);
      for (Stats.Stage st : stats.stages()) {
        System.out.printf(
            java.util.Locale.ROOT, "step %-12s %8.2f s wall %8.2f s CPU %8d items%n",
            st.name(), st.wallSeconds(), st.cpuSeconds(), st.items());
      }
      return r.rejected() > 0 ? 3 : 0;
    } finally {
      spark.stop();
    }
  }

  interface Writing {
    void write(OutputStream os) throws IOException;
  }

  private static void writeAtomically(Path dir, String name, Writing w) throws IOException {
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + name, ".tmp");
    try {
      try (OutputStream os = Files.newOutputStream(tmp)) {
        w.write(os);
      }
      Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new SparkMain()).execute(args));
  }
}
