package org.triangulate.group;

import java.util.Arrays;
import java.util.List;
import org.triangulate.model.Article;

/**
 * Feature ids and document frequencies over every article grouped so far. Ids are dense, assigned
 * per update in the order of the feature hashes, so they do not depend on thread scheduling.
 *
 * <p>When {@code keepRare} is false (batch mode) a feature seen in one article only gets no id: it
 * cannot link two articles, yet still counts, with document frequency 1, in its article's vector
 * norm. This keeps the dictionary small on large corpora. Incremental mode keeps every feature,
 * since a later article may share it.
 */
final class Dictionary {

  /** Flush a worker's partial counts into the shared map beyond this many features. */
  private static final int FLUSH = 1 << 20;

  private final boolean keepRare;
  private LongIntMap ids = new LongIntMap(1 << 12);
  private int[] df = new int[1 << 12];
  private long[] hashes = new long[1 << 12];
  private int size;
  private long docs;

  Dictionary(boolean keepRare) {
    this.keepRare = keepRare;
  }

  int size() {
    return size;
  }

  long docs() {
    return docs;
  }

  /** The id of a feature, or -1. */
  int id(long feature) {
    return ids.get(feature, -1);
  }

  long feature(int id) {
    return hashes[id];
  }

  /** The document frequency of a feature the latest update saw. */
  int df(long feature) {
    int id = ids.get(feature, -1);
    return id < 0 ? 1 : df[id];
  }

  double idf(int documentFrequency) {
    return idf(docs, documentFrequency);
  }

  /** The inverse document frequency of a feature in {@code df} of {@code docs} articles. */
  static double idf(long docs, int df) {
    return 1 + Math.log((docs + 1.0) / (df + 1.0));
  }

  /**
   * A dictionary that holds just {@code features}, whose ids are their positions: for reading a
   * story's features back ({@link #feature}); it counts no document frequency.
   */
  static Dictionary of(long[] features) {
    Dictionary d = new Dictionary(false);
    d.ensure(features.length);
    for (long f : features) {
      d.ids.put(f, d.size);
      d.hashes[d.size] = f;
      d.size++;
    }
    return d;
  }

  /** Counts the document frequencies of the features of {@code batch} (pass one of two). */
  void update(List<Article> batch, org.triangulate.work.Workers workers, int threads) {
    LongIntMap counts = new LongIntMap(1 << 16);
    Parallel.forEach(
        workers,
        threads,
        batch.size(),
        Counter::new,
        (c, i) -> {
          c.article.clear();
          c.features.extract(batch.get(i), (f, s, b, e, w) -> c.article.add(f, 1));
          c.article.forEach((f, n) -> c.partial.add(f, 1));
          if (c.partial.size() > FLUSH) {
            flush(c.partial, counts);
          }
        },
        c -> flush(c.partial, counts));
    long[] fresh = freshFeatures(counts);
    ensure(size + fresh.length);
    for (long f : fresh) {
      ids.put(f, size);
      hashes[size] = f;
      size++;
    }
    counts.forEach(
        (f, n) -> {
          int id = ids.get(f, -1);
          if (id >= 0) {
            df[id] += n;
          }
        });
    docs += batch.size();
  }

  private long[] freshFeatures(LongIntMap counts) {
    long[] all = counts.sortedKeys();
    int n = 0;
    for (long f : all) {
      if (ids.get(f, -1) < 0 && (keepRare || counts.get(f, 0) >= 2)) {
        all[n++] = f;
      }
    }
    return Arrays.copyOf(all, n);
  }

  private static void flush(LongIntMap partial, LongIntMap counts) {
    synchronized (counts) {
      partial.forEach(counts::add);
    }
    partial.clear();
  }

  private void ensure(int capacity) {
    if (capacity > df.length) {
      int n = Math.max(capacity, df.length * 2);
      df = Arrays.copyOf(df, n);
      hashes = Arrays.copyOf(hashes, n);
    }
  }

  private static final class Counter {
    final Features features = new Features();
    final LongIntMap article = new LongIntMap(1 << 10);
    final LongIntMap partial = new LongIntMap(1 << 16);
  }
}
