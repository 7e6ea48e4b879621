package org.triangulate.align.lsh;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Copy candidates: the pairs of articles that may share copied text, found without comparing every
 * pair, within a story or across stories. See {@link LshIndex} for the two indexes (whole-document
 * MinHash-LSH for edited copies, a sampled-shingle passage index for copied paragraphs) and {@link
 * Params} for the parameters and why.
 *
 * <p>Batch: {@link #find}. Incremental: {@link #add}, then {@link #candidatesOf} or {@link #pairs}
 * at any time. Either way the result depends only on the set of (id, text) given, not on its order:
 * pairs are sorted by ids and their figures depend only on the two texts.
 *
 * <p>Candidates are for a closer look (passage alignment), not verdicts: a candidate may share only
 * a quotation or a long name, and the estimates are estimates. Not thread-safe.
 */
public final class CopyCandidates {

  /**
   * The parameters.
   *
   * @param k shingle length in words. 5: long enough that two independent reports rarely share a
   *     shingle by chance (in ECB+, 99% of pairs of distinct articles share none), short enough
   *     that a copy edited at 5% of its words keeps 77% of its shingles (15%: 44%)
   * @param bands whole-document LSH bands; {@code bands * rows <= 128}
   * @param rows signature bins per band. 16 x 2: found with probability 0.48 at Jaccard 0.2, 0.94
   *     at 0.4, and at 0.02 (unrelated reports of one event) 0.006. A copy edited at 15% of its
   *     words has a Jaccard of about 0.28 to its source. Two rows, not more, so that edited and
   *     truncated copies are found by the signature alone; the passage index is the second chance
   * @param sampleRate one shingle in {@code sampleRate} is sampled for the passage index (by hash,
   *     so the same shingles everywhere). 10: a 5 KB article has about 80 samples, which keeps the
   *     index under 1 KiB per article (about 900 bytes), and a copied passage of 60 shingles shares
   *     6 samples on average. 12 saves 10% of memory and finds fewer small copies
   * @param minShared shared samples that make two documents candidates: 2. One shared sample is a
   *     single shared five-word phrase, too common between reports of one event to mean copying
   * @param maxPosting a sample key held by more documents than this is ignored when looking up
   *     (boilerplate, set phrases): 500
   */
  public record Params(int k, int bands, int rows, int sampleRate, int minShared, int maxPosting) {

    /** k = 5, 16 bands of 2 rows, one shingle in 10 sampled, 2 shared samples, 500 per key. */
    public static final Params DEFAULT = new Params(5, 16, 2, 10, 2, 500);

    public Params {
      if (k < 1 || k > 16) {
        throw new IllegalArgumentException("k must be 1 to 16: " + k);
      }
      if (bands < 1 || rows < 1 || (long) bands * rows > MinHasher.BINS) {
        throw new IllegalArgumentException(
            "need bands >= 1, rows >= 1, bands * rows <= "
                + MinHasher.BINS
                + ": "
                + bands
                + " x "
                + rows);
      }
      if (sampleRate < 1) {
        throw new IllegalArgumentException("sampleRate must be >= 1: " + sampleRate);
      }
      if (minShared < 1) {
        throw new IllegalArgumentException("minShared must be >= 1: " + minShared);
      }
      if (maxPosting < 1) {
        throw new IllegalArgumentException("maxPosting must be >= 1: " + maxPosting);
      }
    }
  }

  /**
   * A candidate pair, {@code a < b} in {@link #find} and {@link #pairs} ({@code a} the asked-for id
   * in {@link #candidatesOf}).
   *
   * @param jaccard the Jaccard similarity of the two shingle sets, estimated from the signatures
   * @param containment the share of the smaller text's shingles found in the larger, estimated (see
   *     {@link LshIndex#containment})
   * @param sharedSamples the sampled shingles the two have in common
   */
  public record Pair(String a, String b, double jaccard, double containment, int sharedSamples) {}

  private static final Comparator<Pair> ORDER =
      Comparator.comparing(Pair::a).thenComparing(Pair::b);

  private final LshIndex index;
  private final List<String> ids = new ArrayList<>();
  private int[] slots = filled(64);

  public CopyCandidates(Params params) {
    this.index = new LshIndex(Objects.requireNonNull(params));
  }

  /** The candidate pairs among {@code texts}, named by {@code ids} (distinct), sorted by ids. */
  public static List<Pair> find(List<String> ids, List<String> texts, Params params) {
    if (ids.size() != texts.size()) {
      throw new IllegalArgumentException(ids.size() + " ids for " + texts.size() + " texts");
    }
    CopyCandidates c = new CopyCandidates(params);
    for (int i = 0; i < ids.size(); i++) {
      c.add(ids.get(i), texts.get(i));
    }
    return c.pairs();
  }

  /** Adds a text; its id must be new. */
  public void add(String id, String text) {
    Objects.requireNonNull(id);
    Objects.requireNonNull(text);
    if (find(id) >= 0) {
      throw new IllegalArgumentException("duplicate id: " + id);
    }
    int doc = index.add(text);
    ids.add(id);
    put(id, doc);
  }

  /** The number of texts added. */
  public int size() {
    return ids.size();
  }

  /** Whether {@code id} was added. */
  public boolean contains(String id) {
    return find(id) >= 0;
  }

  /** The candidates of {@code id} among the texts added so far, sorted by the other id. */
  public List<Pair> candidatesOf(String id) {
    int doc = find(id);
    if (doc < 0) {
      throw new IllegalArgumentException("unknown id: " + id);
    }
    List<Pair> out = new ArrayList<>();
    for (int o : index.candidatesOf(doc)) {
      out.add(pair(doc, o, id, ids.get(o)));
    }
    out.sort(Comparator.comparing(Pair::b));
    return out;
  }

  /** All candidate pairs among the texts added so far, each once, {@code a < b}, sorted. */
  public List<Pair> pairs() {
    List<Pair> out = new ArrayList<>();
    for (int d = 0; d < ids.size(); d++) {
      for (int o : index.candidatesOf(d)) {
        if (o > d) {
          String x = ids.get(d);
          String y = ids.get(o);
          out.add(x.compareTo(y) < 0 ? pair(d, o, x, y) : pair(o, d, y, x));
        }
      }
    }
    out.sort(ORDER);
    return out;
  }

  /** The index behind, for its figures. */
  public LshIndex index() {
    return index;
  }

  /** Bytes held by the index and the id table (not the id strings themselves). */
  public long bytes() {
    return index.bytes() + 16 + 4L * slots.length + 16 + 4L * ids.size();
  }

  private Pair pair(int da, int db, String a, String b) {
    return new Pair(
        a, b, index.jaccard(da, db), index.containment(da, db), index.sharedSamples(da, db));
  }

  // an open-addressing table of doc numbers keyed by their id: no boxing

  private int find(String id) {
    int mask = slots.length - 1;
    for (int s = spread(id.hashCode()) & mask; ; s = (s + 1) & mask) {
      int doc = slots[s];
      if (doc < 0) {
        return -1;
      }
      if (ids.get(doc).equals(id)) {
        return doc;
      }
    }
  }

  private void put(String id, int doc) {
    if (ids.size() * 2 > slots.length) {
      int[] old = slots;
      slots = filled(old.length * 2);
      for (int d : old) {
        if (d >= 0) {
          insert(ids.get(d), d);
        }
      }
    }
    insert(id, doc);
  }

  private void insert(String id, int doc) {
    int mask = slots.length - 1;
    int s = spread(id.hashCode()) & mask;
    while (slots[s] >= 0) {
      s = (s + 1) & mask;
    }
    slots[s] = doc;
  }

  private static int spread(int h) {
    return h * 0x9E3779B1 ^ (h >>> 16);
  }

  private static int[] filled(int n) {
    int[] a = new int[n];
    Arrays.fill(a, -1);
    return a;
  }
}
