package org.triangulate.group;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntUnaryOperator;

/**
 * Candidate search without comparing all pairs: an inverted index from feature id to the articles
 * that hold it among their {@link Vectors#top} features, each posting list kept in (publication
 * day, article) order. A query scans, for each of its own top features, the postings within the
 * possible time window ({@link GroupOptions#maxGapDays}) and at most {@link
 * GroupOptions#postingCap} of them, nearest to the query in (day, article) order; it adds up the
 * partial dot products, keeps the {@link GroupOptions#candidates} best and computes their full
 * similarity. Undated articles are compared with all.
 */
final class NeighbourIndex {

  private final GroupOptions options;
  private final Vectors vectors;
  private int[][] postings = new int[1024][];
  private float[][] postingWeights = new float[1024][];
  private int[] postingSize = new int[1024];

  NeighbourIndex(GroupOptions options, Vectors vectors) {
    this.options = options;
    this.vectors = vectors;
  }

  /** Enters articles {@code [from, to)} in the index, in order. */
  void add(int from, int to, int features) {
    if (features > postingSize.length) {
      int n = Math.max(features, postingSize.length * 2);
      postings = Arrays.copyOf(postings, n);
      postingWeights = Arrays.copyOf(postingWeights, n);
      postingSize = Arrays.copyOf(postingSize, n);
    }
    for (int a = from; a < to; a++) {
      int[] ids = vectors.ids(a);
      float[] w = vectors.weights(a);
      for (int p : vectors.top(a)) {
        insert(ids[p], a, w[p]);
      }
    }
  }

  private void insert(int f, int article, float weight) {
    int n = postingSize[f];
    if (postings[f] == null) {
      postings[f] = new int[2];
      postingWeights[f] = new float[2];
    } else if (n == postings[f].length) {
      postings[f] = Arrays.copyOf(postings[f], n * 2);
      postingWeights[f] = Arrays.copyOf(postingWeights[f], n * 2);
    }
    int[] list = postings[f];
    float[] lw = postingWeights[f];
    int day = vectors.day(article);
    int i = n;
    while (i > 0 && after(vectors.day(list[i - 1]), list[i - 1], day, article)) {
      list[i] = list[i - 1];
      lw[i] = lw[i - 1];
      i--;
    }
    list[i] = article;
    lw[i] = weight;
    postingSize[f] = n + 1;
  }

  private static boolean after(int dayA, int a, int dayB, int b) {
    return dayA != dayB ? dayA > dayB : a > b;
  }

  /** A query worker, sized for every article indexed now. */
  Query query() {
    return new Query();
  }

  /** One worker's accumulators, sized for every article indexed. */
  final class Query {
    private final float[] acc = new float[vectors.size()];
    private int[] touched = new int[1024];
    private int touchedCount;

    /**
     * The candidates of article {@code q} whose similarity reaches {@code minSimilarity}, best
     * first (ties by article).
     */
    Found neighbours(int q) {
      touchedCount = 0;
      int[] ids = vectors.ids(q);
      float[] w = vectors.weights(q);
      int day = vectors.day(q);
      for (int p : vectors.top(q)) {
        int f = ids[p];
        int[] list = postings[f];
        int[] r = ranges(i -> vectors.day(list[i]), i -> list[i], postingSize[f], day, q, options);
        scan(q, w[p], list, postingWeights[f], r[0], r[1]);
        scan(q, w[p], list, postingWeights[f], r[2], r[3]);
      }
      float[] scores = new float[touchedCount];
      for (int i = 0; i < touchedCount; i++) {
        scores[i] = acc[touched[i]];
        acc[touched[i]] = 0;
      }
      return choose(touched, scores, touchedCount, a -> vectors.similarity(q, a), options);
    }

    private void scan(int q, float wq, int[] list, float[] lw, int from, int to) {
      for (int i = from; i < to; i++) {
        int a = list[i];
        if (a != q) {
          if (acc[a] == 0) {
            if (touchedCount == touched.length) {
              touched = Arrays.copyOf(touched, touchedCount * 2);
            }
            touched[touchedCount++] = a;
          }
          acc[a] += wq * lw[i];
        }
      }
    }
  }

