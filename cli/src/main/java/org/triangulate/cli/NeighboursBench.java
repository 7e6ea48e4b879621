package org.triangulate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import org.triangulate.align.Embedder;
import org.triangulate.align.lsh.CopyCandidates;
import org.triangulate.align.nn.ParaphraseCandidates;
import org.triangulate.ingest.IngestOptions;
import org.triangulate.ingest.Ingester;
import org.triangulate.model.Article;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Paraphrase candidates over real articles with planted rewrites: embedding and index rates,
 * index memory, recall on the planted pairs against MinHash alone, candidates per article.
 */
@Command(
    name = "neighbours",
    mixinStandardHelpOptions = true,
    description = {
      "Finds paraphrase candidates (sentence embeddings, random-hyperplane LSH, exact cosine)",
      "among real articles plus planted rewrites of some of them (synonyms and word swaps, see",
      "WordSwaps), and prints: sentences embedded per second, the index alone (signatures,",
      "banding, checking) in sentences per second given the vectors, articles per second end to",
      "end, index and vector bytes per article, the recall of the known and planted pairs by",
      "these candidates and by MinHash copy candidates alone, and candidates per article.",
      "",
      "Example: ./triangulate bench neighbours --articles 777 --planted 100 --gold ../shared/eval/ecbplus-dev/gold.tsv"
    },
    sortOptions = false)
