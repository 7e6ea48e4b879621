package org.triangulate.spark;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.triangulate.model.Article;
import org.triangulate.model.Link;
import org.triangulate.model.Provenance;
import org.triangulate.model.Story;
import org.triangulate.pipeline.EmbeddingCache;
import org.triangulate.pipeline.StageRunner;
import org.triangulate.pipeline.StoryStages;
import org.triangulate.report.Report;
import scala.Tuple2;

/**
 * The per-story stages of stories too large for one task (a breaking story of 50,000 articles would
 * otherwise run long after every other task has ended): in three steps, each on the executors.
 *
 * <ol>
 *   <li>Plan, one task per story: the pairs of articles to align ({@link StoryStages#pairs}: the
 *       copy and paraphrase candidates), cut into runs of {@code pairsPerTask}, each run with the
 *       articles it names.
 *   <li>Align, one task per run, spread over the cluster: {@link StoryStages#align}.
 *   <li>Finish, one task per story: its runs' links in order, then trace and reconcile ({@link
 *       StoryStages#finish}).
 * </ol>
 *
 * <p>The links of a story are those of its pairs run after run in order, so the result is what
 * {@link StoryStages#run} gives in one piece ({@code SparkAnalysisTest} splits the Hama story and
 * the development stories into runs of three pairs and requires analyze's report byte for byte). A
 * run that fails or goes over the story budget costs the story its results, with the same problem
 * {@link StageRunner} gives.
 */
final class LargeStories {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A run's outcome when it has no links: it went over budget, or failed (with the reason). */
  private static final String OVER_BUDGET = "\u0000over budget";

  private LargeStories() {}

  /** Each story's result, in the form {@link SparkAnalysis#result} gives. */
  static List<String> run(
      JavaSparkContext sc,
      List<String> bundles,
      int partitions,
      int pairsPerTask,
      Broadcast<Map<String, String>> credits,
      boolean annotate,
      Duration budget) {
    JavaPairRDD<String, String> byStory =
        sc.parallelize(bundles, Math.max(1, Math.min(bundles.size(), partitions)))
            .mapToPair(b -> new Tuple2<>(SparkAnalysis.bundle(b, false).story().id(), b))
            .cache();
    // (story, (run index, the run's pairs and articles))
    JavaPairRDD<String, Tuple2<Integer, String>> runs =
        byStory.flatMapToPair(t -> plan(t._2(), pairsPerTask, budget).iterator());
    long count = Math.max(1, runs.count());
    JavaPairRDD<String, Tuple2<Integer, String>> aligned =
        runs.repartition((int) Math.min(count, (long) partitions * 4))
            .mapToPair(t -> new Tuple2<>(t._1(), new Tuple2<>(t._2()._1(), align(t._2()._2(), budget))));
    List<String> out =
        byStory
            .leftOuterJoin(aligned.groupByKey())
            .map(
                t ->
                    finish(
                        t._2()._1(),
                        t._2()._2().isPresent() ? t._2()._2().get() : List.of(),
                        credits.value(),
                        annotate,
                        budget))
            .collect();
    byStory.unpersist();
    return out;
  }

