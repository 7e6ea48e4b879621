package org.triangulate.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.triangulate.align.Embedder;
import org.triangulate.annotate.Annotated;
import org.triangulate.annotate.Annotator;
import org.triangulate.annotate.ArticleReading;
import org.triangulate.annotate.ReferenceDates;
import org.triangulate.group.GroupOptions;
import org.triangulate.group.IncrementalGrouper;
import org.triangulate.group.StoryGrouper;
import org.triangulate.ingest.Corpus;
import org.triangulate.ingest.IngestResult;
import org.triangulate.ingest.Ingester;
import org.triangulate.ingest.Inputs;
import org.triangulate.model.Annotations;
import org.triangulate.model.Article;
import org.triangulate.model.Entity;
import org.triangulate.model.Problem;
import org.triangulate.model.Provenance;
import org.triangulate.model.Reconciliation;
import org.triangulate.model.Story;
import org.triangulate.report.Report;
import org.triangulate.work.Workers;

/**
 * The one place that orders the stages and owns the worker threads. Every entry point (the
 * command line, the web app, benchmarks) calls it; none assembles stages itself.
 *
 * <pre>
 *   ingest     inputs         → articles                per input        {@link #ingest}
 *   group      articles       → stories                 corpus step (batch or incremental)
 *   read       article        → ArticleReading          per article      {@link Annotator#read}
 *   link       readings       → entities, annotations   corpus step (incremental)
 *   align, trace, reconcile   story → provenance, reconciliation   per story   {@link StoryStages}
 * </pre>
 *
 * <p>Three ways in: {@link #analyze} (a batch), {@link #add} (new articles into an existing
 * state, such as a report read back; returns what changed) and {@link #restory} (the per-story
 * stages again for given stories). In {@code add}, articles already known are never read by the
 * NLP models again, entities keep their ids, stories keep their ids as articles join them (a merge
 * keeps one and records the other as an alias), and a story whose articles did not change keeps
 * its per-story results as they were.
 *
 * <p>Grouping comes before annotation: relative times of an undated article resolve against its
 * story's consensus date. One pool of {@code threads} workers runs every loop; the result is the
 * same whatever their number and the order of the inputs. Timings go to {@link #stats()} only.
 * Not for concurrent use: one call at a time (a server serialises its updates).
 */
public final class Pipeline implements AutoCloseable {

  /**
   * The stages' expensive resources, each loaded at most once and only when a stage needs it.
   *
   * @param annotator the NLP annotate stage; used only when {@link Options#annotate()}
   * @param embedder sentence embeddings for align, paraphrase candidates and reconcile
   * @param records readings and vectors kept between runs: what they hold is not computed again,
   *     and what the models compute is kept there
   */
  public record Components(
      Supplier<Ingester> ingester,
      Supplier<Annotator> annotator,
      Supplier<Embedder> embedder,
      Records records) {
    public Components {
      Objects.requireNonNull(ingester, "ingester");
      Objects.requireNonNull(annotator, "annotator");
      Objects.requireNonNull(embedder, "embedder");
      Objects.requireNonNull(records, "records");
    }

    /** Components that keep nothing between runs. */
    public Components(
        Supplier<Ingester> ingester, Supplier<Annotator> annotator, Supplier<Embedder> embedder) {
      this(ingester, annotator, embedder, Records.NONE);
    }

    /** The same components with other records. */
    public Components withRecords(Records r) {
      return new Components(ingester, annotator, embedder, r);
    }
  }

  /**
   * @param threads worker threads, the caller's included (at least 1)
   * @param annotate whether to run the annotate stage (and so reconcile)
   * @param articleBudget how long the annotate stage may read one article; past it the article is
   *     left unannotated, with a problem naming the stage, the article and the limit
   * @param storyBudget how long the per-story stages may take for one story; past it the story is
   *     left without links, derivations and claims, with a problem likewise
   */
  public record Options(int threads, boolean annotate, Duration articleBudget, Duration storyBudget) {

    /** The default time an article's reading may take. */
    public static final Duration ARTICLE_BUDGET = Duration.ofSeconds(120);

