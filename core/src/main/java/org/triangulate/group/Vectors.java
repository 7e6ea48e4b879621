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
    return dot(ids[a], weights[a], ids[b], weights[b]) * decay(days[a], days[b]);
  }

  /** The dot product of two sparse vectors whose ids ascend. */
  static double dot(int[] ia, float[] wa, int[] ib, float[] wb) {
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
    return dot;
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

  /** A builder of entries, with its own scratch space: one per worker. */
  Builder builder() {
    return new Builder();
  }

  /** Takes entries built elsewhere as articles {@code size()...}, in order. */
  void add(List<Entry> entries, int[] entryDays) {
    int base = size;
    ensure(base + entries.size());
    for (int i = 0; i < entries.size(); i++) {
      ids[base + i] = entries.get(i).ids();
      weights[base + i] = entries.get(i).weights();
      top[base + i] = entries.get(i).top();
      days[base + i] = entryDays[i];
    }
    size = base + entries.size();
  }

  /** One worker's scratch space. */
  final class Builder {
    final Features features = new Features();
    final LongIntMap tf = new LongIntMap(1 << 10);
    double[] w = new double[1024];
    long[] order = new long[1024];

    void build(Article article, int index, Dictionary dictionary) {
      tf.clear();
      features.extract(article, (f, s, b, e, n) -> tf.add(f, n));
      long[] keys = tf.sortedKeys();
      int n = keys.length;
      int[] counts = new int[n];
      int[] df = new int[n];
      int[] id = new int[n];
      for (int p = 0; p < n; p++) {
        counts[p] = tf.get(keys[p], 1);
        df[p] = dictionary.df(keys[p]);
        id[p] = dictionary.id(keys[p]);
      }
      Entry entry = entry(keys, counts, df, id, dictionary.docs());
      ids[index] = entry.ids();
      weights[index] = entry.weights();
      top[index] = entry.top();
      days[index] = dayOf(article);
    }

    /**
     * The vector of an article whose features are {@code keys} (sorted), each with its count in
     * the article, its document frequency and its dictionary id (-1 for none), over {@code docs}
     * articles.
     */
    Entry entry(long[] keys, int[] counts, int[] df, int[] id, long docs) {
      int n = keys.length;
      if (w.length < n) {
        w = new double[n * 2];
        order = new long[n * 2];
      }
      for (int p = 0; p < n; p++) {
        w[p] = (1 + Math.log(counts[p])) * Dictionary.idf(docs, df[p]);
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
        if (id[chosen[r]] >= 0) {
          packed[v++] = ((long) id[chosen[r]] << 32) | chosen[r];
        }
      }
      Arrays.sort(packed, 0, v);
      int[] sid = new int[v];
      float[] sw = new float[v];
      long[] sf = new long[v];
      long[] byWeight = new long[v];
      for (int r = 0; r < v; r++) {
        int x = (int) packed[r];
        sid[r] = (int) (packed[r] >>> 32);
        sf[r] = keys[x];
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
      return new Entry(sid, sf, sw, topPos);
    }
  }

  /**
   * An article's vector: dictionary ids ascending, the feature each id stands for, the weights,
   * and the positions of the {@link GroupOptions#indexTerms} strongest entries.
   */
  record Entry(int[] ids, long[] features, float[] weights, int[] top) {}

  /** Sorts by weight, then by {@code position}: the float bits of a weight >= 0 sort as it does. */
  private static long strength(double weight, int position) {
    return ((long) Float.floatToIntBits((float) weight) << 32) | position;
  }
}
