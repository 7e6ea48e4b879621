package org.triangulate.align.lsh;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The baseline: a straightforward Java port of datasketch's {@code MinHash.update} (datasketch 1.6,
 * {@code minhash.py}). Each shingle, as the UTF-8 bytes of its k normalised words joined by one
 * space, is hashed with SHA-1 and its first 4 bytes read as a little-endian uint32 {@code h}
 * ({@code sha1_hash32}); each of the 128 permutations maps it to {@code ((a * h + b) mod (2^61 -
 * 1)) & 0xFFFFFFFF}, the product wrapping at 64 bits as numpy's uint64 does; the signature is the
 * element-wise minimum, starting from {@code 2^32 - 1}. {@code a} in [1, p) and {@code b} in [0, p)
 * come from a seeded RNG (Java's {@link SplittableRandom}, not numpy's Mersenne Twister, so the
 * values differ from datasketch's but are drawn the same way). The pipeline does not use it: it
 * is the baseline that the benchmark and the recall test compare {@link MinHasher} with.
 */
public final class DatasketchMinHash {

  static final long MERSENNE_PRIME = (1L << 61) - 1;
  static final long MAX_HASH = 0xFFFF_FFFFL;

  private final long[] a;
  private final long[] b;
  private final int k;
  private final MessageDigest sha1;

  public DatasketchMinHash(int numPerm, long seed, int k) {
    SplittableRandom random = new SplittableRandom(seed);
    a = new long[numPerm];
    b = new long[numPerm];
    for (int i = 0; i < numPerm; i++) {
      a[i] = random.nextLong(1, MERSENNE_PRIME);
      b[i] = random.nextLong(0, MERSENNE_PRIME);
    }
    this.k = k;
    try {
      sha1 = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public int numPerm() {
    return a.length;
  }

  /** The signature of the k-shingles of {@code text}, as datasketch would compute it. */
  public long[] signature(String text) {
    long[] hv = new long[a.length];
    Arrays.fill(hv, MAX_HASH);
    List<String> w = Shingles.words(text);
    if (w.size() > 0 && w.size() < k) {
      update(hv, String.join(" ", w).getBytes(StandardCharsets.UTF_8));
    }
    for (int i = 0; i + k <= w.size(); i++) {
      update(hv, String.join(" ", w.subList(i, i + k)).getBytes(StandardCharsets.UTF_8));
    }
    return hv;
  }

  /** {@code MinHash.update(b)}. */
  void update(long[] hv, byte[] shingle) {
    byte[] d = sha1.digest(shingle);
    long h = (d[0] & 0xFFL) | (d[1] & 0xFFL) << 8 | (d[2] & 0xFFL) << 16 | (d[3] & 0xFFL) << 24;
    for (int i = 0; i < hv.length; i++) {
      long phv = Long.remainderUnsigned(a[i] * h + b[i], MERSENNE_PRIME) & MAX_HASH;
      if (phv < hv[i]) {
        hv[i] = phv;
      }
    }
  }

  /** {@code MinHash.jaccard}: the fraction of equal values. */
  public static double jaccard(long[] x, long[] y) {
    int same = 0;
    for (int i = 0; i < x.length; i++) {
      if (x[i] == y[i]) {
        same++;
      }
    }
    return same / (double) x.length;
  }
}
