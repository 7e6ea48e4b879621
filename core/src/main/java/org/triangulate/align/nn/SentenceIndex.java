package org.triangulate.align.nn;

import java.util.Arrays;
import java.util.List;

/**
 * Banded random-hyperplane LSH over sentence vectors, and the exact check of what collides. Each
 * sentence (a unit: a distinct text, found in one or more articles) gets a signature of {@code
 * bands * rows} bits; two units collide when all the bits of some band agree. Every colliding pair
 * of units from different articles is checked once (at the first band where it collides) by its
 * exact cosine; those at or above the threshold are the matches.
 *
 * <p>Memory: the signatures, {@code 8 * ceil(bands * rows / 64)} bytes per unit, and one {@code
 * long} per unit for the band being sorted; the vectors are the caller's. Deterministic: the result
 * depends only on the vectors, in the units' order, and the parameters.
 */
final class SentenceIndex {

  /** The unit pairs at or above the threshold ({@code u[i] < v[i]}), and what it took. */
  record Matches(int[] u, int[] v, double[] cosine, int size, long checked, long signatureBytes) {}

  /**
   * Each unit's articles, sorted and distinct: those of unit {@code u} are {@code
   * article[start[u]]} to {@code article[start[u + 1] - 1]}. Two flat arrays, eight bytes a unit.
   */
  record Units(int[] start, int[] article) {
    int size() {
      return start.length - 1;
    }

    int count(int u) {
      return start[u + 1] - start[u];
    }

    long bytes() {
      return 32 + 4L * start.length + 4L * article.length;
    }

    /** From {@code {unit, article}} occurrences in article order. */
    static Units of(List<int[]> occurrences, int units) {
      int[] count = new int[units + 1];
      int[] last = new int[units];
      Arrays.fill(last, -1);
      for (int[] o : occurrences) {
        if (last[o[0]] != o[1]) {
          last[o[0]] = o[1];
          count[o[0] + 1]++;
        }
      }
      for (int u = 0; u < units; u++) {
        count[u + 1] += count[u];
      }
      int[] article = new int[count[units]];
      int[] at = Arrays.copyOf(count, units);
      Arrays.fill(last, -1);
      for (int[] o : occurrences) {
        if (last[o[0]] != o[1]) {
          last[o[0]] = o[1];
          article[at[o[0]]++] = o[1];
        }
      }
      return new Units(count, article);
    }
  }

  private SentenceIndex() {}

  /**
   * @param vectors the units' unit-length vectors, {@code dimensions} floats each, back to back
   * @param articles each unit's articles
   */
  static Matches search(
      float[] vectors, int dimensions, Units articles, ParaphraseCandidates.Params p) {
    int units = articles.size();
    SimHasher hasher = new SimHasher(dimensions, p.bands() * p.rows(), p.seed());
    int words = hasher.words();
    long[] sig = new long[units * words];
    for (int u = 0; u < units; u++) {
      hasher.sign(vectors, u * dimensions, sig, u * words);
    }
    Growing out = new Growing();
    long checked = 0;
    long[] keys = new long[units];
    for (int band = 0; band < p.bands(); band++) {
      for (int u = 0; u < units; u++) {
        keys[u] = (bandOf(sig, u * words, band, p.rows()) << 32) | u;
      }
      Arrays.sort(keys);
      for (int start = 0; start < units; ) {
        long bucket = keys[start] >>> 32;
        int end = start + 1;
        while (end < units && keys[end] >>> 32 == bucket) {
          end++;
        }
        for (int x = start; x < end; x++) {
          int u = (int) keys[x];
          for (int y = x + 1; y < end; y++) {
            int v = (int) keys[y];
            if (oneArticle(articles, u, v)
                || collidedBefore(sig, u * words, v * words, band, p.rows())) {
              continue;
            }
            checked++;
            double c = dot(vectors, u * dimensions, v * dimensions, dimensions);
            if (c >= p.threshold()) {
              out.add(u, v, c);
            }
          }
        }
        start = end;
      }
    }
    return new Matches(out.u, out.v, out.c, out.size, checked, 16 + 8L * sig.length);
  }