  /** The story's pairs in runs: each a JSON object of its pairs and the fragment of its articles. */
  private static List<Tuple2<String, Tuple2<Integer, String>>> plan(
      String bundle, int pairsPerTask, Duration budget) throws IOException {
    SparkAnalysis.Bundle b = SparkAnalysis.bundle(bundle, false);
    Story s = b.story();
    Map<String, Article> articles = b.articles();
    StoryStages stages = new StoryStages(EmbeddingCache.over(ExecutorResources.embedder()));
    List<Tuple2<String, Tuple2<Integer, String>>> out = new ArrayList<>();
    List<String[]> pairs;
    try {
      Optional<List<String[]>> planned =
          ExecutorResources.runner().within(budget, () -> stages.pairs(s, articles));
      if (planned.isEmpty()) {
        out.add(new Tuple2<>(s.id(), new Tuple2<>(0, OVER_BUDGET)));
        return out;
      }
      pairs = planned.get();
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      out.add(new Tuple2<>(s.id(), new Tuple2<>(0, "\u0000" + e)));
      return out;
    }
    for (int from = 0, i = 0; from < pairs.size(); from += pairsPerTask, i++) {
      List<String[]> part = pairs.subList(from, Math.min(pairs.size(), from + pairsPerTask));
      TreeSet<String> ids = new TreeSet<>();
      part.forEach(p -> {
        ids.add(p[0]);
        ids.add(p[1]);
      });
      List<Article> own = ids.stream().map(articles::get).toList();
      Story piece = new Story(s.id(), s.title(), List.copyOf(ids), s.first(), s.last(), s.keys(), s.aliases());
      String json =
          JSON.writeValueAsString(
              Map.of(
                  "pairs", part,
                  "articles", Fragments.write(new Report(0, own, List.of(piece), List.of()))));
      out.add(new Tuple2<>(s.id(), new Tuple2<>(i, json)));
    }
    return out;
  }

  /** A run's links, as a fragment of the story's provenance; or why there are none. */
  private static String align(String run, Duration budget) throws IOException {
    if (run.startsWith("\u0000")) {
      return run; // the plan went over budget or failed
    }
    Map<String, Object> r = JSON.readValue(run, new TypeReference<Map<String, Object>>() {});
    List<String[]> pairs =
        JSON.convertValue(r.get("pairs"), new TypeReference<List<String[]>>() {});
    Report fragment = Fragments.read((String) r.get("articles"));
    Map<String, Article> articles = new TreeMap<>();
    fragment.articles().forEach(a -> articles.put(a.id(), a));
    Story piece = fragment.stories().get(0);
    StoryStages stages = new StoryStages(EmbeddingCache.over(ExecutorResources.embedder()));
    Optional<List<Link>> links;
    try {
      links = ExecutorResources.runner().within(budget, () -> stages.align(articles, pairs));
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      return "\u0000" + e;
    }
    if (links.isEmpty()) {
      return OVER_BUDGET;
    }
    return Fragments.write(
        new Report(
            0,
            fragment.articles(),
            List.of(piece),
            List.of(),
            List.of(),
            Map.of(),
            Map.of(piece.id(), new Provenance(piece.id(), links.get(), List.of(), List.of(), List.of())),
            Map.of()));
  }

  /** Traces and reconciles a story from its runs' links, in run order. */
  private static String finish(
      String bundle,
      Iterable<Tuple2<Integer, String>> runs,
      Map<String, String> credits,
      boolean annotate,
      Duration budget) {
    SparkAnalysis.Bundle b = SparkAnalysis.bundle(bundle, annotate);
    Story s = b.story();
    TreeMap<Integer, String> ordered = new TreeMap<>();
    runs.forEach(t -> ordered.put(t._1(), t._2()));
    List<Link> links = new ArrayList<>();
    StageRunner.StoryRun run = null;
    for (String r : ordered.values()) {
      if (r.equals(OVER_BUDGET)) {
        run = StageRunner.overBudget(s, budget);
        break;
      }
      if (r.startsWith("\u0000")) {
        run = StageRunner.failed(s, r.substring(1));
        break;
      }
      Report part = Fragments.read(r);
      Provenance p = part.provenance().get(s.id());
      if (p != null) {
        links.addAll(p.links());
      }
    }
    if (run == null) {
      StoryStages stages = new StoryStages(EmbeddingCache.over(ExecutorResources.embedder()));
      run =
          ExecutorResources.runner()
              .finish(
                  stages, s, b.articles(), links, b.annotations(), b.entities(), credits, budget);
    }
    return SparkAnalysis.result(s, b.report().articles(), run);
  }
}
