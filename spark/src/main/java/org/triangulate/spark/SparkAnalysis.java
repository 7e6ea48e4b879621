package org.triangulate.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.triangulate.annotate.Annotated;
import org.triangulate.annotate.Annotator;
import org.triangulate.annotate.ArticleReading;
import org.triangulate.annotate.ReferenceDates;
import org.triangulate.group.StoryGrouper;
import org.triangulate.ingest.Corpus;
import org.triangulate.ingest.IngestResult;
import org.triangulate.ingest.Inputs;
import org.triangulate.model.Annotations;
import org.triangulate.model.Article;
import org.triangulate.model.Entity;
import org.triangulate.model.Mention;
import org.triangulate.model.Problem;
import org.triangulate.model.Provenance;
import org.triangulate.model.Reconciliation;
import org.triangulate.model.Story;
import org.triangulate.pipeline.EmbeddingCache;
import org.triangulate.pipeline.Pipeline;
import org.triangulate.pipeline.StageRunner;
import org.triangulate.pipeline.Stats;
import org.triangulate.pipeline.StoryStages;
import org.triangulate.report.JsonReadingCodec;
import org.triangulate.report.Report;
import scala.Tuple2;

/**
 * The pipeline as a Spark job, on the pipeline's own stage functions: {@link
 * org.triangulate.ingest.Ingester} per input file, {@link Corpus#uniqueIds} per article id, {@link
 * StoryGrouper}'s steps, {@link ReferenceDates}, {@link Annotator#read} per article and {@link
 * Annotator#link}, then {@link StoryStages} per story, each within the pipeline's budgets through
 * {@link StageRunner}. The result is the {@link Report} {@code analyze} gives for the same inputs.
 *
 * <p>Where the work runs:
 *
 * <ul>
 *   <li>Ingest: one task per input file, on the executors, reading through Hadoop's file systems
 *       (local paths, {@code file:}, {@code hdfs:}, {@code s3a:}); a WARC or JSONL file streams.
 *       Parquet inputs are read by Spark and fed to the JSONL reader a partition at a time.
 *   <li>Unique ids: a shuffle by article id; only ids that repeat are looked at on the driver.
 *   <li>Reading (CoreNLP): per article, on the executors, longest articles spread first; the
 *       models load once per executor JVM.
 *   <li>Grouping: the steps of {@link StoryGrouper} ({@link org.triangulate.group.GroupSteps}) as
 *       shuffles by feature, by query and by block ({@link SparkGrouping}); only the neighbour
 *       pairs and the stories reach the driver.
 *   <li>Entity linking: on the driver, over the readings. This is the corpus step still to
 *       distribute; the articles' texts reach the driver too, for the reference dates, the story
 *       bundles and the report.
 *   <li>Per-story stages (align, trace, reconcile): per story, on the executors, largest stories
 *       first, each story with its own articles, annotations and the entities they name.
 * </ul>
 */
public final class SparkAnalysis {

  /**
   * What to run.
   *
   * @param paths files, folders or globs: local paths, or URIs of any Hadoop file system
   * @param partitions how many tasks each per-article and per-story step is cut into (at least 1)
   * @param annotate whether to run the NLP reading (and so linking and reconciliation)
   * @param maxBytes the ingester's size limit per document
   */
  public record Options(
      List<String> paths,
      int partitions,
      boolean annotate,
      long maxBytes,
      Duration articleBudget,
      Duration storyBudget,
      int splitOver,
      int pairsPerTask) {
    public Options {
      paths = List.copyOf(paths);
      if (partitions < 1) {
        throw new IllegalArgumentException("partitions must be at least 1, not " + partitions);
      }
      if (splitOver < 1 || pairsPerTask < 1) {
        throw new IllegalArgumentException("splitOver and pairsPerTask must be at least 1");
      }
    }

    /** Stories of more than {@code n} articles have their pairs aligned {@code perTask} at a time. */
    public Options withSplit(int n, int perTask) {
      return new Options(
          paths, partitions, annotate, maxBytes, articleBudget, storyBudget, n, perTask);
    }

    public static Options of(List<String> paths, int partitions) {
      return new Options(
          paths,
          partitions,
          true,
          64L << 20,
          Pipeline.Options.ARTICLE_BUDGET,
          Pipeline.Options.STORY_BUDGET,
          SPLIT_OVER,
          PAIRS_PER_TASK);
    }
  }

  /** By default, stories of more than this many articles have their alignment split into tasks. */
  public static final int SPLIT_OVER = 200;

