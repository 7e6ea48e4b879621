package org.triangulate.group;

import java.util.Arrays;

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
      int gap = options.maxGapDays();
      for (int p : vectors.top(q)) {
        int f = ids[p];
        int n = postingSize[f];
        int[] list = postings[f];
        float[] lw = postingWeights[f];
        int undated = lowerBound(list, n, Vectors.NO_DAY + 1, 0);
        if (day == Vectors.NO_DAY) {
          scan(q, w[p], list, lw, 0, n, lowerBound(list, n, day, q));
        } else {
          scan(q, w[p], list, lw, 0, undated, undated);
          int lo = lowerBound(list, n, day - gap, 0);
          int hi = lowerBound(list, n, day + gap + 1, 0);
          scan(q, w[p], list, lw, lo, hi, lowerBound(list, n, day, q));
        }
      }
      int c = Math.min(options.candidates(), touchedCount);
      long[] best = new long[touchedCount];
      for (int i = 0; i < touchedCount; i++) {
        int a = touched[i];
        // Highest partial score first, then lowest article: pack as a sortable key.
        best[i] = ((long) (Integer.MAX_VALUE - Float.floatToIntBits(acc[a])) << 32) | a;
        acc[a] = 0;
      }
      Arrays.sort(best);
      long[] found = new long[c];
      int m = 0;
      for (int i = 0; i < c; i++) {
        int a = (int) best[i];
        float s = (float) vectors.similarity(q, a);
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

    private void scan(int q, float wq, int[] list, float[] lw, int from, int to, int center) {
      int cap = options.postingCap();
      if (to - from > cap) {
        int start = Math.min(Math.max(center - cap / 2, from), to - cap);
        from = start;
        to = start + cap;
      }
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

    /** The first position in {@code list} at or after (day, article). */
    private int lowerBound(int[] list, int n, int day, int article) {
      int lo = 0;
      int hi = n;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        int a = list[mid];
        if (after(day, article, vectors.day(a), a)) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }
  }

  /** Articles found for a query and their similarities, best first. */
  record Found(int[] articles, float[] similarities) {}
}
