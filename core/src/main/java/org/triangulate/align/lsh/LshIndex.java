package org.triangulate.align.lsh;

import java.util.Arrays;

/**
 * The copy-candidate index: documents numbered 0, 1, 2, ... in the order they are added, two
 * indexes over them, and what is needed to estimate the similarity of any two.
 *
 * <ol>
 *   <li><b>Whole-document MinHash-LSH</b> (resemblance). The {@link MinHasher} signature (128 bins)
 *       is cut into {@code bands} bands of {@code rows} bins; each band is hashed to a 32-bit key;
 *       two documents are candidates when any band key is equal (and in the same band). With 16
 *       bands of 2 rows a pair of Jaccard similarity J is found with probability 1 - (1 - J^2)^16:
 *       0.48 at J = 0.2, 0.78 at 0.3, 0.94 at 0.4, 0.99 at 0.5; 0.006 at J = 0.02. It finds edited
 *       and truncated copies of any length, short ones included.
 *   <li><b>Passage index</b> (containment). A 5 KB article that reuses two or three paragraphs of
 *       another has a whole-document Jaccard of 0.05 to 0.15, below any usable band threshold. So
 *       each document also keeps a content-defined sample of its shingles: those whose hash falls
 *       in the lowest 1/{@code sampleRate} of the 32-bit range (Broder's MOD-m sketch, 1997): one
 *       shingle in 10. Sampling depends only on the shingle, so a passage copied anywhere keeps its
 *       sampled shingles wherever it lands, and two documents that share {@code s} shingles share
 *       about {@code s / sampleRate} samples whatever their lengths. They are candidates when they
 *       share {@code minShared} (2) samples: a shared run of 60 shingles (two short paragraphs) is
 *       found with probability 0.98, of 100 with 0.9995, of 30 (one long sentence) with 0.8; two
 *       articles that happen to share 3 or 4 five-word phrases, 0.03 to 0.05. A sample key held by
 *       more than {@code maxPosting} documents (boilerplate, a phrase every article uses) is
 *       ignored when looking up.
 * </ol>
 *
 * <p>Kept per document: its signature as 8-bit b-bit minima (128 bytes, for the Jaccard estimate;
 * Li and König's b-bit minwise hashing, the chance match of 1/256 subtracted), its band keys and
 * its distinct sample keys, each as an entry of a {@link Chains} multimap (8 bytes plus a share of
 * the bucket table), the start of its samples and its shingle count. For a 5 KB article (about 800
 * shingles, 70 distinct samples, 16 bands) that is about 900 bytes; {@link #bytes()} gives the
 * exact figure. All storage is in primitive pages; nothing is boxed. Signatures are computed at 32
 * bits for the band keys, then only their low 8 bits are kept.
 *
 * <p>Not thread-safe: one writer; concurrent reads only while nothing is added.
 */
public final class LshIndex {

  private static final int BAND = 1 << 30;
  private static final int COUNT = BAND - 1;

  private final CopyCandidates.Params params;
  private final Shingles shingles;
  private final MinHasher hasher = new MinHasher();
  private final int[] signature = new int[MinHasher.BINS];
  private final byte[] sigBytes = new byte[MinHasher.BINS];
  private int[] sampled = new int[256];
  private final IntSet set = new IntSet();

  private final Pages.Bytes sigs = new Pages.Bytes();
  private final Pages.Ints shingleCounts = new Pages.Ints();
  private final Pages.Ints sampleStart = new Pages.Ints();
  private final Chains bands = new Chains();
  private final Chains samples = new Chains();
  private int docs;

  // query scratch
  private final IntCounter counter = new IntCounter();
  private int[] posting = new int[64];

  public LshIndex(CopyCandidates.Params params) {
    this.params = params;
    this.shingles = new Shingles(params.k());
    sampleStart.add(0);
  }

  public CopyCandidates.Params params() {
    return params;
  }

  /** The number of documents. */
  public int size() {
    return docs;
  }

  /** Shingles, signs and indexes {@code text}; returns its document number (0, 1, 2, ...). */
  public int add(CharSequence text) {
    int n = shingles.hash(text);
    return add(shingles.hashes(), n);
  }

  /**
   * Indexes the document whose shingle hashes are {@code hashes[0..n)} (from a {@link Shingles} of
   * this index's k); returns its number.
   */
  public int add(long[] hashes, int n) {
    if (docs == Integer.MAX_VALUE) {
      throw new IllegalStateException("index full");
    }
    int doc = docs;
    int[] sig = signature;
    hasher.signature(hashes, n, sig);
    byte[] low = sigBytes;
    for (int i = 0; i < MinHasher.BINS; i++) {
      low[i] = (byte) sig[i];
    }
    sigs.add(low);
    int b = params.bands();
    int r = params.rows();
    for (int j = 0; j < b; j++) {
      long h = j + 1;
      if (n == 0) {
        h = h * 0x9E3779B97F4A7C15L + doc; // a key of its own: an empty text matches nothing
      } else {
        for (int i = j * r, end = i + r; i < end; i++) {
          h = h * 0x9E3779B97F4A7C15L + sig[i];
        }
      }
      bands.add((int) Shingles.fmix64(h));
    }
    int m = sample(hashes, n);
    for (int i = 0; i < m; i++) {
      samples.add(sampled[i]);
    }
    sampleStart.add(samples.size());
    shingleCounts.add(n);
    docs++;
    return doc;
  }

