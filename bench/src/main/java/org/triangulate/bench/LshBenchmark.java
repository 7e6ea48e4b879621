package org.triangulate.bench;

import org.triangulate.align.lsh.DatasketchMinHash;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.triangulate.align.lsh.CopyCandidates;
import org.triangulate.align.lsh.LshIndex;
import org.triangulate.align.lsh.MinHasher;
import org.triangulate.align.lsh.Shingles;

/**
 * Copy candidates on one core: articles of about 5 KB (see {@link #articles(int, int, long)}). One
 * operation is one article; the score is articles per second.
 *
 * <ul>
 *   <li>{@code ours}: 5-word shingles, the one-permutation MinHash signature, and the insert into
 *       the {@link LshIndex} (16 band keys and about 70 sampled shingles). The index starts empty
 *       each iteration and grows to a few hundred thousand articles. Target: 20,000 or more.
 *   <li>{@code oursSignature}: shingles and signature only.
 *   <li>{@code baseline}: the datasketch port ({@link DatasketchMinHash}): the same shingles as
 *       strings, SHA-1 per shingle, 128 permutations; no index insert. Target: ours 10 times this
 *       or more.
 * </ul>
 *
 * After each iteration of {@code ours}, the index's memory per article is printed: the exact size
 * of its arrays divided by the articles in it ({@link LshIndex#bytes()}). {@link LshMemory} checks
 * that figure against the heap (target: 1 KiB or less). Recall at equal banding is compared in the
 * core tests ({@code CopyCandidatesTest}). On a 2-vCPU cloud VM shared with other builds: ours
 * about 50,000 articles/s, the baseline about 3,300, index about 900 bytes/article. Run from the
 * project root (it reads {@code examples/hama}):
 *
 * <pre>
 * ./mvnw -q -B -DskipTests -pl bench -am package
 * java -jar bench/target/benchmarks.jar LshBenchmark -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class LshBenchmark {

  @Param({"5000"})
  public int bytes;

  @Param({"10000"})
  public int articles;

  private String[] texts;
  private LshIndex index;
  private Shingles shingles;
  private MinHasher hasher;
  private int[] signature;
  private DatasketchMinHash baseline;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    texts = articles(articles, bytes, 42);
    shingles = new Shingles(CopyCandidates.Params.DEFAULT.k());
    hasher = new MinHasher();
    signature = new int[MinHasher.BINS];
    baseline = new DatasketchMinHash(MinHasher.BINS, 1, CopyCandidates.Params.DEFAULT.k());
  }

  @Setup(Level.Iteration)
  public void freshIndex() {
    index = new LshIndex(CopyCandidates.Params.DEFAULT);
  }

  @TearDown(Level.Iteration)
  public void report() {
    if (index.size() > 0) {
      System.out.printf(
          Locale.ROOT,
          "%n[index: %d articles, %.0f bytes/article held, %.0f used, %.1f entries/article]%n",
          index.size(),
          index.bytes() / (double) index.size(),
          index.usedBytes() / (double) index.size(),
          index.entries() / (double) index.size());
    }
    index = null;
  }

  /** Shingles, signature and LSH insert. */
  @Benchmark
  public int ours() {
    return index.add(texts[next++ % texts.length]);
  }

  /** Shingles and signature, no index. */
  @Benchmark
  public int oursSignature() {
    int n = shingles.hash(texts[next++ % texts.length]);
    hasher.signature(shingles.hashes(), n, signature);
    return signature[0];
  }

  /** The datasketch port: shingle strings, SHA-1 each, 128 universal-hash permutations. */
  @Benchmark
  public long[] baseline() {
    return baseline.signature(texts[next++ % texts.length]);
  }

  /**
   * {@code count} distinct articles of about {@code bytes} UTF-8 bytes: {@link SyntheticArticles}
   * made from the real paragraphs of {@code examples/hama}, with one word in ten then replaced by a
   * random pseudo-word, so that articles share passages (as copies do) without being the same
   * handful of paragraphs over and over.
   */
  static String[] articles(int count, int bytes, long seed) {
    SyntheticArticles source = SyntheticArticles.from(Path.of("examples/hama"), seed);
    Random random = new Random(seed);
    String[] out = new String[count];
    for (int i = 0; i < count; i++) {
      out[i] = perturb(source.next(bytes), random);
    }
    return out;
  }

  static String perturb(String text, Random random) {
    StringBuilder sb = new StringBuilder(text.length() + 64);
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == ' ') {
        if (i > start && random.nextInt(10) == 0) {
          for (int j = 0, n = 3 + random.nextInt(6); j < n; j++) {
            sb.append((char) ('a' + random.nextInt(26)));
          }
        } else {
          sb.append(text, start, i);
        }
        if (i < text.length()) {
          sb.append(' ');
        }
        start = i + 1;
      }
    }
    return sb.toString();
  }
}