  /** Units whose matches and copies lie in more than {@code max} articles. */
  static boolean[] fannedOut(
      Matches m, Units articles, int articleCount, int max) {
    int units = articles.size();
    int[] start = articles.start();
    int[] art = articles.article();
    int[] degree = new int[units];
    for (int i = 0; i < m.size(); i++) {
      degree[m.u()[i]]++;
      degree[m.v()[i]]++;
    }
    boolean[] out = new boolean[units];
    boolean any = false;
    for (int u = 0; u < units && !any; u++) {
      any = articles.count(u) + degree[u] > max;
    }
    if (!any) {
      return out; // no unit can reach more articles than that
    }
    int[][] neighbours = new int[units][];
    for (int u = 0; u < units; u++) {
      neighbours[u] = new int[degree[u]];
    }
    Arrays.fill(degree, 0);
    for (int i = 0; i < m.size(); i++) {
      int u = m.u()[i];
      int v = m.v()[i];
      neighbours[u][degree[u]++] = v;
      neighbours[v][degree[v]++] = u;
    }
    int[] stamp = new int[articleCount];
    for (int u = 0; u < units; u++) {
      if (articles.count(u) + neighbours[u].length <= max) {
        continue;
      }
      int seen = 0;
      for (int x = start[u]; x < start[u + 1]; x++) {
        if (stamp[art[x]] != u + 1) {
          stamp[art[x]] = u + 1;
          seen++;
        }
      }
      for (int v : neighbours[u]) {
        for (int x = start[v]; x < start[v + 1]; x++) {
          if (stamp[art[x]] != u + 1) {
            stamp[art[x]] = u + 1;
            seen++;
          }
        }
      }
      out[u] = seen > max;
    }
    return out;
  }

  /** Whether both units occur only in one and the same article: nothing to link. */
  private static boolean oneArticle(Units articles, int u, int v) {
    return articles.count(u) == 1
        && articles.count(v) == 1
        && articles.article()[articles.start()[u]] == articles.article()[articles.start()[v]];
  }

  private static boolean collidedBefore(long[] sig, int a, int b, int band, int rows) {
    for (int i = 0; i < band; i++) {
      if (bandOf(sig, a, i, rows) == bandOf(sig, b, i, rows)) {
        return true;
      }
    }
    return false;
  }

  /** The {@code rows} bits of band {@code band} of the signature at {@code at}, as a number. */
  static long bandOf(long[] sig, int at, int band, int rows) {
    int from = band * rows;
    int word = from >>> 6;
    int shift = from & 63;
    long bits = sig[at + word] >>> shift;
    if (shift + rows > 64) {
      bits |= sig[at + word + 1] << (64 - shift);
    }
    return bits & ((1L << rows) - 1);
  }

  /** The dot product in double, four running sums (the same order every time). */
  static double dot(float[] v, int a, int b, int n) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      s0 += (double) v[a + i] * v[b + i];
      s1 += (double) v[a + i + 1] * v[b + i + 1];
      s2 += (double) v[a + i + 2] * v[b + i + 2];
      s3 += (double) v[a + i + 3] * v[b + i + 3];
    }
    for (; i < n; i++) {
      s0 += (double) v[a + i] * v[b + i];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** Parallel growable arrays of matches. */
  private static final class Growing {
    int[] u = new int[64];
    int[] v = new int[64];
    double[] c = new double[64];
    int size;

    void add(int x, int y, double cos) {
      if (size == u.length) {
        u = Arrays.copyOf(u, size * 2);
        v = Arrays.copyOf(v, size * 2);
        c = Arrays.copyOf(c, size * 2);
      }
      u[size] = x;
      v[size] = y;
      c[size] = cos;
      size++;
    }
  }
}
