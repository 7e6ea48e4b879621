package org.triangulate.bench;

import java.util.Locale;
import java.util.Random;
import org.triangulate.align.lsh.CopyCandidates;
import org.triangulate.align.lsh.LshIndex;

/**
 * The copy-candidate index's memory per article, two ways: the exact size of its arrays ({@link
 * LshIndex#bytes()}), and the growth of the used heap after full GCs while {@code n} articles of
 * about 5 KB are added (the texts are made on the fly and dropped, so only the index stays). Run
 * from the project root:
 *
 * <pre>
 * java -Xmx4g -cp bench/target/benchmarks.jar org.triangulate.bench.LshMemory 100000
 * </pre>
 */
public final class LshMemory {

  private LshMemory() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int bytes = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
    SyntheticArticles source = SyntheticArticles.from(java.nio.file.Path.of("examples/hama"), 42);
    Random random = new Random(42);
    long before = usedHeap();
    LshIndex index = new LshIndex(CopyCandidates.Params.DEFAULT);
    long chars = 0;
    for (int i = 0; i < n; i++) {
      String text = LshBenchmark.perturb(source.next(bytes), random);
      chars += text.length();
      index.add(text);
    }
    long after = usedHeap();
    System.out.printf(
        Locale.ROOT,
        "%d articles of %.0f chars on average; %.1f entries/article%n"
            + "index arrays: %.0f bytes/article held, %.0f bytes/article in use%n"
            + "heap growth after GC: %.0f bytes/article%n",
        n,
        chars / (double) n,
        index.entries() / (double) n,
        index.bytes() / (double) n,
        index.usedBytes() / (double) n,
        (after - before) / (double) n);
    if (index.size() != n) {
      throw new IllegalStateException();
    }
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      used = Math.min(used, rt.totalMemory() - rt.freeMemory());
    }
    return used;
  }
}
