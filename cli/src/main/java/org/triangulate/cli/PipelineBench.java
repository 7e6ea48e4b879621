package org.triangulate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.triangulate.ingest.Corpus;
import org.triangulate.ingest.IngestOptions;
import org.triangulate.ingest.IngestResult;
import org.triangulate.ingest.Inputs;
import org.triangulate.model.Problem;
import org.triangulate.pipeline.Pipeline;
import org.triangulate.pipeline.Stats;
import org.triangulate.report.JsonReportWriter;
import org.triangulate.report.Report;
import org.triangulate.web.HtmlReportWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The whole pipeline over any input, stage by stage: wall and CPU seconds, how busy the cores
 * were, items and items per second, and end to end with and without loading the models.
 */
@Command(
    name = "pipeline",
    mixinStandardHelpOptions = true,
    description = {
      "Runs what analyze runs on the sources (ingest, group, annotate, link, the per-story",
      "stages, and writing report.json and report.html, here to nowhere) through the pipeline",
      "library, with no corpus store and nothing kept between runs, and prints one table per",
      "run: for each stage in the order it ran, wall and CPU seconds (the whole process's CPU",
      "while the stage ran), CPU/wall (how many cores were busy: 2.00 is two cores all the",
      "time; - for a stage under 0.1 s, as the CPU clock counts in 10 ms steps), items and",
      "items per second (inputs for ingest, articles for the per-article stages, stories for",
      "the stories stage, loads for the load- stages), the corpus's articles per second of the",
      "stage's wall time, and the stage's share of the run's wall time; the row (outside",
      "stages) is the rest of the run. Then end to end: wall seconds and articles per second",
      "with and without the load- stages (models and resources), the JVM's uptime when the run",
      "started, the peak heap during the run, the cores and the load average (/proc/loadavg).",
      "",
      "With --repeat N the pipeline runs N times, each on a fresh pipeline in the same JVM:",
      "the models load once and the code is compiled, so later runs show the warm figures.",
      "CoreNLP also keeps, for the JVM's life, the readings of the lines it read (the most",
      "recent ones): a later run on the same inputs reads only the lines new to it, so its",
      "annotate figure is that of the line cache, not of the models. The pipeline's counters,",
      "printed after each run, say how many lines the models read and how many they reused",
      "(annotate.lines.read and annotate.lines.reused, where the annotator counts them).",
      "",
      "Example: java -jar cli/target/triangulate.jar bench pipeline --source ../shared/eval/ecbplus-dev/articles.jsonl --repeat 2"
    },
    sortOptions = false)
final class PipelineBench implements Callable<Integer> {

  /**
   * The shortest wall time whose CPU/wall the table shows: the process's CPU clock counts in steps
   * of 10 ms on Linux, so a shorter stage's ratio means nothing.
   */
  private static final double SHORTEST_BUSY = 0.1;

  /** The stages whose items are the corpus's articles. */
  private static final List<String> PER_ARTICLE = List.of("group", "read-records", "annotate", "link");

  @Spec CommandLine.Model.CommandSpec spec;

