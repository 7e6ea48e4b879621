package org.triangulate.align.lsh;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Word k-shingles of a normalised text, hashed to 64 bits.
 *
 * <p>Normalisation: a word is a maximal run of letters and digits ({@link
 * Character#isLetterOrDigit(int)}), lower-cased ({@link Character#toLowerCase(int)}); everything
 * else separates words. So case, punctuation, quote styles, dashes and line breaks do not change
 * the shingles ({@code "al-Assad’s"} and {@code "Al Assad's"} both give {@code al assad s}). A text
 * of fewer than k words, but at least one, gives one shingle of all its words.
 *
 * <p>Hashing: each word is hashed with 64-bit FNV-1a over its lower-cased UTF-16 chars, finished
 * with the murmur3 {@code fmix64} mix; a shingle is a polynomial of its k word hashes (so word
 * order matters), kept rolling so that each word costs two multiplications whatever k, finished
 * with {@code fmix64} again. No strings are made; the text is copied once into a reused char
 * buffer. The hash is fixed (no seed): the same words give the same shingle hash in every run and
 * every JVM.
 *
 * <p>An instance keeps its buffer between texts and is not thread-safe; the static helpers are.
 */
public final class Shingles {

  /** The default shingle length in words. */
  public static final int DEFAULT_K = 5;

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;
  private static final long BASE = 0x9E3779B97F4A7C15L;
  private static final byte[] LOWER = new byte[128];

  static {
    for (int c = '0'; c <= '9'; c++) {
      LOWER[c] = (byte) c;
    }
    for (int c = 'a'; c <= 'z'; c++) {
      LOWER[c] = (byte) c;
      LOWER[c - 32] = (byte) c;
    }
  }

  private final int k;
  private final long[] ring;
  private final long baseToKMinus1;
  private long[] hashes = new long[1024];
  private char[] chars = new char[8192];
  private int size;
  private int words;
  private long rolling;

  /** Shingles of {@code k} words, 1 to 16. */
  public Shingles(int k) {
    if (k < 1 || k > 16) {
      throw new IllegalArgumentException("k must be 1 to " + 16 + ": " + k);
    }
    this.k = k;
    this.ring = new long[k];
    long p = 1;
    for (int i = 1; i < k; i++) {
      p *= BASE;
    }
    this.baseToKMinus1 = p;
  }

  /** The shingle length in words. */
  public int k() {
    return k;
  }

  /**
   * Hashes the shingles of {@code text}, in text order (repeats included), into this instance's
   * buffer, and returns how many there are: max(0, words - k + 1), or 1 for a text of 1 to k-1
   * words. Read them with {@link #hashes()}.
   */
  public int hash(CharSequence text) {
    int len = text.length();
    char[] buf = chars;
    if (buf.length < len) {
      buf = chars = new char[Math.max(len, buf.length * 2)];
    }
    if (text instanceof String s) {
      s.getChars(0, len, buf, 0);
    } else {
      for (int i = 0; i < len; i++) {
        buf[i] = text.charAt(i);
      }
    }
    words = 0;
    size = 0;
    rolling = 0;
    Arrays.fill(ring, 0);
    long h = FNV_OFFSET;
    boolean inWord = false;
    for (int i = 0; i < len; i++) {
      char c = buf[i];
      if (c < 128) {
        int lc = LOWER[c];
        if (lc != 0) {
          h = (h ^ lc) * FNV_PRIME;
          inWord = true;
          continue;
        }
      } else {
        int cp = c;
        int step = 1;
        if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(buf[i + 1])) {
          cp = Character.toCodePoint(c, buf[i + 1]);
          step = 2;
        }
        i += step - 1;
        if (Character.isLetterOrDigit(cp)) {
          int lc = Character.toLowerCase(cp);
          if (lc >= Character.MIN_SUPPLEMENTARY_CODE_POINT) {
            h = (h ^ Character.highSurrogate(lc)) * FNV_PRIME;
            h = (h ^ Character.lowSurrogate(lc)) * FNV_PRIME;
          } else {
            h = (h ^ lc) * FNV_PRIME;
          }
          inWord = true;
          continue;
        }
      }
      if (inWord) {
        word(fmix64(h));
        h = FNV_OFFSET;
        inWord = false;
      }
    }
    if (inWord) {
      word(fmix64(h));
    }
    if (words > 0 && words < k) {
      // fewer than k words: one shingle of them all
      long[] r = ring;
      long x = words;
      for (int j = 0; j < words; j++) {
        x = x * BASE + r[j];
      }
      hashes[size++] = fmix64(x);
    }
    return size;
  }

  private void word(long w) {
    long[] r = ring;
    int slot = words % k;
    // rolling polynomial over the last k word hashes: drop the oldest, shift, add the newest
    rolling = (rolling - r[slot] * baseToKMinus1) * BASE + w;
    r[slot] = w;
    words++;
    if (words >= k) {
      if (size == hashes.length) {
        hashes = Arrays.copyOf(hashes, size * 2);
      }
      hashes[size++] = fmix64(rolling + k);
    }
  }

  /** The buffer of the last {@link #hash}: its first {@link #size()} entries are the shingles. */
  public long[] hashes() {
    return hashes;
  }

  /** How many shingles the last {@link #hash} found. */
  public int size() {
    return size;
  }

  /** A copy of the shingle hashes of {@code text}, in text order. */
  public static long[] of(CharSequence text, int k) {
    Shingles s = new Shingles(k);
    int n = s.hash(text);
    return Arrays.copyOf(s.hashes, n);
  }

  /**
   * The normalised words of {@code text}, as {@link #hash} sees them: for baselines and tests that
   * need the shingles as strings (the k words joined by one space).
   */
  public static List<String> words(CharSequence text) {
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    int len = text.length();
    for (int i = 0; i < len; ) {
      int cp = Character.codePointAt(text, i);
      i += Character.charCount(cp);
      if (isWordChar(cp)) {
        w.appendCodePoint(Character.toLowerCase(cp));
      } else if (w.length() > 0) {
        out.add(w.toString());
        w.setLength(0);
      }
    }
    if (w.length() > 0) {
      out.add(w.toString());
    }
    return out;
  }

  private static boolean isWordChar(int cp) {
    if (cp < 128) {
      return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    }
    return Character.isLetterOrDigit(cp);
  }

  /** The murmur3 64-bit finaliser: a bijection with full avalanche. */
  static long fmix64(long h) {
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    h ^= h >>> 33;
    return h;
  }
}
