package org.triangulate.group;

import java.util.Arrays;
import java.util.List;
import org.triangulate.model.Article;

/**
 * Each article's weighted feature vector, sparse and truncated, and its publication day.
 *
 * <p>Weights are tf-idf with sublinear tf, {@code (1 + ln tf) * (1 + ln((N + 1) / (df + 1)))}. Each
 * block (terms, names, places, years) keeps its highest weighted features, is normalised to unit
 * length, then scaled by {@code sqrt(blockWeight / sum of block weights)}: the dot product of two
 * vectors is the weighted mean of the blocks' cosines. Entries are sorted by feature id; {@link
 * #top} lists the positions of the highest weighted entries, the ones the index holds.
 */
final class Vectors {

  static final int NO_DAY = Integer.MIN_VALUE;
  private static final int MAX_YEARS = 4;

  private final GroupOptions options;
  private final double[] scale = new double[Features.KINDS];
  private final int[] limit = new int[Features.KINDS];
  private int[][] ids = new int[1024][];
  private float[][] weights = new float[1024][];
  private int[][] top = new int[1024][];
  private int[] days = new int[1024];
  private int size;

  Vectors(GroupOptions options) {
    this.options = options;
    double[] w = {1, options.entityWeight(), options.placeWeight(), options.yearWeight()};
    double total = w[0] + w[1] + w[2] + w[3];
    for (int k = 0; k < Features.KINDS; k++) {
      scale[k] = Math.sqrt(w[k] / total);
    }
    limit[Features.TERM] = options.maxTerms();
    limit[Features.ENTITY] = options.maxNames();
    limit[Features.PLACE] = options.maxNames();
    limit[Features.YEAR] = MAX_YEARS;
  }

  int size() {
    return size;
  }

  int day(int article) {
    return days[article];
  }

  int[] ids(int article) {
    return ids[article];
  }

  float[] weights(int article) {
    return weights[article];
  }

  int[] top(int article) {
    return top[article];
  }

  /** The weight a block's scaling gave features of {@code kind}: divide by it to undo it. */
  double scale(int kind) {
    return scale[kind];
  }

  /** Builds the vectors of {@code batch}, which become articles {@code size()...} (pass two). */
  void add(
      List<Article> batch, Dictionary dictionary, org.triangulate.work.Workers workers, int threads) {
    int base = size;
    ensure(base + batch.size());
    Parallel.forEach(
        workers, threads, batch.size(), Builder::new, (b, i) -> b.build(batch.get(i), base + i, dictionary));
    size = base + batch.size();
  }

  /** The similarity of two articles: the dot product of their vectors, decayed by time apart. */
  double similarity(int a, int b) {
    int[] ia = ids[a];
    int[] ib = ids[b];
    float[] wa = weights[a];
    float[] wb = weights[b];
    double dot = 0;
    int i = 0;
    int j = 0;
    while (i < ia.length && j < ib.length) {
      int x = ia[i];
      int y = ib[j];
      if (x == y) {
        dot += (double) wa[i++] * wb[j++];
      } else if (x < y) {
        i++;
      } else {
        j++;
      }
    }
    return dot * decay(days[a], days[b]);
  }

  double decay(int dayA, int dayB) {
    if (dayA == NO_DAY || dayB == NO_DAY) {
      return 1;
    }
    int gap = Math.abs(dayA - dayB) - options.graceDays();
    return gap <= 0 ? 1 : Math.exp(-gap / options.dayScale());
  }

  static int dayOf(Article a) {
    return a.metadata().published().map(Vectors::parseDay).orElse(NO_DAY);
  }

  private static int parseDay(String published) {
    try {
      return (int)
          java.time.LocalDate.parse(published.substring(0, Math.min(10, published.length())))
              .toEpochDay();
    } catch (java.time.DateTimeException e) {
      return NO_DAY;
    }
  }

  private void ensure(int capacity) {
    if (capacity > days.length) {
      int n = Math.max(capacity, days.length * 2);
      ids = Arrays.copyOf(ids, n);
      weights = Arrays.copyOf(weights, n);
      top = Arrays.copyOf(top, n);
      days = Arrays.copyOf(days, n);
    }
  }

  /** One worker's scratch space. */
  private final class Builder {
    final Features features = new Features();
    final LongIntMap tf = new LongIntMap(1 << 10);
    double[] w = new double[1024];
    long[] order = new long[1024];

    void build(Article article, int index, Dictionary dictionary) {
      tf.clear();
      features.extract(article, (f, s, b, e, n) -> tf.add(f, n));
      long[] keys = tf.sortedKeys();
      int n = keys.length;
      if (w.length < n) {
        w = new double[n * 2];
        order = new long[n * 2];
      }
      for (int p = 0; p < n; p++) {
        w[p] = (1 + Math.log(tf.get(keys[p], 1))) * dictionary.idf(dictionary.df(keys[p]));
        order[p] = strength(w[p], p);
      }
      // Strongest first; ties by feature hash, so the choice does not depend on map order.
      Arrays.sort(order, 0, n);
      double[] norm = new double[Features.KINDS];
      int[] kept = new int[Features.KINDS];
      int[] chosen = new int[n];
      int m = 0;
      for (int r = n - 1; r >= 0; r--) {
        int x = (int) order[r];
        int k = Features.kind(keys[x]);
        if (kept[k] < limit[k] && scale[k] > 0) {
          kept[k]++;
          norm[k] += w[x] * w[x];
          chosen[m++] = x;
        }
      }
      // Keep the features that have an id; sort them by id.
      Arrays.sort(chosen, 0, m); // hash order, hence deterministic
      long[] packed = new long[m];
      int v = 0;
      for (int r = 0; r < m; r++) {
        int id = dictionary.id(keys[chosen[r]]);
        if (id >= 0) {
          packed[v++] = ((long) id << 32) | chosen[r];
        }
      }
      Arrays.sort(packed, 0, v);
      int[] sid = new int[v];
      float[] sw = new float[v];
      long[] byWeight = new long[v];
      for (int r = 0; r < v; r++) {
        int x = (int) packed[r];
        sid[r] = (int) (packed[r] >>> 32);
        sw[r] =
            (float)
                (w[x] / Math.sqrt(norm[Features.kind(keys[x])]) * scale[Features.kind(keys[x])]);
        byWeight[r] = strength(sw[r], v - 1 - r);
      }
      Arrays.sort(byWeight);
      int t = Math.min(v, options.indexTerms());
      int[] topPos = new int[t];
      for (int r = 0; r < t; r++) {
        topPos[r] = v - 1 - (int) byWeight[v - 1 - r];
      }
      ids[index] = sid;
      weights[index] = sw;
      top[index] = topPos;
      days[index] = dayOf(article);
    }
  }

  /** Sorts by weight, then by {@code position}: the float bits of a weight >= 0 sort as it does. */
  private static long strength(double weight, int position) {
    return ((long) Float.floatToIntBits((float) weight) << 32) | position;
  }
}