  /** Collects the distinct sample keys of {@code hashes[0..n)} into {@code sampled}. */
  private int sample(long[] hashes, int n) {
    long rate = params.sampleRate();
    if (sampled.length < n + 1) {
      sampled = new int[Math.max(n + 1, sampled.length * 2)];
    }
    int[] out = sampled;
    int m = 0;
    for (int i = 0; i < n; i++) {
      // branch-free: write every key, keep it when its low 32 bits fall under 2^32 / rate
      long h = hashes[i];
      int x = (int) (((h & 0xFFFF_FFFFL) * rate) >>> 32);
      out[m] = (int) (h >>> 32);
      m += (x - 1) >>> 31;
    }
    IntSet seen = set;
    seen.clear();
    int u = 0;
    for (int i = 0; i < m; i++) {
      if (seen.add(out[i])) {
        out[u++] = out[i];
      }
    }
    return u;
  }

  /**
   * The documents that are copy candidates of {@code doc}, in ascending order: those that share a
   * band key with it, and those that share at least {@code minShared} sample keys.
   */
  public int[] candidatesOf(int doc) {
    check(doc);
    IntCounter c = counter;
    c.clear();
    int b = params.bands();
    for (int j = 0; j < b; j++) {
      int self = doc * b + j;
      int key = bands.key(self);
      for (int e = bands.first(key); e != Chains.NONE; e = bands.next(e)) {
        if (e != self && bands.key(e) == key && e % b == j) {
          c.or(e / b, BAND);
        }
      }
    }
    int from = sampleStart.get(doc);
    int to = sampleStart.get(doc + 1);
    int max = params.maxPosting();
    for (int i = from; i < to; i++) {
      int key = samples.key(i);
      int count = 0;
      for (int e = samples.first(key); e != Chains.NONE; e = samples.next(e)) {
        if (e != i && samples.key(e) == key) {
          if (count == max) {
            count = -1; // too common: ignore this key
            break;
          }
          if (count == posting.length) {
            posting = Arrays.copyOf(posting, count * 2);
          }
          posting[count++] = e;
        }
      }
      for (int p = 0; p < count; p++) {
        c.add(docOfSample(posting[p]), 1);
      }
    }
    int min = params.minShared();
    int n = 0;
    int[] out = new int[c.size()];
    for (int s = 0; s < c.size(); s++) {
      int v = c.valueAt(s);
      if ((v & BAND) != 0 || (v & COUNT) >= min) {
        out[n++] = c.keyAt(s);
      }
    }
    out = Arrays.copyOf(out, n);
    Arrays.sort(out);
    return out;
  }

