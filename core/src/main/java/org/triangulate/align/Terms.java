package org.triangulate.align;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A sequence of strings read once so that two sequences compare fast: its distinct strings sorted
 * (by {@link String#hashCode}, then {@link String#compareTo}), how often each occurs, and, for each
 * position, the index of its string among the distinct ones. Two sequences are matched by one merge
 * of their sorted distinct strings ({@link #match}), which compares hash codes and looks at the
 * characters only when two hash codes are equal; bag overlaps, set overlaps and word-by-word
 * dynamic programmes then run on small integers. Exact: two strings are one only when they are
 * equal. Immutable.
 */
final class Terms {

  static final Terms EMPTY = new Terms(new String[0], new int[0], new int[0]);

  /** The order of the distinct strings: hash code first, so that most comparisons are of ints. */
  private static final Comparator<String> ORDER = Terms::compare;

  /** The distinct strings, sorted by {@link #ORDER}. */
  private final String[] distinct;

  /** {@code hashes[k]}: the hash code of {@code distinct[k]}. */
  private final int[] hashes;

  /** {@code counts[k]}: how often {@code distinct[k]} occurs. */
  private final int[] counts;

  /** {@code at[i]}: the index in {@link #distinct} of the string at position {@code i}. */
  private final int[] at;

  /**
   * For a sequence of at most 64 items, {@code masks[k]}: the positions of {@code distinct[k]} as
   * bits, for the bit-parallel {@link #lcs} and {@link #editDistance}; else null.
   */
  private final long[] masks;

  private Terms(String[] distinct, int[] counts, int[] at) {
    this.distinct = distinct;
    this.hashes = new int[distinct.length];
    for (int k = 0; k < distinct.length; k++) {
      hashes[k] = distinct[k].hashCode();
    }
    this.counts = counts;
    this.at = at;
    if (at.length <= 64) {
      masks = new long[distinct.length];
      for (int i = 0; i < at.length; i++) {
        masks[at[i]] |= 1L << i;
      }
    } else {
      masks = null;
    }
  }

  static Terms of(List<String> sequence) {
    int n = sequence.size();
    if (n == 0) {
      return EMPTY;
    }
    String[] sorted = sequence.toArray(new String[0]);
    Arrays.sort(sorted, ORDER);
    int d = 0;
    for (int i = 0; i < n; i++) {
      if (d == 0 || !sorted[i].equals(sorted[d - 1])) {
        sorted[d++] = sorted[i];
      }
    }
    String[] distinct = Arrays.copyOf(sorted, d);
    int[] counts = new int[d];
    int[] at = new int[n];
    for (int i = 0; i < n; i++) {
      int k = Arrays.binarySearch(distinct, sequence.get(i), ORDER);
      at[i] = k;
      counts[k]++;
    }
    return new Terms(distinct, counts, at);
  }

  /** The length of the sequence. */
  int size() {
    return at.length;
  }

  /** The number of distinct strings. */
  int distinctSize() {
    return distinct.length;
  }

  boolean contains(String s) {
    return Arrays.binarySearch(distinct, s, ORDER) >= 0;
  }

  private static int compare(String x, String y) {
    int c = Integer.compare(x.hashCode(), y.hashCode());
    return c != 0 ? c : x.compareTo(y);
  }


  /** For each distinct string of this sequence, its index among {@code other}'s, or -1. */
  int[] match(Terms other) {
    int[] out = new int[distinct.length];
    java.util.Arrays.fill(out, -1);
    int[] hx = hashes;
    int[] hy = other.hashes;
    int i = 0;
    int j = 0;
    while (i < hx.length && j < hy.length) {
      int c = hx[i] != hy[j] ? Integer.compare(hx[i], hy[j]) : compareEqualHashes(i, other, j);
      if (c == 0) {
        out[i++] = j++;
      } else if (c < 0) {
        i++;
      } else {
        j++;
      }
    }
    return out;
  }

  /** The order of two distinct strings with one hash code: 0 when they are equal. */
  private int compareEqualHashes(int i, Terms other, int j) {
    String x = distinct[i];
    String y = other.distinct[j];
    return x.equals(y) ? 0 : x.compareTo(y);
  }

  /**
   * How many items the two sequences have in common as bags: each occurrence used once, that is
   * the sum over shared strings of the smaller count.
   */
  int common(Terms other) {
    int[] hx = hashes;
    int[] hy = other.hashes;
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < hx.length && j < hy.length) {
      int c = hx[i] != hy[j] ? Integer.compare(hx[i], hy[j]) : compareEqualHashes(i, other, j);
      if (c == 0) {
        n += Math.min(counts[i++], other.counts[j++]);
      } else if (c < 0) {
        i++;
      } else {
        j++;
      }
    }
    return n;
  }

  /**
   * {@link #common} and, in the same pass, how many items of each (with repeats) the other lacks:
   * {@code {common, unmatched here, unmatched there}}.
   */
  int[] commonAndUnmatched(Terms other) {
    int[] hx = hashes;
    int[] hy = other.hashes;
    int i = 0;
    int j = 0;
    int n = 0;
    int matchedHere = 0;
    int matchedThere = 0;
    while (i < hx.length && j < hy.length) {
      int c = hx[i] != hy[j] ? Integer.compare(hx[i], hy[j]) : compareEqualHashes(i, other, j);
      if (c == 0) {
        matchedHere += counts[i];
        matchedThere += other.counts[j];
        n += Math.min(counts[i++], other.counts[j++]);
      } else if (c < 0) {
        i++;
      } else {
        j++;
      }
    }
    return new int[] {n, size() - matchedHere, other.size() - matchedThere};
  }

  /** How many items of this sequence (with repeats) are not in {@code other}. */
  int unmatched(Terms other) {
    return commonAndUnmatched(other)[1];
  }

  /**
   * The sequence as the indices, in {@code other}'s distinct strings, of its items (-1 where
   * {@code other} lacks one): two positions hold the same string exactly when {@code
   * in(other)[i] == other.positions()[j]}.
   */
  int[] in(Terms other) {
    int[] m = match(other);
    int[] out = new int[at.length];
    for (int i = 0; i < at.length; i++) {
      out[i] = m[at[i]];
    }
    return out;
  }

  /** Each position's index among this sequence's distinct strings (not a copy: do not write). */
  int[] positions() {
    return at;
  }

  /**
   * The length of the longest common subsequence of two sequences: bit-parallel (Allison and Dix
   * 1986, Hyyrö 2004) when one has at most 64 items, else by dynamic programming.
   */
  static int lcs(Terms a, Terms b) {
    if (b.masks == null && a.masks != null) {
      return lcs(b, a);
    }
    if (b.masks == null) {
      return lcs(a.in(b), b.positions());
    }
    int[] m = a.match(b);
    long v = -1L;
    for (int x : a.at) {
      int k = m[x];
      if (k >= 0) {
        long u = v & b.masks[k];
        v = (v + u) | (v - u);
      }
    }
    int n = b.at.length;
    long all = n == 64 ? -1L : (1L << n) - 1;
    return Long.bitCount(~v & all);
  }

  /** The longest common subsequence of two sequences of indices (-1 matches nothing). */
  static int lcs(int[] a, int[] b) {
    int m = b.length;
    int[] prev = new int[m + 1];
    int[] cur = new int[m + 1];
    for (int x : a) {
      if (x < 0) {
        continue; // a position that matches nothing leaves the row as it was
      }
      for (int j = 1; j <= m; j++) {
        cur[j] = x == b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[m];
  }

  /**
   * Word-level Levenshtein distance (insertions, deletions, substitutions) of two sequences:
   * bit-parallel (Hyyrö 2003) when one has at most 64 items, else by dynamic programming.
   */
  static int editDistance(Terms a, Terms b) {
    if (b.masks == null && a.masks != null) {
      return editDistance(b, a);
    }
    if (b.masks == null) {
      return editDistance(a.in(b), b.positions());
    }
    int n = b.at.length;
    if (n == 0) {
      return a.at.length;
    }
    int[] m = a.match(b);
    long vp = -1L;
    long vn = 0;
    long last = 1L << (n - 1);
    int distance = n;
    for (int x : a.at) {
      int k = m[x];
      long eq = k >= 0 ? b.masks[k] : 0;
      long d0 = (((eq & vp) + vp) ^ vp) | eq | vn;
      long hp = vn | ~(d0 | vp);
      long hn = d0 & vp;
      if ((hp & last) != 0) {
        distance++;
      } else if ((hn & last) != 0) {
        distance--;
      }
      hp = (hp << 1) | 1;
      hn = hn << 1;
      vp = hn | ~(d0 | hp);
      vn = hp & d0;
    }
    return distance;
  }

  /** Levenshtein distance of two sequences of indices (-1 matches nothing), by dynamic programming. */
  static int editDistance(int[] x, int[] y) {
    int m = y.length;
    int[] prev = new int[m + 1];
    int[] cur = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= x.length; i++) {
      cur[0] = i;
      int xi = x[i - 1];
      for (int j = 1; j <= m; j++) {
        int sub = prev[j - 1] + (xi == y[j - 1] ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[m];
  }
}
