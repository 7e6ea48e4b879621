package org.triangulate.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.triangulate.eval.ClusterScores;
import org.triangulate.group.GroupOptions;
import org.triangulate.group.StoryGrouper;
import org.triangulate.ingest.Corpus;
import org.triangulate.ingest.IngestOptions;
import org.triangulate.ingest.Inputs;
import org.triangulate.model.Article;
import org.triangulate.model.Story;
import org.triangulate.synth.SyntheticCorpus;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code triangulate bench}: figures for the stages that must keep up with volume. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Prints performance figures. Run with a large heap: TRIANGULATE_JAVA_OPTS=-Xmx8g",
    subcommands = {
      BenchCommand.Group.class,
      BenchCommand.Annotate.class,
      BenchCommand.Align.class,
      CandidatesBench.class,
      PipelineBench.class,
      NeighboursBench.class
    })
final class BenchCommand implements Runnable {

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing a benchmark: group, annotate, align, candidates, neighbours or pipeline");
  }

  /** The articles of the benchmark's real sources. */
  static List<Article> read(List<String> sources, org.triangulate.ingest.Ingester ingester, int threads) {
    Inputs.Expansion ex = Inputs.expand(sources, Path.of("").toAbsolutePath());
    try (org.triangulate.pipeline.WorkerPool workers = new org.triangulate.pipeline.WorkerPool(threads)) {
      return Corpus.ingest(ex.inputs(), ingester, workers, Corpus.Progress.none()).articles();
    }
  }

  /** Groups synthetic corpora of growing size and prints the time, the rate and the heap. */
  @Command(
      name = "group",
      mixinStandardHelpOptions = true,
      description = {
        "Generates corpora of synthetic events from real sentences (see SyntheticCorpus), groups",
        "them into stories, and prints for each size: seconds, articles per second, peak heap, and",
        "the ARI and B-cubed F1 of the grouping against the generated events.",
        "",
        "Example: TRIANGULATE_JAVA_OPTS=-Xmx8g ./triangulate bench group --articles 10000,100000,1000000"
      },
      sortOptions = false)
  static final class Group implements Callable<Integer> {

    @Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--articles",
        split = ",",
        paramLabel = "N",
        defaultValue = "10000,100000",
        description = "Corpus sizes to run (default: ${DEFAULT-VALUE}).")
    List<Integer> sizes;

    @Option(
        names = "--source",
        paramLabel = "PATH",
        defaultValue = "examples/hama",
        description =
            "Real articles whose sentences are recombined (any input analyze reads; default: ${DEFAULT-VALUE}).")
    List<String> sources;

    @Option(names = "--chars", defaultValue = "3000", description = "Mean article length (default: ${DEFAULT-VALUE}).")
    int chars;

    @Option(names = "--threads", paramLabel = "N", description = "Grouping threads (default: the number of cores).")
    Integer threads;

    @Option(names = "--seed", defaultValue = "42", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
      List<Article> real = read(sources, new org.triangulate.ingest.Ingester(IngestOptions.basic()), n);
      out.printf(
          Locale.ROOT,
          "sources: %d articles from %s; %d cores, max heap %,d MB, %d grouping threads%n",
          real.size(),
          sources,
          Runtime.getRuntime().availableProcessors(),
          Runtime.getRuntime().maxMemory() >> 20,
          n);
      out.printf(
          Locale.ROOT,
          "%12s %10s %10s %14s %10s %10s %8s %8s %12s%n",
          "articles", "gen s", "group s", "articles/s", "stories", "events", "ARI", "B3 F1", "peak heap MB");
      out.flush();
      for (int size : sizes) {
        SyntheticCorpus gen = SyntheticCorpus.from(real, seed, chars);
        long t0 = System.nanoTime();
        List<SyntheticCorpus.Item> items = gen.next(size);
        List<Article> articles = new ArrayList<>(items.size());
        Map<String, String> gold = new HashMap<>(items.size() * 2);
        for (SyntheticCorpus.Item i : items) {
          articles.add(i.article());
          gold.put(i.article().id(), i.event());
        }
        items = null;
        long t1 = System.nanoTime();
        System.gc();
        resetPeaks();
        long t2 = System.nanoTime();
        List<Story> stories;
        try (org.triangulate.pipeline.WorkerPool workers = new org.triangulate.pipeline.WorkerPool(n)) {
          stories = new StoryGrouper(GroupOptions.defaults().withThreads(n), workers).group(articles);
        }
        long t3 = System.nanoTime();
        long peak = peakHeap();
        Map<String, String> predicted = new HashMap<>(articles.size() * 2);
        for (Story s : stories) {
          for (String id : s.articles()) {
            predicted.put(id, s.id());
          }
        }
        ClusterScores score = ClusterScores.of(predicted, gold);
        double seconds = (t3 - t2) / 1e9;
        out.printf(
            Locale.ROOT,
            "%,12d %10.1f %10.1f %,14.0f %,10d %,10d %8.4f %8.4f %,12d%n",
            size,
            (t1 - t0) / 1e9,
            seconds,
            size / seconds,
            stories.size(),
            gold.values().stream().distinct().count(),
            score.ari(),
            score.f1(),
            peak >> 20);
        out.flush();
      }
      return 0;
    }

    static void resetPeaks() {
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          pool.resetPeakUsage();
        }
      }
    }

    static long peakHeap() {
      long sum = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          sum += pool.getPeakUsage().getUsed();
        }
      }
      return sum;
    }
  }

  /** Annotates real articles with the shipped models and prints the rate and the heap. */
  @Command(
      name = "annotate",
      mixinStandardHelpOptions = true,
      description = {
        "Loads the annotate stage's models once, warms up, then annotates real articles (repeated",
        "to the count asked for) and prints: model load seconds, articles, mean tokens per article,",
        "seconds, articles and tokens per second, the rate for articles of 700 tokens, peak heap,",
        "and the annotator's counters. CoreNLP does not read again a line it has read, so give a",
        "source with at least as many articles as asked for: repeats cost almost nothing.",
        "",
        "Example: TRIANGULATE_JAVA_OPTS=-Xmx2g ./triangulate bench annotate",
        "  --source ../shared/eval/ecbplus-dev/articles.jsonl --articles 200 --threads 2"
      },
      sortOptions = false)
  static final class Annotate implements Callable<Integer> {

    private static final java.util.regex.Pattern TOKEN =
        java.util.regex.Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?|[^\\s\\p{L}\\p{N}]");

    @Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--articles", defaultValue = "200", description = "Articles to annotate (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(
        names = "--source",
        paramLabel = "PATH",
        defaultValue = "examples/hama",
        description = "Real articles to annotate (any input analyze reads; default: ${DEFAULT-VALUE}).")
    List<String> sources;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: the number of cores).")
    Integer threads;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
      List<Article> real = read(sources, Components.ingester(IngestOptions.DEFAULT_MAX_BYTES), n);
      if (real.isEmpty()) {
        throw new CommandLine.ParameterException(spec.commandLine(), "no articles in " + sources);
      }
      List<Article> articles = new ArrayList<>(count);
      long tokens = 0;
      for (int i = 0; i < count; i++) {
        Article a = real.get(i % real.size());
        articles.add(a.withId(String.format(Locale.ROOT, "%s~%06d", a.id(), i)));
        tokens += TOKEN.matcher(a.text()).results().count();
      }
      long t0 = System.nanoTime();
      org.triangulate.annotate.Annotator annotator = Components.annotator();
      long t1 = System.nanoTime();
      long t2;
      long t3;
      Map<String, Long> countersWere;
      try (org.triangulate.pipeline.WorkerPool workers = new org.triangulate.pipeline.WorkerPool(n)) {
        List<Article> warm = articles.subList(0, Math.min(articles.size(), 4 * n));
        annotator.link(List.of(), workers.map(warm, a -> annotator.read(a, java.util.Optional.empty())));
        System.gc();
        Group.resetPeaks();
        countersWere = annotator.counters();
        t2 = System.nanoTime();
        annotator.link(List.of(), workers.map(articles, a -> annotator.read(a, java.util.Optional.empty())));
        t3 = System.nanoTime();
      }
      Map<String, Long> counters = new TreeMap<>(annotator.counters());
      counters.replaceAll((k, v) -> v - countersWere.getOrDefault(k, 0L));
      double seconds = (t3 - t2) / 1e9;
      double meanTokens = tokens / (double) count;
      out.printf(
          Locale.ROOT,
          "sources: %d articles from %s; %d cores, max heap %,d MB, %d threads%n",
          real.size(), sources, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, n);
      out.printf(
          Locale.ROOT,
          "model load %.1f s; %d articles, %.0f tokens each on average, %.1f s: %.2f articles/s, %,.0f tokens/s,"
              + " %.2f articles/s at 700 tokens; peak heap %,d MB%n",
          (t1 - t0) / 1e9, count, meanTokens, seconds, count / seconds, tokens / seconds,
          tokens / seconds / 700.0, Group.peakHeap() >> 20);
      out.printf(Locale.ROOT, "counters: %s%n", counters);
      if (count > real.size()) {
        // CoreNLP keeps the reading of every line it has read (CoreNlp.parse): a repeat is nearly free.
        out.printf(
            Locale.ROOT,
            "note: %,d of the %,d articles repeat the %,d of the source, and lines read before are"
                + " not read again (annotate.lines.reused): give a source of at least %,d articles for"
                + " the speed of reading new text%n",
            count - real.size(), count, real.size(), count);
      }
      out.flush();
      return 0;
    }
  }

  /** Aligns every pair of real articles, over and over, and prints article pairs per second. */
  @Command(
      name = "align",
      mixinStandardHelpOptions = true,
      description = {
        "Aligns every pair of the source articles on one thread, over and over, with the embedding",
        "judge and with the lexical judge alone, and prints article pairs per second.",
        "",
        "As the align stage does per story, each article is read (sentences, words, the judge's",
        "view of each sentence) and its sentences embedded once, then reused for all its pairs.",
        "That per-article work is timed on its own, and a second figure per judge counts it too:",
        "pairs per second when every round reads and embeds the articles again (the sources as one",
        "story). Figures are per second of wall-clock time, and per second of CPU time: the CPU",
        "time of the one thread that reads and aligns, and, for embedding, of all the process's",
        "threads (the embedder runs on every core).",
        "",
        "Example: ./triangulate bench align --rounds 200"
      },
      sortOptions = false)
  static final class Align implements Callable<Integer> {

    @Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--source",
        paramLabel = "PATH",
        defaultValue = "examples/hama",
        description = "Articles to align pairwise (any input analyze reads; default: ${DEFAULT-VALUE}).")
    List<String> sources;

    @Option(names = "--rounds", defaultValue = "20", description = "Times over all pairs (default: ${DEFAULT-VALUE}).")
    int rounds;

    /** Nanoseconds of wall-clock time, of this thread's CPU time and of the process's. */
    private record Cost(long wall, long thread, long process) {
      Cost minus(Cost o) {
        return new Cost(wall - o.wall, thread - o.thread, process - o.process);
      }

      Cost dividedBy(int n) {
        return new Cost(wall / n, thread / n, process / n);
      }

      static Cost now() {
        return new Cost(System.nanoTime(), ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime(), processCpuTime());
      }
    }

    @Override
    public Integer call() {
      if (rounds < 1) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--rounds must be >= 1: " + rounds);
      }
      PrintWriter out = spec.commandLine().getOut();
      List<Article> real = read(sources, new org.triangulate.ingest.Ingester(IngestOptions.basic()), 1);
      if (real.size() < 2) {
        throw new CommandLine.ParameterException(spec.commandLine(), "need two articles or more in " + sources);
      }
      org.triangulate.align.Embedder embedder = Components.embedder();
      int pairs = real.size() * (real.size() - 1) / 2;
      List<List<String>> sentences = new ArrayList<>();
      for (Article a : real) {
        sentences.add(org.triangulate.text.TextUnits.sentences(a.text()).stream().map(sp -> sp.of(a.text())).toList());
      }
      out.printf(
          Locale.ROOT,
          "sources: %d articles (%d sentences, %d pairs) from %s; reading and alignment on one thread%n",
          real.size(), sentences.stream().mapToInt(List::size).sum(), pairs, sources);

      // Per-article work: reading is quick, timed over many rounds after as many to warm up;
      // embedding is slow, timed over a few after one.
      int readRounds = Math.max(rounds, 20);
      timed(() -> prepare(real, null), readRounds);
      Cost read = timed(() -> prepare(real, null), readRounds);
      sentences.forEach(embedder::embed);
      Cost embed = timed(() -> sentences.forEach(embedder::embed), Math.min(rounds, 3));
      out.printf(
          Locale.ROOT,
          "per article, once: reading %.2f ms (%.2f ms CPU); embedding its sentences %.1f ms (%.1f ms CPU, all threads)%n",
          read.wall() / 1e6 / real.size(), read.thread() / 1e6 / real.size(),
          embed.wall() / 1e6 / real.size(), embed.process() / 1e6 / real.size());

      List<org.triangulate.align.PairAligner.Side> withVectors = prepare(real, embedder);
      List<org.triangulate.align.PairAligner.Side> lexical = prepare(real, null);
      Cost readAndEmbed = new Cost(read.wall() + embed.wall(), read.thread() + embed.process(), 0);
      run(out, "embedding judge", new org.triangulate.align.PairAligner(Components.judge()), withVectors,
          readAndEmbed, "read and embedded");
      run(out, "lexical judge", new org.triangulate.align.PairAligner(org.triangulate.align.SentenceJudge.lexical()),
          lexical, read, "read");
      return 0;
    }

    /** Each article read for alignment, its sentences embedded when {@code embedder} is given. */
    private static List<org.triangulate.align.PairAligner.Side> prepare(
        List<Article> articles, org.triangulate.align.Embedder embedder) {
      List<org.triangulate.align.PairAligner.Side> sides = new ArrayList<>();
      for (Article a : articles) {
        List<org.triangulate.model.Span> sentences = org.triangulate.text.TextUnits.sentences(a.text());
        List<float[]> vectors = null;
        if (embedder != null) {
          vectors = embedder.embed(sentences.stream().map(sp -> sp.of(a.text())).toList());
        }
        sides.add(new org.triangulate.align.PairAligner.Side(a.id(), a.text(), sentences, vectors));
      }
      return sides;
    }

    /** The mean cost of one run of {@code work}. */
    private static Cost timed(Runnable work, int times) {
      Cost t0 = Cost.now();
      for (int i = 0; i < times; i++) {
        work.run();
      }
      return Cost.now().minus(t0).dividedBy(times);
    }

    /**
     * Aligns all pairs {@code rounds} times and prints the rates, without and with {@code perRound}
     * (wall time, and CPU time in {@code thread}).
     */
    private void run(
        PrintWriter out,
        String what,
        org.triangulate.align.PairAligner aligner,
        List<org.triangulate.align.PairAligner.Side> sides,
        Cost perRound,
        String prepared) {
      pairs(aligner, sides, Math.max(rounds, 20)); // warm-up
      Cost t0 = Cost.now();
      int n = pairs(aligner, sides, rounds);
      Cost c = Cost.now().minus(t0);
      out.printf(
          Locale.ROOT,
          "%s: %,d article pairs in %.2f s (%.2f s CPU): %,.0f pairs/s, %,.0f pairs per CPU second;"
              + " with the articles %s again each round: %,.0f pairs/s, %,.0f per CPU second%n",
          what, n, c.wall() / 1e9, c.thread() / 1e9, n / (c.wall() / 1e9), n / (c.thread() / 1e9), prepared,
          n / ((c.wall() + rounds * perRound.wall()) / 1e9), n / ((c.thread() + rounds * perRound.thread()) / 1e9));
      out.flush();
    }

    private static int pairs(org.triangulate.align.PairAligner aligner, List<org.triangulate.align.PairAligner.Side> sides, int rounds) {
      int n = 0;
      for (int r = 0; r < rounds; r++) {
        for (int i = 0; i < sides.size(); i++) {
          for (int j = i + 1; j < sides.size(); j++) {
            aligner.align(sides.get(i), sides.get(j));
            n++;
          }
        }
      }
      return n;
    }

    /** CPU time of the whole process (all threads), or -1 where the JVM cannot tell. */
    private static long processCpuTime() {
      if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
        return os.getProcessCpuTime();
      }
      return -1;
    }
  }
}
