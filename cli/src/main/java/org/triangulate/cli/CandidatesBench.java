package org.triangulate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.triangulate.align.lsh.CopyCandidates;
import org.triangulate.align.lsh.MinHasher;
import org.triangulate.align.lsh.Shingles;
import org.triangulate.ingest.IngestOptions;
import org.triangulate.model.Article;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The copy-candidate stage alone over any input: documents and MB per second, to compare with a
 * peer (datasketch, {@code bench/scripts/datasketch-candidates.py}) on the same texts.
 */
@Command(
    name = "candidates",
    mixinStandardHelpOptions = true,
    description = {
      "Reads the sources once (not timed), then times the copy-candidate stage as the",
      "pipeline runs it: CopyCandidates.find with the default parameters, that is word",
      "5-shingles, the 128-bin MinHash signature, LSH banding (16 bands x 2 rows), the",
      "passage index, and the candidate pairs with their estimates. A pass starts from",
      "the texts and ends with the pairs; passes repeat until both --repeat and",
      "--min-seconds are met, after the warm-up passes. Prints documents, MB of text",
      "(UTF-8 bytes, 10^6 per MB), candidate pairs, seconds per pass (the median),",
      "documents/s and MB/s, CPU seconds, threads and peak heap.",
      "",
      "With --threads N, N threads each run the whole pass at once (as the pipeline",
      "runs the stages of N stories at once): a pass is N times the documents, and",
      "the rates are totals. --export-texts writes the texts timed, for a peer",
      "(bench/scripts/datasketch-candidates.py) to read the same ones.",
      "",
      "Example: java -jar cli/target/triangulate.jar bench candidates --source ../shared/eval/ecbplus-dev/articles.jsonl --export-texts /tmp/texts.jsonl",
      "then:    python3 bench/scripts/datasketch-candidates.py /tmp/texts.jsonl"
    },
    sortOptions = false)