    /** The default time a story's align, trace and reconcile may take. */
    public static final Duration STORY_BUDGET = Duration.ofMinutes(10);

    public Options {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be >= 1: " + threads);
      }
      positive("articleBudget", articleBudget);
      positive("storyBudget", storyBudget);
    }

    /** The default budgets. */
    public Options(int threads, boolean annotate) {
      this(threads, annotate, ARTICLE_BUDGET, STORY_BUDGET);
    }

    private static void positive(String name, Duration d) {
      java.util.Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + d);
      }
    }
  }

  /**
   * What {@link #add} changed.
   *
   * @param articles the ids the new articles got
   * @param newStories stories that did not exist before
   * @param grownStories stories that existed and changed (grew, or absorbed others)
   * @param merged for each story that absorbed others, the ids it absorbed
   * @param unchanged how many stories kept their articles and results as they were
   * @param overBudget the articles and stories (by id) that went over their time budget in this
   *     call: each has a problem in the report, and its results are missing
   */
  public record Changes(
      List<String> articles,
      List<String> newStories,
      List<String> grownStories,
      Map<String, List<String>> merged,
      int unchanged,
      List<String> overBudget) {
    public Changes {
      articles = List.copyOf(articles);
      overBudget = overBudget.stream().sorted().toList();
      newStories = List.copyOf(newStories);
      grownStories = List.copyOf(grownStories);
      merged = java.util.Collections.unmodifiableMap(new TreeMap<>(merged));
    }
  }

  /** The state after {@link #add}, and what changed. */
  public record Update(Report report, Changes changes) {}

  private final Components components;
  private final Options options;
  private final WorkerPool workers;
  private final StageRunner runner = new StageRunner();
  /** The articles and stories over budget in the current call (one call at a time). */
  private final List<String> overBudget = java.util.Collections.synchronizedList(new ArrayList<>());
  private final Stats stats = new Stats();
  /** How many calls have started: a warm-up steps aside when it changes. */
  private final java.util.concurrent.atomic.AtomicLong calls = new java.util.concurrent.atomic.AtomicLong();
  /** The grouping state {@link #prepare} builds for the next {@link #add}, if any. */
  private final java.util.concurrent.atomic.AtomicReference<Prepared> prepared =
      new java.util.concurrent.atomic.AtomicReference<>();
  /** How many lines of each sample article {@link #warmUp(List)} embeds. */
  private static final int WARM_UP_LINES = 16;

  public Pipeline(Components components, Options options) {
    this.components = Objects.requireNonNull(components, "components");
    this.options = Objects.requireNonNull(options, "options");
    this.workers = new WorkerPool(options.threads());
  }

  /** What every run so far cost, stage by stage. */
  public Stats stats() {
    return stats;
  }

  /** The pipeline's workers, for work an entry point must spread over them (benchmarks). */
  public WorkerPool workers() {
    return workers;
  }

  /**
   * Starts loading the models the annotate and per-story stages will need on a thread of its own,
   * so that loading them overlaps what the caller does first (reading a corpus, ingest); a stage
   * that needs a model before it is loaded waits for it. For callers that know the models will be
   * needed (new articles to read): otherwise a run whose readings are all kept loads nothing. A
   * failure to load is left to the stage that needs the model, which reports it.
   */
  public void warmUp() {
    warmUp(List.of());
  }

  /**
   * {@link #warmUp()}, then reads {@code samples} with the models and embeds their first lines,
   * throwing the results away: the first articles a long-running server reads run compiled code
   * instead of paying the JIT's start (on a corpus of 1,000, the first few POSTs took 1 to 7 s to
   * read instead of 0.1 to 0.4 s). It steps aside as soon as a call starts; the results of every
   * call are the same with or without it.
   *
   * @param samples articles to read (a few of the corpus's, for example); none keeps it to loading
   * @return how many samples it read, when it is done (fewer when a call started meanwhile)
   */
  public CompletableFuture<Integer> warmUp(List<Article> samples) {
    List<Article> todo = List.copyOf(samples);
    long callsBefore = calls.get();
    CompletableFuture<Integer> done = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              int read = 0;
              try {
                Annotator annotator = null;
                if (options.annotate()) {
                  annotator = components.annotator().get();
                  annotator.load();
                }
                Embedder embedder = components.embedder().get();
                components.ingester().get(); // its language and word models: loaded once
                for (Article a : todo) {
                  if (calls.get() != callsBefore) {
                    break; // a call is under way: it has the cores
                  }
                  if (annotator != null) {
                    annotator.read(a, Optional.empty());
                  }
                  embedder.embed(
                      a.text().lines().filter(l -> !l.isBlank()).limit(WARM_UP_LINES).toList());
                  read++;
                }
              } catch (RuntimeException | Error e) {
                // The stage that needs the model loads it again and reports what goes wrong.
              }
              done.complete(read);
            },
            "triangulate-warm-up");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
    return done;
  }

  /**
   * Builds, on a thread of its own, the grouping state that {@link #add} of new articles to {@code
   * state} starts from, so that a long-running caller (the web app) pays for it while it waits for
   * the next article rather than during it. {@link #add} uses it when its {@code before} is this
   * very state (the same lists), and builds its own otherwise; the state is the one {@link
   * IncrementalGrouper#of} gives either way, so the results are the same.
   */
  public void prepare(Report state) {
    List<Story> stories = state.stories();
    List<Article> articles = state.articles();
    GroupOptions group = groupOptions();
    CompletableFuture<IncrementalGrouper> grouper = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              try {
                grouper.complete(
                    IncrementalGrouper.of(group, Workers.inline(), stories, articles));
              } catch (RuntimeException | Error e) {
                grouper.completeExceptionally(e);
              }
            },
            "triangulate-prepare");
    t.setDaemon(true);
    prepared.set(new Prepared(stories, articles, grouper));
    t.start();
  }

  /** A grouping state {@link #prepare} builds for {@link #add}. */
  private record Prepared(
      List<Story> stories, List<Article> articles, CompletableFuture<IncrementalGrouper> grouper) {}

  /** The grouper {@link #add} to {@code before} starts from: prepared if it is for that state. */
  private IncrementalGrouper grouperFor(Report before) {
    Prepared p = prepared.getAndSet(null);
    if (p != null && p.stories() == before.stories() && p.articles() == before.articles()) {
      try {
        IncrementalGrouper g = p.grouper().join();
        stats.count("group.prepared", 1);
        return g;
      } catch (java.util.concurrent.CompletionException e) {
        // Built here instead, which reports what went wrong.
      }
    }
    return IncrementalGrouper.of(groupOptions(), workers, before.stories(), before.articles());
  }

  /** The ingest stage: reads every input, one input at a time per worker. */
  public IngestResult ingest(List<Inputs.Input> inputs, Corpus.Progress progress) {
    calls.incrementAndGet();
    Ingester ingester;
    try (Stats.Timer t = stats.time("load-ingester", 1)) {
      ingester = components.ingester().get();
    }
    try (Stats.Timer t = stats.time("ingest", inputs.size())) {
      IngestResult r = Corpus.ingest(inputs, ingester, workers, progress);
      t.items(inputs.size());
      return r;
    }
  }

  /**
   * The whole pipeline over a batch of articles.
   *
   * @param inputs how many input files they came from (for the report's summary)
   * @param problems problems found so far (expanding paths, ingest); the run's are added
   */
  public Report analyze(int inputs, List<Article> articles, List<Problem> problems) {
    return analyze(inputs, articles, problems, null);
  }

  /**
   * The whole pipeline over a batch of articles, reusing an earlier state's per-story results where
   * they cannot differ: for a story of the same id (so the same articles) whose story, articles,
   * annotations, the entities they name and the corpus's credit names are all equal to the earlier
   * state's, and that had its results there without a problem. The report is the one {@link
   * #analyze(int, List, List)} gives; only its cost changes.
   *
   * @param previous the earlier state (such as what a corpus store holds), or null
   */
  public Report analyze(int inputs, List<Article> articles, List<Problem> problems, Report previous) {
    calls.incrementAndGet();
    overBudget.clear();
    List<Article> sorted = new ArrayList<>(articles);
    sorted.sort(Comparator.comparing(Article::id));
    List<Story> stories;
    try (Stats.Timer t = stats.time("group", sorted.size())) {
      stories = new StoryGrouper(groupOptions(), workers).group(sorted);
    }
    List<Problem> all = new ArrayList<>(problems);
    Annotated annotated = Annotated.NONE;
    if (options.annotate()) {
      annotated = annotate(sorted, ReferenceDates.of(sorted, stories), List.of());
      all.addAll(annotated.problems());
    }
    Map<String, Article> byId = byId(sorted);
    List<Story> toRun = stories;
    Map<String, Provenance> keptProvenance = Map.of();
    Map<String, Reconciliation> keptReconciliation = Map.of();
    if (previous != null) {
      Set<String> same =
          Reuse.sameStories(previous, stories, byId, annotated, options.annotate());
      toRun = stories.stream().filter(st -> !same.contains(st.id())).toList();
      keptProvenance = previous.provenance();
      keptReconciliation = options.annotate() ? previous.reconciliation() : Map.of();
      stats.count("stories.kept", same.size());
    }
    Map<String, StoryStages.Result> results =
        runStories(
            toRun, byId, options.annotate() ? annotated.byArticle() : null, annotated.entities(), all);
    all.sort(null);
    return report(
        inputs,
        sorted,
        stories,
        all,
        annotated.entities(),
        annotated.byArticle(),
        results,
        keptProvenance,
        keptReconciliation);
  }

  /**
   * Adds articles to an existing state: they get ids unlike every id it holds, join its stories or
   * open new ones; only they are read by the NLP models, and only the stories that changed run the
   * per-story stages again.
   *
   * @param before the state to add to (a report read back, or the last update's)
   * @param inputs how many more input files the new articles came from
   * @param added the new articles
   * @param problems the new problems (expanding paths, ingest)
   */
  public Update add(Report before, int inputs, List<Article> added, List<Problem> problems) {
    calls.incrementAndGet();
    overBudget.clear();
    Set<String> taken = new HashSet<>();
    before.articles().forEach(a -> taken.add(a.id()));
    List<Article> fresh = Corpus.uniqueIds(taken, added);

    List<Story> grouped;
    try (Stats.Timer t = stats.time("group", fresh.size())) {
      IncrementalGrouper grouper = grouperFor(before);
      grouper.add(fresh);
      grouped = grouper.stories();
    }
    Identities ids = Identities.assign(before.stories(), grouped);

    List<Article> articles = new ArrayList<>(before.articles());
    articles.addAll(fresh);
    articles.sort(Comparator.comparing(Article::id));
    Map<String, Article> byId = byId(articles);

    List<Problem> all = new ArrayList<>(before.problems());
    // A problem the state already records (the same input named again, a pattern that still
    // matches nothing) is not recorded twice.
    Set<Problem> known = new HashSet<>(before.problems());
    problems.stream().filter(p -> !known.contains(p)).forEach(all::add);
    List<Entity> entities = before.entities();
    Map<String, Annotations> annotations = new TreeMap<>(before.annotations());
    if (options.annotate()) {
      List<Article> changedArticles =
          ids.changed().stream().flatMap(s -> s.articles().stream()).distinct().map(byId::get).toList();
      Map<String, ReferenceDates.Reference> refs = ReferenceDates.of(changedArticles, ids.changed());
      Annotated annotated = annotate(fresh, refs, before.entities());
      stats.count("annotate.reused", before.annotations().size());
      entities = annotated.entities();
      annotations.putAll(annotated.byArticle());
      all.addAll(annotated.problems());
    }
    Set<String> redone = new HashSet<>();
    ids.changed().forEach(st -> redone.add("story " + st.id()));
    all.removeIf(p -> redone.contains(p.source()));
    Map<String, StoryStages.Result> results =
        runStories(ids.changed(), byId, options.annotate() ? annotations : null, entities, all);
    all.sort(null);
    Report report =
        report(
            before.inputs() + inputs,
            articles,
            ids.stories(),
            all,
            entities,
            annotations,
            results,
            before.provenance(),
            before.reconciliation());
    List<String> freshIds = fresh.stream().map(Article::id).toList();
    return new Update(
        report,
        new Changes(
            freshIds,
            ids.created(),
            ids.grown(),
            ids.merged(),
            ids.stories().size() - ids.changed().size(),
            overBudget));
  }

  /**
   * Runs the per-story stages again for the given stories (by id or alias) of a state, leaving the
   * rest as they are.
   *
   * @throws IllegalArgumentException if a story id is unknown
   */
  public Report restory(Report state, Collection<String> storyIds) {
    calls.incrementAndGet();
    Map<String, Story> known = new HashMap<>();
    for (Story s : state.stories()) {
      known.put(s.id(), s);
      s.aliases().forEach(a -> known.putIfAbsent(a, s));
    }
    List<Story> chosen = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String id : new TreeSet<>(storyIds)) {
      Story s = known.get(id);
      if (s == null) {
        throw new IllegalArgumentException("no story with id or alias " + id);
      }
      if (seen.add(s.id())) {
        chosen.add(s);
      }
    }
    List<Problem> problems = new ArrayList<>(state.problems());
    Set<String> redone = new HashSet<>();
    chosen.forEach(st -> redone.add("story " + st.id()));
    problems.removeIf(p -> redone.contains(p.source()));
    Map<String, StoryStages.Result> results =
        runStories(
            chosen,
            byId(state.articles()),
            options.annotate() ? state.annotations() : null,
            state.entities(),
            problems);
    problems.sort(null);
    return report(
        state.inputs(),
        state.articles(),
        state.stories(),
        problems,
        state.entities(),
        state.annotations(),
        results,
        state.provenance(),
        state.reconciliation());
  }

  /** Reads the articles on the workers (longest first, so no worker is left with a long tail). */
  private Annotated annotate(
      List<Article> articles, Map<String, ReferenceDates.Reference> refs, List<Entity> existing) {
    Annotator annotator;
    try (Stats.Timer t = stats.time("load-annotator", 1)) {
      annotator = components.annotator().get();
    }
    List<Article> order = new ArrayList<>(articles);
    order.sort(Comparator.comparingInt((Article a) -> -a.text().length()).thenComparing(Article::id));
    String version = annotator.version();
    Map<String, String> keys = new HashMap<>();
    for (Article a : order) {
      keys.put(a.id(), Records.readingKey(version, a, Optional.ofNullable(refs.get(a.id()))));
    }
    Map<String, ArticleReading> kept;
    try (Stats.Timer t = stats.time("read-records", order.size())) {
      kept = components.records().readings(keys.values());
    }
    List<Article> toRead = order.stream().filter(a -> !kept.containsKey(keys.get(a.id()))).toList();
    if (!toRead.isEmpty()) {
      try (Stats.Timer t = stats.time("load-models", 1)) {
        annotator.load();
      }
    }
    List<ArticleReading> readings;
    Map<String, Long> countersWere = annotator.counters();
    try (Stats.Timer t = stats.time("annotate", toRead.size())) {
      readings =
          workers.map(
              toRead,
              a -> {
                StageRunner.Read r =
                    runner.read(
                        annotator, a, Optional.ofNullable(refs.get(a.id())), options.articleBudget());
                if (r.overBudget()) {
                  stats.count("annotate.overBudget", 1);
                  overBudget.add(a.id());
                }
                return r.reading();
              });
    }
    annotator.counters().forEach((k, v) -> stats.count(k, v - countersWere.getOrDefault(k, 0L)));
    stats.count("annotate.read", toRead.size());
    stats.count("annotate.kept", order.size() - toRead.size());
    Map<String, ArticleReading> made = new HashMap<>();
    for (int i = 0; i < toRead.size(); i++) {
      ArticleReading r = readings.get(i);
      if (r.annotated() && !overBudget.contains(r.article())) {
        made.put(keys.get(toRead.get(i).id()), r);
      }
    }
    components.records().keepReadings(made);
    List<ArticleReading> sorted = new ArrayList<>(readings);
    for (Article a : order) {
      ArticleReading r = kept.get(keys.get(a.id()));
      if (r != null) {
        sorted.add(r);
      }
    }
    sorted.sort(Comparator.comparing(ArticleReading::article));
    Annotator.Linked linked;
    try (Stats.Timer t = stats.time("link", sorted.size())) {
      linked = annotator.link(existing, sorted);
    }
    return Annotated.of(linked, sorted);
  }

  /** The per-story stages over {@code stories} on the workers, largest first; by story id. */
  private Map<String, StoryStages.Result> runStories(
      List<Story> stories,
      Map<String, Article> articles,
      Map<String, Annotations> annotations,
      List<Entity> entities,
      List<Problem> storyProblems) {
    if (stories.isEmpty()) {
      return Map.of();
    }
    Embedder embedder;
    try (Stats.Timer t = stats.time("load-embedder", 1)) {
      embedder = components.embedder().get();
    }
    EmbeddingCache cache = new EmbeddingCache(embedder, components.records());
    StoryStages stages = new StoryStages(cache);
    Map<String, Entity> entityById = new HashMap<>();
    entities.forEach(e -> entityById.put(e.id(), e));
    Map<String, String> creditNames = StoryStages.creditNames(entities);
    List<Story> order = new ArrayList<>(stories);
    order.sort(
        Comparator.comparingInt((Story s) -> -s.articles().size()).thenComparing(Story::id));
    List<StageRunner.StoryRun> results;
    try (Stats.Timer t = stats.time("stories", order.size())) {
      results =
          workers.map(
              order,
              s ->
                  runner.story(
                      stages, s, articles, annotations, entityById, creditNames,
                      options.storyBudget()));
    }
    stats.count("embed.requested", cache.requested());
    stats.count("embed.embedded", cache.embedded());
    stats.count("embed.kept", cache.kept());
    stats.count("embed.distinct", cache.distinct());
    Map<String, StoryStages.Result> out = new HashMap<>();
    for (int i = 0; i < order.size(); i++) {
      StageRunner.StoryRun run = results.get(i);
      run.problem().ifPresent(storyProblems::add);
      if (run.overBudget()) {
        stats.count("stories.overBudget", 1);
        overBudget.add(order.get(i).id());
      }
      out.put(order.get(i).id(), run.result());
    }
    return out;
  }

  /**
   * Assembles a report: per-story results from {@code fresh} where computed, else from {@code
   * keptProvenance} and {@code keptReconciliation} (for stories that did not change); results of
   * stories that no longer exist are dropped.
   */
  private static Report report(
      int inputs,
      List<Article> articles,
      List<Story> stories,
      List<Problem> problems,
      List<Entity> entities,
      Map<String, Annotations> annotations,
      Map<String, StoryStages.Result> fresh,
      Map<String, Provenance> keptProvenance,
      Map<String, Reconciliation> keptReconciliation) {
    Map<String, Provenance> provenance = new TreeMap<>();
    Map<String, Reconciliation> reconciliation = new TreeMap<>();
    for (Story s : stories) {
      StoryStages.Result r = fresh.get(s.id());
      if (r != null) {
        r.provenance().ifPresent(p -> provenance.put(s.id(), p));
        r.reconciliation().ifPresent(c -> reconciliation.put(s.id(), c));
      } else {
        Provenance p = keptProvenance.get(s.id());
        if (p != null) {
          provenance.put(s.id(), p);
        }
        Reconciliation c = keptReconciliation.get(s.id());
        if (c != null) {
          reconciliation.put(s.id(), c);
        }
      }
    }
    return new Report(
        inputs, articles, stories, problems, entities, annotations, provenance, reconciliation);
  }

  private GroupOptions groupOptions() {
    return GroupOptions.defaults().withThreads(options.threads());
  }

  private static Map<String, Article> byId(List<Article> articles) {
    Map<String, Article> out = new LinkedHashMap<>();
    articles.forEach(a -> out.put(a.id(), a));
    return out;
  }

  @Override
  public void close() {
    workers.close();
    runner.close();
  }
}