  /**
   * The parts of a posting list that a query at ({@code day}, {@code q}) scans, as {@code {from,
   * to, from, to}}: the list holds {@code n} articles in (day, article) order, the one at position
   * {@code i} being {@code articleAt(i)} of day {@code dayAt(i)}. Each part holds at most {@link
   * GroupOptions#postingCap} postings, the ones nearest the query.
   */
  static int[] ranges(
      IntUnaryOperator dayAt, IntUnaryOperator articleAt, int n, int day, int q, GroupOptions options) {
    int gap = options.maxGapDays();
    int cap = options.postingCap();
    int undated = lowerBound(dayAt, articleAt, n, Vectors.NO_DAY + 1, 0);
    int center = lowerBound(dayAt, articleAt, n, day, q);
    if (day == Vectors.NO_DAY) {
      int[] all = capped(0, n, center, cap);
      return new int[] {all[0], all[1], 0, 0};
    }
    int[] before = capped(0, undated, undated, cap);
    int[] near =
        capped(
            lowerBound(dayAt, articleAt, n, day - gap, 0),
            lowerBound(dayAt, articleAt, n, day + gap + 1, 0),
            center,
            cap);
    return new int[] {before[0], before[1], near[0], near[1]};
  }

  private static int[] capped(int from, int to, int center, int cap) {
    if (to - from > cap) {
      int start = Math.min(Math.max(center - cap / 2, from), to - cap);
      return new int[] {start, start + cap};
    }
    return new int[] {from, to};
  }

  /** The first position at or after (day, article). */
  private static int lowerBound(
      IntUnaryOperator dayAt, IntUnaryOperator articleAt, int n, int day, int article) {
    int lo = 0;
    int hi = n;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (after(day, article, dayAt.applyAsInt(mid), articleAt.applyAsInt(mid))) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * The neighbours of a query among the {@code count} articles {@code touched} with partial scores
   * {@code scores}: the {@link #candidates} are scored in full by {@code similarity}, and {@link
   * #found} keeps the ones that reach the threshold.
   */
  static Found choose(
      int[] touched, float[] scores, int count, IntToDoubleFunction similarity, GroupOptions options) {
    return found(candidates(touched, scores, count, options), similarity, options);
  }

  /**
   * The {@link GroupOptions#candidates} best of the {@code count} articles {@code touched} by
   * partial score {@code scores}, best first (ties by article).
   */
  static int[] candidates(int[] touched, float[] scores, int count, GroupOptions options) {
    int c = Math.min(options.candidates(), count);
    long[] best = new long[count];
    for (int i = 0; i < count; i++) {
      // Highest partial score first, then lowest article: pack as a sortable key.
      best[i] = ((long) (Integer.MAX_VALUE - Float.floatToIntBits(scores[i])) << 32) | touched[i];
    }
    Arrays.sort(best);
    int[] out = new int[c];
    for (int i = 0; i < c; i++) {
      out[i] = (int) best[i];
    }
    return out;
  }

  /**
   * The {@code candidates} whose {@code similarity} reaches {@link GroupOptions#minSimilarity},
   * best first (ties by article).
   */
  static Found found(int[] candidates, IntToDoubleFunction similarity, GroupOptions options) {
    long[] found = new long[candidates.length];
    int m = 0;
    for (int a : candidates) {
      float s = (float) similarity.applyAsDouble(a);
      if (s >= options.minSimilarity()) {
        found[m++] = ((long) (Integer.MAX_VALUE - Float.floatToIntBits(s)) << 32) | a;
      }
    }
    Arrays.sort(found, 0, m);
    int[] articles = new int[m];
    float[] sims = new float[m];
    for (int i = 0; i < m; i++) {
      articles[i] = (int) found[i];
      sims[i] = Float.intBitsToFloat(Integer.MAX_VALUE - (int) (found[i] >>> 32));
    }
    return new Found(articles, sims);
  }

  /** Articles found for a query and their similarities, best first. */
  record Found(int[] articles, float[] similarities) {}
}