final class CandidatesBench implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Mixin BenchSources source;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "Threads, each running the whole pass (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--repeat", paramLabel = "N", defaultValue = "5", description = "Timed passes, at least (default: ${DEFAULT-VALUE}).")
  int repeat;

  @Option(
      names = "--min-seconds",
      paramLabel = "S",
      defaultValue = "3",
      description = "And timed passes until this many seconds in all (default: ${DEFAULT-VALUE}).")
  double minSeconds;

  @Option(names = "--warmup", paramLabel = "N", defaultValue = "5", description = "Untimed passes first, at least (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(
      names = "--warmup-seconds",
      paramLabel = "S",
      defaultValue = "2",
      description = "And untimed passes until this many seconds (default: ${DEFAULT-VALUE}).")
  double warmupSeconds;

  @Option(
      names = "--parts",
      description = "Also time the parts on one thread: shingling alone, then shingling and signatures.")
  boolean parts;

  @Option(
      names = "--export-texts",
      paramLabel = "FILE.jsonl",
      description = "Write the texts timed, one {\"id\": ..., \"text\": ...} per line (UTF-8), for the peer.")
  Path export;

  /** Nanoseconds of wall-clock time and of the worker threads' CPU time, and the pairs found. */
  private record Pass(long wall, long cpu, int pairs) {}

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (threads < 1 || repeat < 1 || warmup < 0 || minSeconds < 0 || warmupSeconds < 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "need --threads >= 1, --repeat >= 1, --warmup >= 0 and seconds >= 0");
    }
    PrintWriter out = spec.commandLine().getOut();
    List<Article> articles =
        BenchCommand.read(source.paths, Components.ingester(IngestOptions.DEFAULT_MAX_BYTES), Runtime.getRuntime().availableProcessors());
    if (articles.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "no documents in " + source.paths);
    }
    List<String> ids = articles.stream().map(Article::id).toList();
    List<String> texts = articles.stream().map(Article::text).toList();
    long bytes = 0;
    for (String t : texts) {
      bytes += t.getBytes(StandardCharsets.UTF_8).length;
    }
    double mb = bytes / 1e6;
    if (export != null) {
      export(export, ids, texts);
    }
    CopyCandidates.Params p = CopyCandidates.Params.DEFAULT;
    out.printf(Locale.ROOT, "input: %d documents, %.3f MB of text (UTF-8), from %s%n", ids.size(), mb, source.paths);
    out.printf(
        Locale.ROOT,
        "stage: CopyCandidates.find: word %d-shingles, MinHash (%d bins, one permutation), LSH (%d bands x %d rows)"
            + " and the passage index (1 shingle in %d), the pairs with their estimates; %d thread%s%n",
        p.k(), MinHasher.BINS, p.bands(), p.rows(), p.sampleRate(), threads, threads == 1 ? "" : "s");
    out.flush();

    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      int warm = 0;
      long w0 = System.nanoTime();
      while (warm < warmup || System.nanoTime() - w0 < warmupSeconds * 1e9) {
        pass(pool, ids, texts, p);
        warm++;
      }
      System.gc();
      BenchCommand.Group.resetPeaks();
      List<Pass> passes = new ArrayList<>();
      long t0 = System.nanoTime();
      while (passes.size() < repeat || System.nanoTime() - t0 < minSeconds * 1e9) {
        Pass x = pass(pool, ids, texts, p);
        if (!passes.isEmpty() && x.pairs() != passes.get(0).pairs()) {
          throw new IllegalStateException("pair count changed between passes: " + passes.get(0).pairs() + ", then " + x.pairs());
        }
        passes.add(x);
      }
      long peak = BenchCommand.Group.peakHeap();
      double[] wall = passes.stream().mapToDouble(x -> x.wall() / 1e9).sorted().toArray();
      double[] cpu = passes.stream().mapToDouble(x -> x.cpu() / 1e9).sorted().toArray();
      double median = median(wall);
      double cpuMedian = median(cpu);
      long docs = (long) ids.size() * threads;
      out.printf(
          Locale.ROOT,
          "passes: %d timed after %d warm-up: %.6f s per pass (median; best %.6f, mean %.6f)%n",
          passes.size(), warm, median, wall[0], Arrays.stream(wall).average().orElse(0));
      out.printf(Locale.ROOT, "result: %d candidate pairs%n", passes.get(0).pairs());
      out.printf(
          Locale.ROOT,
          "rate: %,.0f documents/s, %,.2f MB/s (median pass, %d thread%s)%n",
          docs / median, mb * threads / median, threads, threads == 1 ? "" : "s");
      out.printf(
          Locale.ROOT,
          "cpu: %.6f s per pass (median, the %d thread%s): %,.0f documents, %,.2f MB per CPU second%n",
          cpuMedian, threads, threads == 1 ? "" : "s", docs / cpuMedian, mb * threads / cpuMedian);
      out.printf(
          Locale.ROOT,
          "memory: peak heap %,d MB (timed passes, the texts included; max heap %,d MB)%n",
          peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
      out.flush();
      if (parts) {
        parts(out, texts, p.k(), passes.size(), median);
      }
    } finally {
      pool.shutdownNow();
    }
    out.flush();
    return 0;
  }

  /**
   * One pass: each of the {@code threads} runs {@code CopyCandidates.find} over all the documents;
   * with one thread, this thread runs it (no hand-off in the time).
   */
  private Pass pass(ExecutorService pool, List<String> ids, List<String> texts, CopyCandidates.Params p)
      throws InterruptedException {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    if (threads == 1) {
      long t0 = System.nanoTime();
      long c0 = mx.getCurrentThreadCpuTime();
      int n = CopyCandidates.find(ids, texts, p).size();
      long cpu = mx.getCurrentThreadCpuTime() - c0;
      return new Pass(System.nanoTime() - t0, cpu, n);
    }
    List<Callable<long[]>> tasks = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      tasks.add(() -> {
        long c0 = mx.getCurrentThreadCpuTime();
        int n = CopyCandidates.find(ids, texts, p).size();
        return new long[] {mx.getCurrentThreadCpuTime() - c0, n};
      });
    }
    long t0 = System.nanoTime();
    List<Future<long[]>> done = pool.invokeAll(tasks);
    long wall = System.nanoTime() - t0;
    long cpu = 0;
    int pairs = -1;
    for (Future<long[]> f : done) {
      try {
        long[] r = f.get();
        cpu += r[0];
        if (pairs >= 0 && pairs != r[1]) {
          throw new IllegalStateException("threads found different pair counts: " + pairs + " and " + r[1]);
        }
        pairs = (int) r[1];
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      }
    }
    return new Pass(wall, cpu, pairs);
  }

  /**
   * On this thread: shingling alone, then shingling and signatures, each over as many passes as
   * were timed; the rest of the median pass is banding, the passage index and the pairs.
   */
  private static void parts(PrintWriter out, List<String> texts, int k, int passes, double whole) {
    Shingles shingles = new Shingles(k);
    MinHasher hasher = new MinHasher();
    int[] signature = new int[MinHasher.BINS];
    long count = 0;
    double[] alone = new double[passes];
    double[] signed = new double[passes];
    for (int warm = 0; warm < 2; warm++) {
      for (int r = 0; r < passes; r++) {
        long t0 = System.nanoTime();
        count = 0;
        for (String t : texts) {
          count += shingles.hash(t);
        }
        long t1 = System.nanoTime();
        for (String t : texts) {
          int n = shingles.hash(t);
          hasher.signature(shingles.hashes(), n, signature);
        }
        long t2 = System.nanoTime();
        alone[r] = (t1 - t0) / 1e9;
        signed[r] = (t2 - t1) / 1e9;
      }
    }
    Arrays.sort(alone);
    Arrays.sort(signed);
    double s = median(alone);
    double m = median(signed);
    out.printf(
        Locale.ROOT,
        "parts (median pass, one thread): shingling %.6f s (%.0f%%; %,d shingles), signatures %.6f s (%.0f%%),"
            + " banding, passage index and pairs %.6f s (%.0f%%)%n",
        s, 100 * s / whole, count, m - s, 100 * (m - s) / whole, whole - m, 100 * (whole - m) / whole);
    out.flush();
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** Writes {@code {"id": ..., "text": ...}} per line, UTF-8. */
  private static void export(Path file, List<String> ids, List<String> texts) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < ids.size(); i++) {
        ObjectNode row = json.createObjectNode();
        row.put("id", ids.get(i));
        row.put("text", texts.get(i));
        w.write(json.writeValueAsString(row));
        w.write('\n');
      }
    }
  }
}