  private int docOfSample(int entry) {
    int lo = 0;
    int hi = docs - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (sampleStart.get(mid) <= entry) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /**
   * The Jaccard similarity of the shingle sets of {@code a} and {@code b}, estimated from their
   * signatures: the fraction of equal 8-bit bin values, less the chance match of 1/256, rescaled; 0
   * if either has no shingle. Standard error about sqrt(J(1 - J) / 128): 0.04 at J = 0.3.
   */
  public double jaccard(int a, int b) {
    check(a);
    check(b);
    if (shingles(a) == 0 || shingles(b) == 0) {
      return 0;
    }
    long oa = (long) a * MinHasher.BINS;
    long ob = (long) b * MinHasher.BINS;
    int same = 0;
    for (int i = 0; i < MinHasher.BINS; i++) {
      if (sigs.get(oa + i) == sigs.get(ob + i)) {
        same++;
      }
    }
    double f = same / (double) MinHasher.BINS;
    double j = (f - 1.0 / 256) / (1 - 1.0 / 256);
    return Math.max(0, Math.min(1, j));
  }

  /** The number of distinct sample keys {@code a} and {@code b} have in common. */
  public int sharedSamples(int a, int b) {
    check(a);
    check(b);
    IntSet seen = set;
    seen.clear();
    for (int i = sampleStart.get(a), end = sampleStart.get(a + 1); i < end; i++) {
      seen.add(samples.key(i));
    }
    int shared = 0;
    for (int j = sampleStart.get(b), end = sampleStart.get(b + 1); j < end; j++) {
      if (seen.contains(samples.key(j))) {
        shared++;
      }
    }
    return shared;
  }

  /** The number of distinct sample keys of {@code doc}. */
  public int samples(int doc) {
    check(doc);
    return sampleStart.get(doc + 1) - sampleStart.get(doc);
  }

  /** The number of shingles of {@code doc} (repeats included). */
  public int shingles(int doc) {
    check(doc);
    return shingleCounts.get(doc);
  }

  /**
   * The share of the smaller document's shingles that the larger also has, estimated: from the
   * samples (shared / the smaller's sample count) when the smaller has at least 10 samples (about
   * 120 shingles), else from the Jaccard estimate and the two shingle counts (J (|A| + |B|) / ((1 +
   * J) min(|A|, |B|))). At most 1.
   */
  public double containment(int a, int b) {
    int sa = samples(a);
    int sb = samples(b);
    int smin = Math.min(sa, sb);
    if (smin >= 10) {
      return Math.min(1, sharedSamples(a, b) / (double) smin);
    }
    double j = jaccard(a, b);
    int na = shingles(a);
    int nb = shingles(b);
    if (na == 0 || nb == 0) {
      return 0;
    }
    return Math.min(1, j * (na + nb) / ((1 + j) * Math.min(na, nb)));
  }

  private void check(int doc) {
    if (doc < 0 || doc >= docs) {
      throw new IndexOutOfBoundsException("no document " + doc + " of " + docs);
    }
  }

  /**
   * Bytes held by the index's arrays: signatures, band and sample entries, bucket tables, per-
   * document counts and offsets, with the unused part of the last page of each (up to 64 KB each,
   * negligible at scale). Array headers included; the query scratch (a few KB) not.
   */
  public long bytes() {
    return sigs.bytes()
        + shingleCounts.bytes()
        + sampleStart.bytes()
        + bands.bytes()
        + samples.bytes();
  }

  /** Like {@link #bytes()} but only the elements in use: the figure per document at scale. */
  public long usedBytes() {
    return sigs.usedBytes()
        + shingleCounts.usedBytes()
        + sampleStart.usedBytes()
        + bands.usedBytes()
        + samples.usedBytes();
  }

  /** Band entries and sample entries in the index. */
  public long entries() {
    return (long) bands.size() + samples.size();
  }

  /** An open-addressing set of ints, emptied in O(1) by a new stamp. */
  private static final class IntSet {
    private int[] keys = new int[512];
    private int[] stamps = new int[512];
    private int stamp;
    private int size;

    void clear() {
      size = 0;
      if (++stamp == Integer.MAX_VALUE) {
        Arrays.fill(stamps, 0);
        stamp = 1;
      }
    }

    /** Adds {@code key}; false if it was there. */
    boolean add(int key) {
      int mask = keys.length - 1;
      int s = (key * 0x9E3779B1 >>> 7) & mask;
      while (stamps[s] == stamp) {
        if (keys[s] == key) {
          return false;
        }
        s = (s + 1) & mask;
      }
      stamps[s] = stamp;
      keys[s] = key;
      if (++size * 2 > keys.length) {
        grow();
      }
      return true;
    }

    boolean contains(int key) {
      int mask = keys.length - 1;
      int s = (key * 0x9E3779B1 >>> 7) & mask;
      while (stamps[s] == stamp) {
        if (keys[s] == key) {
          return true;
        }
        s = (s + 1) & mask;
      }
      return false;
    }

    private void grow() {
      int[] oldKeys = keys;
      int[] oldStamps = stamps;
      int current = stamp;
      keys = new int[oldKeys.length * 2];
      stamps = new int[oldKeys.length * 2];
      stamp = 1;
      size = 0;
      for (int i = 0; i < oldKeys.length; i++) {
        if (oldStamps[i] == current) {
          add(oldKeys[i]);
        }
      }
    }
  }

  /** An open-addressing int-to-int map for one query, cleared by walking the slots used. */
  private static final class IntCounter {
    private int[] keys = new int[256];
    private int[] values = new int[256];
    private boolean[] used = new boolean[256];
    private int[] order = new int[128];
    private int size;

    void clear() {
      for (int i = 0; i < size; i++) {
        used[order[i]] = false;
      }
      size = 0;
    }

    int size() {
      return size;
    }

    int keyAt(int i) {
      return keys[order[i]];
    }

    int valueAt(int i) {
      return values[order[i]];
    }

    void or(int key, int bits) {
      int s = slot(key); // may grow the arrays: index first
      values[s] |= bits;
    }

    void add(int key, int delta) {
      int s = slot(key);
      values[s] += delta;
    }

    private int slot(int key) {
      int mask = keys.length - 1;
      int s = (key * 0x9E3779B1 >>> 7) & mask;
      while (used[s]) {
        if (keys[s] == key) {
          return s;
        }
        s = (s + 1) & mask;
      }
      if ((size + 1) * 2 > keys.length) {
        grow();
        return slot(key);
      }
      used[s] = true;
      keys[s] = key;
      values[s] = 0;
      order[size++] = s;
      return s;
    }

    private void grow() {
      int[] oldKeys = keys;
      int[] oldValues = values;
      int[] oldOrder = order;
      int n = size;
      int cap = keys.length * 2;
      keys = new int[cap];
      values = new int[cap];
      used = new boolean[cap];
      order = new int[cap / 2];
      size = 0;
      for (int i = 0; i < n; i++) {
        int s = slot(oldKeys[oldOrder[i]]);
        values[s] = oldValues[oldOrder[i]];
      }
    }
  }
}