final class NeighboursBench implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--articles",
      paramLabel = "N",
      defaultValue = "400",
      description = "Real articles, the known pairs' first, then in id order (default: ${DEFAULT-VALUE}).")
  int count;

  @Option(
      names = "--source",
      paramLabel = "PATH",
      defaultValue = "examples/hama,../shared/eval/ecbplus-dev/articles.jsonl",
      split = ",",
      description = "Real articles (any input analyze reads; default: ${DEFAULT-VALUE}).")
  List<String> sources;

  @Option(
      names = "--known",
      paramLabel = "A:B",
      defaultValue = "000_5f845e8b32303230:001_558042633266138b",
      split = ",",
      description = "Known translation pairs among the sources (default: ${DEFAULT-VALUE}, Hama).")
  List<String> known;

  @Option(names = "--planted", defaultValue = "50", description = "Planted rewrites (default: ${DEFAULT-VALUE}).")
  int planted;

  @Option(
      names = "--swap-rate",
      defaultValue = "0.6",
      description = "Chance that a word of a rewrite trades places with the next (default: ${DEFAULT-VALUE}: no five-word phrase left).")
  double swapRate;

  @Option(names = "--rounds", defaultValue = "5", description = "Timed rounds of the index alone (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--exact", description = "Also compare every pair of sentences, for the recall of the LSH.")
  boolean exact;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the planted rewrites (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--gold",
      paramLabel = "GOLD.tsv",
      description = "Columns id and event (as score reads): split the candidates into pairs of one event and of two.")
  Path gold;

  /** Times the embedder and keeps each text's vector. */
  private static final class Timed implements Embedder {
    final Embedder inner;
    final Map<String, float[]> vectors = new HashMap<>();
    long nanos;
    int sentences;

    Timed(Embedder inner) {
      this.inner = inner;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
      long t0 = System.nanoTime();
      List<float[]> out = inner.embed(texts);
      nanos += System.nanoTime() - t0;
      sentences += texts.size();
      for (int i = 0; i < texts.size(); i++) {
        vectors.put(texts.get(i), out.get(i));
      }
      return out;
    }

    @Override
    public int dimensions() {
      return inner.dimensions();
    }
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ParaphraseCandidates.Params p = ParaphraseCandidates.Params.DEFAULT;
    List<Article> real = new ArrayList<>(BenchCommand.read(sources, new Ingester(IngestOptions.basic()), 2));
    real.sort(Comparator.comparing(Article::id));
    Set<String> knownIds = new TreeSet<>();
    List<String[]> knownPairs = new ArrayList<>();
    for (String k : known) {
      String[] ab = k.split(":");
      if (ab.length != 2) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--known wants A:B: " + k);
      }
      knownPairs.add(ab);
      knownIds.addAll(List.of(ab));
    }
    List<String> ids = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (Article a : real) {
      if (knownIds.contains(a.id())) {
        ids.add(a.id());
        texts.add(a.text());
      }
    }
    if (ids.size() != knownIds.size()) {
      knownPairs.removeIf(ab -> !ids.contains(ab[0]) || !ids.contains(ab[1]));
    }
    for (Article a : real) {
      if (ids.size() >= count) {
        break;
      }
      if (!knownIds.contains(a.id())) {
        ids.add(a.id());
        texts.add(a.text());
      }
    }
    List<Integer> bases = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      if (!knownIds.contains(ids.get(i))
          && ParaphraseCandidates.sentences(texts.get(i), p).size() > p.shortArticle()) {
        bases.add(i);
      }
    }
    Collections.shuffle(bases, new Random(seed));
    WordSwaps swaps = new WordSwaps(swapRate, seed);
    List<String[]> plantedPairs = new ArrayList<>();
    int realCount = ids.size();
    for (int b : bases.subList(0, Math.min(planted, bases.size()))) {
      String id = ids.get(b) + "~rewrite";
      plantedPairs.add(new String[] {ids.get(b), id});
      ids.add(id);
      texts.add(swaps.paraphrase(texts.get(b)));
    }
    out.printf(
        Locale.ROOT,
        "articles: %d real from %s, %d planted rewrites (swap rate %.2f); %d cores%n",
        realCount, sources, plantedPairs.size(), swapRate, Runtime.getRuntime().availableProcessors());

    Timed embedder = new Timed(Components.embedder());
    embedder.inner.embed(ParaphraseCandidates.sentences(texts.get(0), p)); // warm-up
    long t0 = System.nanoTime();
    long cpu0 = processCpu();
    ParaphraseCandidates.Result r = ParaphraseCandidates.find(ids, texts, embedder, p);
    double total = (System.nanoTime() - t0) / 1e9;
    double cpu = (processCpu() - cpu0) / 1e9;
    double embedding = embedder.nanos / 1e9;
    out.printf(
        Locale.ROOT,
        "end to end: %d articles, %,d sentences (%,d distinct) in %.1f s: %.1f articles/s (%.1f per CPU second);"
            + " embedding %.1f s (%.0f%%): %,.0f sentences/s%n",
        ids.size(), r.sentences(), r.distinct(), total, ids.size() / total, ids.size() / cpu, embedding,
        100 * embedding / total, embedder.sentences / embedding);

    List<List<float[]>> vectors = new ArrayList<>();
    for (String t : texts) {
      vectors.add(ParaphraseCandidates.sentences(t, p).stream().map(embedder.vectors::get).toList());
    }
    ParaphraseCandidates.find(ids, vectors, p); // warm-up
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long t1 = System.nanoTime();
    long c1 = threads.getCurrentThreadCpuTime();
    ParaphraseCandidates.Result byVectors = null;
    for (int i = 0; i < rounds; i++) {
      byVectors = ParaphraseCandidates.find(ids, vectors, p);
    }
    double index = (System.nanoTime() - t1) / 1e9 / rounds;
    double indexCpu = (threads.getCurrentThreadCpuTime() - c1) / 1e9 / rounds;
    out.printf(
        Locale.ROOT,
        "index alone (given the vectors; %d bands x %d bits, cosine >= %.2f), one thread: %.3f s, %.3f CPU s:"
            + " %,.0f sentences per CPU second; %,d sentence pairs checked (%.2f%% of all), %,d matched%n",
        p.bands(), p.rows(), p.threshold(), index, indexCpu, byVectors.sentences() / indexCpu, byVectors.checked(),
        100.0 * byVectors.checked() / ((double) byVectors.sentences() * (byVectors.sentences() - 1) / 2),
        byVectors.matches());
    out.printf(
        Locale.ROOT,
        "memory per article: index %,.0f bytes (signatures and sentence table; %.0f per sentence),"
            + " vectors while searching %,.0f bytes%n",
        r.indexBytes() / (double) ids.size(), r.indexBytes() / (double) r.distinct(),
        r.vectorBytes() / (double) ids.size());

    Set<String> paraphrase = new HashSet<>();
    r.pairs().forEach(x -> paraphrase.add(x.a() + "\u0000" + x.b()));
    Set<String> copies = new HashSet<>();
    CopyCandidates.find(ids, texts, CopyCandidates.Params.DEFAULT)
        .forEach(x -> copies.add(x.a() + "\u0000" + x.b()));
    for (String[] k : knownPairs) {
      String key = key(k[0], k[1]);
      ParaphraseCandidates.Pair hit =
          r.pairs().stream().filter(x -> key.equals(x.a() + "\u0000" + x.b())).findFirst().orElse(null);
      out.printf(
          Locale.ROOT,
          "known pair %s / %s: paraphrase candidate %s, MinHash candidate %s%n",
          k[0], k[1],
          hit == null ? "no" : String.format(Locale.ROOT, "yes (%d sentences matched, best cosine %.3f)", hit.matched(), hit.best()),
          copies.contains(key) ? "yes" : "no");
    }
    int byParaphrase = 0;
    int byCopies = 0;
    int byEither = 0;
    Set<String> plantedKeys = new HashSet<>();
    for (String[] k : plantedPairs) {
      String key = key(k[0], k[1]);
      plantedKeys.add(key);
      byParaphrase += paraphrase.contains(key) ? 1 : 0;
      byCopies += copies.contains(key) ? 1 : 0;
      byEither += paraphrase.contains(key) || copies.contains(key) ? 1 : 0;
    }
    int n = Math.max(1, plantedPairs.size());
    out.printf(
        Locale.ROOT,
        "planted rewrites: recall %.3f by paraphrase candidates, %.3f by MinHash alone, %.3f by both (%d pairs)%n",
        byParaphrase / (double) n, byCopies / (double) n, byEither / (double) n, plantedPairs.size());
    long other = r.pairs().stream().filter(x -> !plantedKeys.contains(x.a() + "\u0000" + x.b())).count();
    long otherNew = r.pairs().stream()
        .map(x -> x.a() + "\u0000" + x.b())
        .filter(x -> !plantedKeys.contains(x) && !copies.contains(x))
        .count();
    out.printf(
        Locale.ROOT,
        "candidates: %,d paraphrase pairs (%.3f per article), %,d besides the planted, %,d of them not MinHash"
            + " candidates; %,d MinHash pairs%n",
        r.pairs().size(), r.pairs().size() / (double) ids.size(), other, otherNew, copies.size());
    if (gold != null) {
      Map<String, String> events = events(gold);
      int same = 0;
      int different = 0;
      int unknown = 0;
      for (ParaphraseCandidates.Pair x : r.pairs()) {
        String ea = events.get(x.a().replace("~rewrite", ""));
        String eb = events.get(x.b().replace("~rewrite", ""));
        if (plantedKeys.contains(x.a() + "\u0000" + x.b())) {
          continue;
        } else if (ea == null || eb == null) {
          unknown++;
        } else if (ea.equals(eb)) {
          same++;
        } else {
          different++;
        }
      }
      out.printf(
          Locale.ROOT,
          "candidates besides the planted, by %s: %,d of one event, %,d of two events, %,d not in it%n",
          gold, same, different, unknown);
    }
    if (exact) {
      exactRecall(out, ids, texts, embedder.vectors, p, r);
    }
    out.flush();
    return 0;
  }

  /** The {@code event} of each {@code id} of a gold file. */
  private Map<String, String> events(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      List<String> header = List.of(lines.get(0).split("\t"));
      int id = header.indexOf("id");
      int event = header.indexOf("event");
      if (id < 0 || event < 0) {
        throw new CommandLine.ParameterException(spec.commandLine(), file + " needs columns 'id' and 'event'");
      }
      Map<String, String> out = new HashMap<>();
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split("\t");
        if (f.length > Math.max(id, event)) {
          out.put(f[id], f[event]);
        }
      }
      return out;
    } catch (IOException | IndexOutOfBoundsException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "cannot read " + file + ": " + e.getMessage());
    }
  }

  /** CPU time of the whole process (all threads, the embedder's too), in nanoseconds. */
  private static long processCpu() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }

  private static String key(String a, String b) {
    return a.compareTo(b) < 0 ? a + "\u0000" + b : b + "\u0000" + a;
  }

  /**
   * Every pair of distinct sentences of different articles compared exactly, and the article
   * pairs that this would make candidates (fan-out aside): the recall of the LSH.
   */
  private static void exactRecall(
      PrintWriter out, List<String> ids, List<String> texts, Map<String, float[]> vectors,
      ParaphraseCandidates.Params p,
      ParaphraseCandidates.Result r) {
    Map<String, TreeSet<Integer>> articles = new TreeMap<>();
    int[] eligible = new int[ids.size()];
    for (int i = 0; i < texts.size(); i++) {
      for (String s : new TreeSet<>(ParaphraseCandidates.sentences(texts.get(i), p))) {
        articles.computeIfAbsent(s, x -> new TreeSet<>()).add(i);
        eligible[i]++;
      }
    }
    int n = articles.size();
    int dims = vectors.values().iterator().next().length;
    float[] flat = new float[n * dims];
    int[][] arts = new int[n][];
    int u = 0;
    for (Map.Entry<String, TreeSet<Integer>> e : articles.entrySet()) {
      System.arraycopy(vectors.get(e.getKey()), 0, flat, u * dims, dims);
      arts[u++] = e.getValue().stream().mapToInt(Integer::intValue).toArray();
    }
    Map<Long, Set<Integer>[]> sides = new HashMap<>();
    BiConsumer<int[], int[]> link = (xy, ab) -> {
      int a = Math.min(ab[0], ab[1]);
      int b = Math.max(ab[0], ab[1]);
      @SuppressWarnings("unchecked")
      Set<Integer>[] sets = sides.computeIfAbsent(((long) a << 32) | b, k -> new Set[] {new HashSet<>(), new HashSet<>()});
      sets[0].add(ab[0] == a ? xy[0] : xy[1]);
      sets[1].add(ab[0] == a ? xy[1] : xy[0]);
    };
    long matches = 0;
    for (int x = 0; x < n; x++) {
      for (int i = 0; i < arts[x].length; i++) {
        for (int j = i + 1; j < arts[x].length; j++) {
          link.accept(new int[] {x, x}, new int[] {arts[x][i], arts[x][j]});
        }
      }
      for (int y = x + 1; y < n; y++) {
        if (arts[x].length == 1 && arts[y].length == 1 && arts[x][0] == arts[y][0]) {
          continue;
        }
        double d = 0;
        for (int i = 0, ox = x * dims, oy = y * dims; i < dims; i++) {
          d += (double) flat[ox + i] * flat[oy + i];
        }
        if (d >= p.threshold()) {
          matches++;
          for (int a : arts[x]) {
            for (int b : arts[y]) {
              if (a != b) {
                link.accept(new int[] {x, y}, new int[] {a, b});
              }
            }
          }
        }
      }
    }
    Set<String> found = new HashSet<>();
    r.pairs().forEach(x -> found.add(x.a() + "\u0000" + x.b()));
    int exhaustive = 0;
    int hit = 0;
    for (Map.Entry<Long, Set<Integer>[]> e : sides.entrySet()) {
      int a = (int) (e.getKey() >>> 32);
      int b = (int) (long) e.getKey();
      int matched = Math.min(e.getValue()[0].size(), e.getValue()[1].size());
      if (matched >= (Math.min(eligible[a], eligible[b]) <= p.shortArticle() ? 1 : p.minMatched())) {
        exhaustive++;
        hit += found.contains(key(ids.get(a), ids.get(b))) ? 1 : 0;
      }
    }
    out.printf(
        Locale.ROOT,
        "exact: %,d sentence pairs at cosine >= %.2f, %,d found by the LSH (recall %.3f);"
            + " %,d article pairs by comparing every sentence pair, %,d of them found (recall %.3f)%n",
        matches, p.threshold(), r.matches(), r.matches() / (double) Math.max(1, matches),
        exhaustive, hit, hit / (double) Math.max(1, exhaustive));
  }
}