  /** By default, how many article pairs of a split story one task aligns. */
  public static final int PAIRS_PER_TASK = 1_000;

  /** One input: the name it is reported by, and where it is read from. */
  record Input(String source, String uri) implements java.io.Serializable {}

  private SparkAnalysis() {}

  /** Runs the job and returns the report. */
  public static Report run(SparkSession spark, Options o) {
    return run(spark, o, new Stats());
  }

  /**
   * Runs the job and returns the report; adds each step's wall and CPU seconds (this JVM's: in
   * local mode, the executors' too) to {@code stats}.
   */
  public static Report run(SparkSession spark, Options o, Stats stats) {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<Problem> problems = new ArrayList<>();
    List<Input> inputs = new ArrayList<>();
    List<Input> parquet = new ArrayList<>();
    expand(o.paths(), sc.hadoopConfiguration(), inputs, parquet, problems);

    // Ingest: one task per input file; Parquet tables through Spark's reader.
    long maxBytes = o.maxBytes();
    JavaRDD<String> ingested =
        sc.parallelize(inputs, Math.max(1, Math.min(inputs.size(), o.partitions() * 4)))
            .mapPartitions(it -> ingestFiles(it, maxBytes));
    for (Input p : parquet) {
      Dataset<String> json = spark.read().parquet(p.uri()).toJSON();
      String source = p.source();
      ingested =
          ingested.union(
              json.javaRDD().mapPartitionsWithIndex((i, it) -> ingestRows(source, i, it, maxBytes), false));
    }
    ingested = ingested.persist(StorageLevel.MEMORY_AND_DISK());
    try (Stats.Timer t = stats.time("ingest", inputs.size() + parquet.size())) {
      for (String f : ingested.filter(s -> s.startsWith("P")).collect()) {
        problems.addAll(Fragments.read(f.substring(1)).problems());
      }
    }
    Stats.Timer idsTimer = stats.time("unique-ids", 0);

    // Unique ids, as Corpus.merge gives them.
    JavaPairRDD<String, String> byId =
        ingested
            .filter(s -> s.startsWith("A"))
            .mapToPair(s -> new Tuple2<>(idOf(s), s.substring(1)));
    List<String> repeated =
        byId.mapToPair(t -> new Tuple2<>(t._1(), 1L))
            .reduceByKey(Long::sum)
            .filter(t -> t._2() > 1)
            .keys()
            .collect();
    JavaPairRDD<String, String> articles = byId;
    if (!repeated.isEmpty()) {
      Set<String> prefixes = new HashSet<>();
      repeated.forEach(r -> prefixes.add(r + "~"));
      Set<String> suffixed =
          new HashSet<>(
              byId.keys().filter(id -> hasPrefix(id, prefixes)).collect());
      Broadcast<Set<String>> rep = sc.broadcast(new HashSet<>(repeated));
      Broadcast<Set<String>> taken = sc.broadcast(suffixed);
      JavaPairRDD<String, String> single = byId.filter(t -> !rep.value().contains(t._1()));
      JavaPairRDD<String, String> renamed =
          byId.filter(t -> rep.value().contains(t._1()))
              .groupByKey()
              .flatMapToPair(
                  g -> {
                    List<Article> same = new ArrayList<>();
                    g._2().forEach(json -> same.add(Fragments.article(json)));
                    List<Tuple2<String, String>> out = new ArrayList<>();
                    for (Article a : Corpus.uniqueIds(taken.value(), same)) {
                      out.add(new Tuple2<>(a.id(), Fragments.article(a)));
                    }
                    return out.iterator();
                  });
      articles = single.union(renamed);
    }
    articles = articles.persist(StorageLevel.MEMORY_AND_DISK());
    List<Article> sorted = new ArrayList<>();
    for (String json : articles.values().collect()) {
      sorted.add(Fragments.article(json));
    }
    sorted.sort(Comparator.comparing(Article::id));
    idsTimer.items(sorted.size()).close();

    // Group: distributed steps, blocks clustered one per task.
    List<Story> stories;
    try (Stats.Timer t = stats.time("group", sorted.size())) {
      stories = SparkGrouping.group(sc, articles, o.partitions());
    }

    // Read each article (executors), then link the readings (driver).
    Annotated annotated = Annotated.NONE;
    if (o.annotate()) {
      Map<String, ReferenceDates.Reference> refs = ReferenceDates.of(sorted, stories);
      HashMap<String, String[]> plainRefs = new HashMap<>();
      refs.forEach((id, r) -> plainRefs.put(id, new String[] {r.date().toString(), r.source()}));
      Broadcast<HashMap<String, String[]>> refsB = sc.broadcast(plainRefs);
      Duration articleBudget = o.articleBudget();
      List<ArticleReading> readings = new ArrayList<>();
      try (Stats.Timer t = stats.time("annotate", sorted.size())) {
        List<String> read =
            articles
                .values()
                .repartition(o.partitions())
                .mapPartitions(it -> readArticles(it, refsB.value(), articleBudget))
                .collect();
        for (String r : read) {
          try {
            readings.add(JsonReadingCodec.read(r));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
      readings.sort(Comparator.comparing(ArticleReading::article));
      try (Stats.Timer t = stats.time("link", readings.size())) {
        Annotator annotator = ExecutorResources.annotator();
        annotated = Annotated.of(annotator.link(List.of(), readings), readings);
      }
      problems.addAll(annotated.problems());
    }

    // The per-story stages (executors), largest stories first.
    Map<String, Article> articleById = new HashMap<>();
    sorted.forEach(a -> articleById.put(a.id(), a));
    Map<String, Entity> entityById = new HashMap<>();
    annotated.entities().forEach(e -> entityById.put(e.id(), e));
    List<Story> order = new ArrayList<>(stories);
    order.sort(Comparator.comparingInt((Story s) -> -s.articles().size()).thenComparing(Story::id));
    List<String> bundles = new ArrayList<>();
    List<String> large = new ArrayList<>();
    for (Story s : order) {
      List<Article> own = s.articles().stream().map(articleById::get).toList();
      Map<String, Annotations> ann = new TreeMap<>();
      Set<String> named = new HashSet<>();
      for (String id : s.articles()) {
        Annotations a = annotated.byArticle().get(id);
        if (a != null) {
          ann.put(id, a);
          for (Mention m : a.mentions()) {
            named.add(m.entity());
          }
        }
      }
      List<Entity> ents =
          named.stream().map(entityById::get).filter(e -> e != null).sorted(Comparator.comparing(Entity::id)).toList();
      // report.json cannot tell empty annotations from none: the ids of the annotated go first.
      String bundle =
          String.join("\u0001", ann.keySet()) + "\u0000" + Fragments.bundle(s, own, ann, ents);
      (s.articles().size() > o.splitOver() ? large : bundles).add(bundle);
    }
    Map<String, String> creditNames = StoryStages.creditNames(annotated.entities());
    Broadcast<Map<String, String>> creditsB = sc.broadcast(new HashMap<>(creditNames));
    boolean annotate = o.annotate();
    Duration storyBudget = o.storyBudget();
    List<String> results;
    int tasks = Math.max(1, Math.min(Math.max(1, bundles.size()), o.partitions() * 4));
    try (Stats.Timer t = stats.time("stories", bundles.size())) {
      results =
          bundles.isEmpty()
              ? List.of()
              : sc.parallelize(dealt(bundles, tasks), tasks)
                  .mapPartitions(it -> runStories(it, creditsB.value(), annotate, storyBudget))
                  .collect();
      if (!large.isEmpty()) {
        results = new ArrayList<>(results);
        results.addAll(
            LargeStories.run(sc, large, o.partitions(), o.pairsPerTask(), creditsB, annotate, storyBudget));
      }
    }
    Map<String, Provenance> provenance = new TreeMap<>();
    Map<String, Reconciliation> reconciliation = new TreeMap<>();
    for (String r : results) {
      boolean hasProvenance = r.charAt(0) == '1';
      boolean hasReconciliation = r.charAt(1) == '1';
      Report part = Fragments.read(r.substring(2));
      String story = part.stories().get(0).id();
      if (hasProvenance) {
        provenance.put(
            story,
            part.provenance()
                .getOrDefault(story, new Provenance(story, List.of(), List.of(), List.of(), List.of())));
      }
      if (hasReconciliation) {
        reconciliation.put(
            story,
            part.reconciliation()
                .getOrDefault(
                    story,
                    new Reconciliation(story, List.of(), List.of(), List.of(), List.of(), List.of())));
      }
      problems.addAll(part.problems());
    }
    articles.unpersist();
    ingested.unpersist();
    problems.sort(null);
    return new Report(
        inputs.size() + parquet.size(),
        sorted,
        stories,
        problems,
        annotated.entities(),
        annotated.byArticle(),
        provenance,
        reconciliation);
  }

  /**
   * {@code items} (largest first) reordered so that Spark's contiguous slices deal them out like
   * cards: slice {@code p} of {@code n} gets items {@code p, p + n, p + 2n, ...}, so the largest
   * stories do not all land in the first task.
   */
  static <T> List<T> dealt(List<T> items, int n) {
    List<T> out = new ArrayList<>(items.size());
    for (int p = 0; p < n; p++) {
      for (int i = p; i < items.size(); i += n) {
        out.add(items.get(i));
      }
    }
    return out;
  }

  /**
   * The inputs {@code paths} name: local paths as {@code analyze} expands them (the same sources),
   * URIs with a scheme through their Hadoop file system (globs, folders read recursively, files
   * whose name starts with a dot or an underscore left out). Files ending in {@code .parquet} go to
   * {@code parquet}.
   */
  static void expand(
      List<String> paths,
      Configuration conf,
      List<Input> inputs,
      List<Input> parquet,
      List<Problem> problems) {
    List<String> local = new ArrayList<>();
    for (String p : paths) {
      if (hasScheme(p)) {
        expandUri(p, conf, inputs, problems);
      } else {
        local.add(p);
      }
    }
    if (!local.isEmpty()) {
      Inputs.Expansion e = Inputs.expand(local, Path.of(""));
      for (Inputs.Input in : e.inputs()) {
        inputs.add(new Input(in.source(), in.path().toAbsolutePath().toUri().toString()));
      }
      problems.addAll(e.problems());
    }
    for (Iterator<Input> it = inputs.iterator(); it.hasNext(); ) {
      Input in = it.next();
      if (in.uri().endsWith(".parquet")) {
        parquet.add(in);
        it.remove();
      }
    }
  }

  private static void expandUri(
      String name, Configuration conf, List<Input> inputs, List<Problem> problems) {
    try {
      org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(name);
      FileSystem fs = path.getFileSystem(conf);
      FileStatus[] found = fs.globStatus(path);
      if (found == null || found.length == 0) {
        problems.add(Problem.error(name, "file", "ingest", "no such file or folder"));
        return;
      }
      List<String> files = new ArrayList<>();
      for (FileStatus st : found) {
        if (st.isDirectory()) {
          RemoteIterator<LocatedFileStatus> it = fs.listFiles(st.getPath(), true);
          while (it.hasNext()) {
            LocatedFileStatus f = it.next();
            if (f.isFile() && !hidden(f.getPath().getName())) {
              files.add(f.getPath().toString());
            }
          }
        } else if (!hidden(st.getPath().getName())) {
          files.add(st.getPath().toString());
        }
      }
      files.sort(null);
      for (String f : files) {
        inputs.add(new Input(f, f));
      }
    } catch (IOException | RuntimeException e) {
      problems.add(Problem.error(name, "file", "ingest", "cannot list it: " + e.getMessage()));
    }
  }

  private static boolean hidden(String name) {
    return name.startsWith(".") || name.startsWith("_");
  }

  private static boolean hasScheme(String p) {
    int colon = p.indexOf(':');
    if (colon < 2) {
      return false; // a Windows drive letter or no scheme
    }
    try {
      return new URI(p).getScheme() != null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private static boolean hasPrefix(String id, Set<String> prefixes) {
    int tilde = id.indexOf('~');
    while (tilde >= 0) {
      if (prefixes.contains(id.substring(0, tilde + 1))) {
        return true;
      }
      tilde = id.indexOf('~', tilde + 1);
    }
    return false;
  }

  /** An ingested record's article id, read from its fragment. */
  private static String idOf(String record) {
    return Fragments.article(record.substring(1)).id();
  }

  /** Ingests files: "A" + an article's fragment, "P" + a fragment of problems. */
  private static Iterator<String> ingestFiles(Iterator<Input> files, long maxBytes) {
    List<String> out = new ArrayList<>();
    Configuration conf = new Configuration();
    while (files.hasNext()) {
      Input in = files.next();
      IngestResult r;
      org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(URI.create(in.uri()));
      try {
        FileSystem fs = path.getFileSystem(conf);
        long size = fs.getFileStatus(path).getLen();
        try (InputStream s = fs.open(path)) {
          r = ExecutorResources.ingester(maxBytes).ingest(in.source(), path.getName(), s, size);
        }
      } catch (java.io.FileNotFoundException e) {
        r = new IngestResult(List.of(), List.of(Problem.error(in.source(), "file", "ingest", "no such file")));
      } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
        r =
            new IngestResult(
                List.of(),
                List.of(Problem.error(in.source(), "file", "ingest", "could not read the input: " + e)));
      }
      add(r, out);
    }
    return out.iterator();
  }

  /** Ingests a Parquet partition's rows (as JSON lines) with the JSONL reader. */
  private static Iterator<String> ingestRows(
      String source, int partition, Iterator<String> rows, long maxBytes) {
    StringBuilder jsonl = new StringBuilder();
    while (rows.hasNext()) {
      jsonl.append(rows.next()).append('\n');
    }
    List<String> out = new ArrayList<>();
    if (jsonl.length() == 0) {
      return out.iterator();
    }
    IngestResult r =
        ExecutorResources.ingester(maxBytes)
            .ingest(
                source + "#part-" + partition,
                "part-" + partition + ".jsonl",
                jsonl.toString().getBytes(StandardCharsets.UTF_8));
    add(r, out);
    return out.iterator();
  }

  private static void add(IngestResult r, List<String> out) {
    for (Article a : r.articles()) {
      out.add("A" + Fragments.article(a));
    }
    if (!r.problems().isEmpty()) {
      out.add("P" + Fragments.problems(r.problems()));
    }
  }

  /** Reads articles with CoreNLP: each reading as {@link JsonReadingCodec} writes it. */
  private static Iterator<String> readArticles(
      Iterator<String> articles, Map<String, String[]> refs, Duration budget) {
    List<String> out = new ArrayList<>();
    if (!articles.hasNext()) {
      return out.iterator(); // an empty partition loads no model
    }
    Annotator annotator = ExecutorResources.annotator();
    annotator.load();
    StageRunner runner = ExecutorResources.runner();
    while (articles.hasNext()) {
      Article a = Fragments.article(articles.next());
      Optional<ReferenceDates.Reference> ref =
          Optional.ofNullable(refs.get(a.id()))
              .map(r -> new ReferenceDates.Reference(java.time.LocalDate.parse(r[0]), r[1]));
      StageRunner.Read read = runner.read(annotator, a, ref, budget);
      out.add(JsonReadingCodec.write(read.reading()));
    }
    return out.iterator();
  }

  /** A story bundle read back: the story's report fragment and its annotations (null without). */
  record Bundle(Report report, Map<String, Annotations> annotations) {
    Story story() {
      return report.stories().get(0);
    }

    Map<String, Article> articles() {
      Map<String, Article> out = new HashMap<>();
      report.articles().forEach(a -> out.put(a.id(), a));
      return out;
    }

    Map<String, Entity> entities() {
      Map<String, Entity> out = new HashMap<>();
      report.entities().forEach(e -> out.put(e.id(), e));
      return out;
    }
  }

  static Bundle bundle(String bundle, boolean annotate) {
    int cut = bundle.indexOf('\u0000');
    Report b = Fragments.read(bundle.substring(cut + 1));
    Map<String, Annotations> annotations = null;
    if (annotate) {
      annotations = new HashMap<>();
      for (String id : bundle.substring(0, cut).split("\u0001", -1)) {
        if (!id.isEmpty()) {
          annotations.put(
              id,
              b.annotations().getOrDefault(id, new Annotations(id, List.of(), List.of(), List.of(), List.of())));
        }
      }
    }
    return new Bundle(b, annotations);
  }

  /** A story's results as the driver reads them: two flags (provenance, reconciliation) and a fragment. */
  static String result(Story s, List<Article> articles, StageRunner.StoryRun run) {
    Provenance p = run.result().provenance().orElse(null);
    Reconciliation c = run.result().reconciliation().orElse(null);
    return (p != null ? "1" : "0")
        + (c != null ? "1" : "0")
        + Fragments.results(s, articles, p, c, run.problem().map(List::of).orElse(List.of()));
  }

  /**
   * Runs the per-story stages of each bundle: two flags (provenance, reconciliation present) and
   * the results' fragment.
   */
  private static Iterator<String> runStories(
      Iterator<String> bundles, Map<String, String> creditNames, boolean annotate, Duration budget) {
    // One cache per task: align and reconcile then embed each sentence of its stories once, as
    // they do in a pipeline run, and the cache's memory ends with the task.
    StoryStages stages = new StoryStages(EmbeddingCache.over(ExecutorResources.embedder()));
    StageRunner runner = ExecutorResources.runner();
    List<String> out = new ArrayList<>();
    while (bundles.hasNext()) {
      Bundle b = bundle(bundles.next(), annotate);
      StageRunner.StoryRun run =
          runner.story(
              stages, b.story(), b.articles(), b.annotations(), b.entities(), creditNames, budget);
      out.add(result(b.story(), b.report().articles(), run));
    }
    return out.iterator();
  }
}
