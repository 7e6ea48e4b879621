package org.triangulate.align.lsh;

import java.util.Arrays;

/**
 * MinHash signatures by one-permutation hashing (OPH) with optimal densification.
 *
 * <p>Classic MinHash applies {@code m} hash functions to every shingle and keeps each one's
 * minimum: {@code m} hash evaluations per shingle. OPH (Li, Owen and Zhang, NIPS 2012) hashes each
 * shingle once: the top 7 bits of its 64-bit hash pick one of {@code m = 128} bins, bits 25 to 56
 * are its value, and each bin keeps its minimum value. For two sets, a bin holds the same minimum
 * in both with probability equal to their Jaccard similarity, as with {@code m} independent
 * permutations, and the estimate's variance is no worse (it samples without replacement). The
 * shingle hashes come from {@link Shingles} and are already fully mixed (murmur3 {@code fmix64}),
 * so no further hashing is needed: one shift, one mask and one compare per shingle.
 *
 * <p>Empty bins (a text of fewer than about 500 shingles leaves some bins empty) are filled by the
 * optimal densification of Shrivastava (ICML 2017): empty bin {@code i} takes the value of bin
 * {@code h(i, 1)}, {@code h(i, 2)}, ... , the first of those that was not empty, where {@code h} is
 * a fixed hash onto the bins. Two texts use the same sequence, so a filled bin still matches with
 * probability close to their Jaccard similarity.
 *
 * <p>Deterministic: no seed, no randomness; the same shingles in any order give the same signature.
 * A text with no shingle gets the all-{@link #EMPTY} signature, which matches nothing. An instance
 * keeps its scratch arrays and is not thread-safe.
 */
public final class MinHasher {

  /** The signature length: the number of bins. */
  public static final int BINS = 128;

  /** The value of every bin of a text without shingles. */
  public static final int EMPTY = -1;

  private static final int BIN_SHIFT = 64 - 7;
  private static final long VALUE_MASK = (1L << BIN_SHIFT) - 1;
  private static final int VALUE_SHIFT = BIN_SHIFT - 32;

  /** For each empty bin, the bins it tries in order; fixed, so every text uses the same. */
  private static final byte[][] PROBES = probes(24);

  private final long[] mins = new long[BINS];

  /**
   * Writes the signature of {@code hashes[0..n)} into {@code signature[0..BINS)}: 32-bit bin
   * minima.
   */
  public void signature(long[] hashes, int n, int[] signature) {
    long[] m = mins;
    Arrays.fill(m, Long.MAX_VALUE);
    for (int i = 0; i < n; i++) {
      long h = hashes[i];
      int bin = (int) (h >>> BIN_SHIFT);
      m[bin] = Math.min(m[bin], h & VALUE_MASK); // branch-free: updates are unpredictable
    }
    int empty = 0;
    for (int b = 0; b < BINS; b++) {
      if (m[b] == Long.MAX_VALUE) {
        signature[b] = EMPTY;
        empty++;
      } else {
        // 32 bits of the 57-bit minimum; never EMPTY (-1) since the top bit is 0 after the shift
        signature[b] = (int) (m[b] >>> VALUE_SHIFT) & 0x7FFF_FFFF;
      }
    }
    if (empty > 0 && empty < BINS) {
      densify(signature);
    }
  }

  /** A new signature of {@code hashes[0..n)}. */
  public int[] signature(long[] hashes, int n) {
    int[] s = new int[BINS];
    signature(hashes, n, s);
    return s;
  }

  private void densify(int[] signature) {
    long[] m = mins;
    for (int b = 0; b < BINS; b++) {
      if (m[b] != Long.MAX_VALUE) {
        continue;
      }
      int value = EMPTY;
      byte[] probe = PROBES[b];
      for (int a = 0; a < probe.length && value == EMPTY; a++) {
        int from = probe[a];
        if (m[from] != Long.MAX_VALUE) {
          value = signature[from];
        }
      }
      // beyond the fixed probes (only with very few filled bins), scan a fixed sequence
      for (int a = probe.length; value == EMPTY; a++) {
        int from = (int) (Shingles.fmix64(((long) b << 32) + a + 0x51ED27L) >>> BIN_SHIFT);
        if (m[from] != Long.MAX_VALUE) {
          value = signature[from];
        }
      }
      // a filled bin takes the donor's value mixed with its own number, so that two filled bins
      // stay distinct values while matching exactly when their donors match
      signature[b] = (int) Shingles.fmix64(((long) value << 7) | b) & 0x7FFF_FFFF;
    }
  }

  private static byte[][] probes(int count) {
    byte[][] p = new byte[BINS][count];
    for (int b = 0; b < BINS; b++) {
      for (int a = 0; a < count; a++) {
        p[b][a] = (byte) (Shingles.fmix64(((long) b << 32) + a + 0x51ED27L) >>> BIN_SHIFT);
      }
    }
    return p;
  }

  /** The fraction of bins that hold the same non-empty value: the Jaccard estimate. */
  public static double jaccard(int[] a, int[] b) {
    int same = 0;
    for (int i = 0; i < BINS; i++) {
      if (a[i] == b[i] && a[i] != EMPTY) {
        same++;
      }
    }
    return same / (double) BINS;
  }
}