  @Mixin BenchSources source;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "The pipeline's worker threads (default: the number of cores).")
  Integer threads;

  @Option(
      names = "--no-annotate",
      description = "Skip the annotate stage (and so link and reconcile), as analyze --no-annotate does.")
  boolean noAnnotate;

  @Option(
      names = "--repeat",
      paramLabel = "N",
      defaultValue = "1",
      description = "Runs, each on a fresh pipeline in this JVM (default: ${DEFAULT-VALUE}).")
  int repeat;

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description = "Also write the figures of every run to FILE as JSON.")
  Path json;

  /** One stage's figures in a run. */
  private record Row(
      String stage, double wall, double cpu, long items, String unit, long articles, double share) {

    double busy() {
      return wall > 0 ? cpu / wall : 0;
    }

    double rate() {
      return wall > 0 ? items / wall : 0;
    }

    /** The run's articles per second of this stage's wall time; none for the load- stages. */
    OptionalDouble articleRate() {
      return isLoad(stage) || wall <= 0 ? OptionalDouble.empty() : OptionalDouble.of(articles / wall);
    }
  }

  @Override
  public Integer call() throws IOException {
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (n < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be >= 1: " + n);
    }
    if (repeat < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--repeat must be >= 1: " + repeat);
    }
    PrintWriter out = spec.commandLine().getOut();
    int cores = Runtime.getRuntime().availableProcessors();
    out.printf(
        Locale.ROOT,
        "sources: %s; %d cores, %d threads, annotate %s, max heap %,d MB; %d run%s, each on a fresh pipeline%n",
        source.paths, cores, n, noAnnotate ? "off" : "on", Runtime.getRuntime().maxMemory() >> 20,
        repeat, repeat == 1 ? "" : "s");
    out.flush();

    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode doc = mapper.createObjectNode();
    doc.put("command", "bench pipeline");
    ArrayNode src = doc.putArray("sources");
    source.paths.forEach(src::add);
    doc.put("cores", cores);
    doc.put("threads", n);
    doc.put("annotate", !noAnnotate);
    doc.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
    ArrayNode runs = doc.putArray("runs");
    for (int r = 1; r <= repeat; r++) {
      runs.add(run(r, n, cores, out, mapper));
    }
    if (json != null) {
      Path parent = json.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try {
        Files.writeString(json, mapper.writeValueAsString(doc) + "\n", StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IOException("cannot write the figures to " + json + ": " + e.getMessage(), e);
      }
      out.printf(Locale.ROOT, "Wrote %s%n", Printable.of(json));
    }
    out.flush();
    return 0;
  }

  /** One run of the whole pipeline on a fresh {@link Pipeline}: prints its table, returns it as JSON. */
  private ObjectNode run(int number, int n, int cores, PrintWriter out, ObjectMapper mapper) throws IOException {
    System.gc();
    BenchCommand.Group.resetPeaks();
    Optional<double[]> loadBefore = loadAverage();
    double uptime = ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
    long wall0 = System.nanoTime();
    long cpu0 = processCpuNanos();
    Report report;
    int inputs;
    List<Stats.Stage> stages;
    Map<String, Long> counters;
    try (Pipeline pipeline =
        Components.pipeline(new Pipeline.Options(n, !noAnnotate), IngestOptions.DEFAULT_MAX_BYTES)) {
      // What analyze does for a new corpus, where every article is read: models load meanwhile.
      pipeline.warmUp();
      Inputs.Expansion found = Inputs.expand(source.paths, Path.of("").toAbsolutePath());
      inputs = found.inputs().size();
      if (inputs == 0) {
        throw new CommandLine.ParameterException(spec.commandLine(), "no inputs in " + source.paths);
      }
      IngestResult read = pipeline.ingest(found.inputs(), Corpus.Progress.none());
      List<Problem> problems = new ArrayList<>(found.problems());
      problems.addAll(read.problems());
      report = pipeline.analyze(inputs, read.articles(), problems);
      try (Stats.Timer t = pipeline.stats().time("write", 1)) {
        write(report);
      }
      stages = pipeline.stats().stages();
      counters = counters(pipeline.stats(), mapper);
    }
    double wall = (System.nanoTime() - wall0) / 1e9;
    double cpu = (processCpuNanos() - cpu0) / 1e9;
    long peak = BenchCommand.Group.peakHeap();
    Optional<double[]> loadAfter = loadAverage();
    long articles = report.articles().size();

    List<Row> rows = new ArrayList<>();
    double stagedWall = 0;
    double stagedCpu = 0;
    double loadWall = 0;
    for (Stats.Stage s : stages) {
      rows.add(new Row(s.name(), s.wallSeconds(), s.cpuSeconds(), s.items(), unit(s.name()), articles,
          wall > 0 ? s.wallSeconds() / wall : 0));
      stagedWall += s.wallSeconds();
      stagedCpu += s.cpuSeconds();
      if (isLoad(s.name())) {
        loadWall += s.wallSeconds();
      }
    }
    double outsideWall = Math.max(0, wall - stagedWall);
    double outsideCpu = Math.max(0, cpu - stagedCpu);
    double warmWall = wall - loadWall;

    out.printf(
        Locale.ROOT,
        "%nrun %d of %d: JVM uptime at start %.2f s; load average before %s; %d articles from %d input%s%n",
        number, repeat, uptime, loadText(loadBefore), articles, inputs, inputs == 1 ? "" : "s");
    out.printf(
        Locale.ROOT,
        "%-16s %9s %9s %8s %9s %-8s %11s %11s %7s%n",
        "stage", "wall s", "CPU s", "CPU/wall", "items", "unit", "items/s", "articles/s", "share");
    for (Row row : rows) {
      OptionalDouble ar = row.articleRate();
      out.printf(
          Locale.ROOT,
          "%-16s %9.3f %9.3f %8s %,9d %-8s %,11.2f %11s %6.1f%%%n",
          row.stage(), row.wall(), row.cpu(), busyText(row.wall(), row.cpu()), row.items(), row.unit(), row.rate(),
          ar.isPresent() ? String.format(Locale.ROOT, "%,.2f", ar.getAsDouble()) : "-", 100 * row.share());
    }
    out.printf(
        Locale.ROOT,
        "%-16s %9.3f %9.3f %8s %9s %-8s %11s %11s %6.1f%%%n",
        "(outside stages)", outsideWall, outsideCpu, busyText(outsideWall, outsideCpu),
        "-", "", "-", "-", wall > 0 ? 100 * outsideWall / wall : 0);
    out.printf(
        Locale.ROOT,
        "end to end: %.3f s wall, %.3f s CPU (CPU/wall %.2f of %d cores): %,.2f articles/s%n",
        wall, cpu, wall > 0 ? cpu / wall : 0, cores, articles / wall);
    out.printf(
        Locale.ROOT,
        "end to end without the load- stages (%.3f s): %.3f s wall: %,.2f articles/s%n",
        loadWall, warmWall, warmWall > 0 ? articles / warmWall : 0);
    out.printf(
        Locale.ROOT,
        "result: %d articles in %d stories, %d problems; peak heap %,d MB (max %,d MB); %d cores, load average after %s%n",
        articles, report.stories().size(), report.problems().size(), peak >> 20,
        Runtime.getRuntime().maxMemory() >> 20, cores, loadText(loadAfter));
    if (!counters.isEmpty()) {
      List<String> named = new ArrayList<>();
      counters.forEach((k, v) -> named.add(String.format(Locale.ROOT, "%s %,d", k, v)));
      out.printf(Locale.ROOT, "counters: %s%n", String.join(", ", named));
    }
    out.flush();

    ObjectNode node = mapper.createObjectNode();
    node.put("run", number);
    node.put("jvmUptimeSecondsAtStart", uptime);
    loadBefore.ifPresentOrElse(l -> putLoad(node, "loadAverageBefore", l), () -> node.putNull("loadAverageBefore"));
    loadAfter.ifPresentOrElse(l -> putLoad(node, "loadAverageAfter", l), () -> node.putNull("loadAverageAfter"));
    node.put("inputs", inputs);
    node.put("articles", articles);
    node.put("stories", report.stories().size());
    node.put("problems", report.problems().size());
    ArrayNode st = node.putArray("stages");
    for (Row row : rows) {
      ObjectNode s = st.addObject();
      s.put("stage", row.stage());
      s.put("wallSeconds", row.wall());
      s.put("cpuSeconds", row.cpu());
      s.put("cpuPerWall", row.busy());
      s.put("items", row.items());
      s.put("unit", row.unit());
      s.put("itemsPerSecond", row.rate());
      OptionalDouble ar = row.articleRate();
      if (ar.isPresent()) {
        s.put("articlesPerSecond", ar.getAsDouble());
      } else {
        s.putNull("articlesPerSecond");
      }
      s.put("share", row.share());
    }
    ObjectNode outside = node.putObject("outsideStages");
    outside.put("wallSeconds", outsideWall);
    outside.put("cpuSeconds", outsideCpu);
    ObjectNode e2e = node.putObject("endToEnd");
    e2e.put("wallSeconds", wall);
    e2e.put("cpuSeconds", cpu);
    e2e.put("cpuPerWall", wall > 0 ? cpu / wall : 0);
    e2e.put("articlesPerSecond", articles / wall);
    e2e.put("loadSeconds", loadWall);
    e2e.put("wallSecondsWithoutLoad", warmWall);
    e2e.put("articlesPerSecondWithoutLoad", warmWall > 0 ? articles / warmWall : 0);
    node.put("peakHeapBytes", peak);
    ObjectNode c = node.putObject("counters");
    counters.forEach(c::put);
    return node;
  }

  /**
   * What analyze's write stage does, to nowhere: report.json on this thread and report.html on
   * another at the same time.
   */
  private static void write(Report report) throws IOException {
    CompletableFuture<Void> page =
        CompletableFuture.runAsync(
            () -> {
              try {
                new HtmlReportWriter().write(report, OutputStream.nullOutputStream());
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    try {
      new JsonReportWriter().write(report, OutputStream.nullOutputStream());
    } finally {
      try {
        page.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof UncheckedIOException u) {
          throw u.getCause();
        }
        throw e;
      }
    }
  }

  /** The counters of {@code stats}, read back from what it writes. */
  private static Map<String, Long> counters(Stats stats, ObjectMapper mapper) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    stats.write(bytes);
    Map<String, Long> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : mapper.readTree(bytes.toByteArray()).path("counters").properties()) {
      out.put(e.getKey(), e.getValue().asLong());
    }
    return out;
  }

  /** CPU/wall with two decimals, or "-" for a time too short for the CPU clock. */
  private static String busyText(double wall, double cpu) {
    return wall < SHORTEST_BUSY ? "-" : String.format(Locale.ROOT, "%.2f", cpu / wall);
  }

  private static boolean isLoad(String stage) {
    return stage.startsWith("load-");
  }

  /** What a stage's items are. */
  private static String unit(String stage) {
    if (isLoad(stage)) {
      return "loads";
    }
    if (PER_ARTICLE.contains(stage)) {
      return "articles";
    }
    return switch (stage) {
      case "ingest" -> "inputs";
      case "stories" -> "stories";
      case "write" -> "reports";
      default -> "items";
    };
  }

  /** The 1, 5 and 15 minute load averages, where /proc/loadavg can be read. */
  private static Optional<double[]> loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim().split("\\s+");
      return Optional.of(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])});
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String loadText(Optional<double[]> load) {
    return load.map(l -> String.format(Locale.ROOT, "%.2f %.2f %.2f", l[0], l[1], l[2])).orElse("unknown");
  }

  private static void putLoad(ObjectNode node, String field, double[] load) {
    ArrayNode a = node.putArray(field);
    for (double v : load) {
      a.add(v);
    }
  }

  /** CPU time of the whole process (all threads), 0 where the JVM cannot tell. */
  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }
}
