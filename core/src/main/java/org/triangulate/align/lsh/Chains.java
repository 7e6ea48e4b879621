package org.triangulate.align.lsh;

import java.util.Arrays;

/**
 * A multimap from 32-bit keys to entry numbers, compact: entries are numbered 0, 1, 2, ... in the
 * order they are added; each entry stores its key and the number of the previous entry in its
 * bucket (8 bytes); a power-of-two table of bucket heads (4 bytes per 4 to 16 entries) points to
 * the newest entry of each bucket, and grows fourfold when buckets average 16 entries (so the
 * rehashing adds up to a third of a pass per entry). Adding is O(1) and writes three ints; looking
 * a key up walks one bucket (4 to 16 entries) and compares keys: inserts are the hot path, lookups
 * are rarer. Callers map entry numbers to documents. No boxing, no per-entry objects. Not
 * thread-safe. At most 2^31 - 1 entries.
 */
final class Chains {

  static final int NONE = -1;
  private static final int MAX_LOAD = 16;

  private final Pages.Ints keys = new Pages.Ints();
  private final Pages.Ints next = new Pages.Ints();
  private int[] heads = filled(1024);
  private int shift = 32 - 10;
  private int size;

  int size() {
    return size;
  }

  int key(int entry) {
    return keys.get(entry);
  }

  /** Adds an entry with {@code key} and returns its number. */
  int add(int key) {
    if (size == Integer.MAX_VALUE) {
      throw new IllegalStateException("index full: 2^31 - 1 entries");
    }
    int e = size++;
    int b = bucket(key);
    keys.add(key);
    next.add(heads[b]);
    heads[b] = e;
    if (size > (long) heads.length * MAX_LOAD && heads.length < 1 << 28) {
      rehash(heads.length * 4);
    }
    return e;
  }

  /** The newest entry of the bucket of {@code key}, or {@link #NONE}; then {@link #next}. */
  int first(int key) {
    return heads[bucket(key)];
  }

  /** The entry before {@code entry} in its bucket (same key or not), or {@link #NONE}. */
  int next(int entry) {
    return next.get(entry);
  }

  private int bucket(int key) {
    return (key * 0x9E3779B1) >>> shift;
  }

  private void rehash(int buckets) {
    heads = filled(buckets);
    shift = 32 - Integer.numberOfTrailingZeros(buckets);
    for (int e = 0; e < size; e++) {
      int b = bucket(keys.get(e));
      next.set(e, heads[b]);
      heads[b] = e;
    }
  }

  private static int[] filled(int n) {
    int[] a = new int[n];
    Arrays.fill(a, NONE);
    return a;
  }

  /** Bytes held by the arrays (allocated pages and the head table). */
  long bytes() {
    return keys.bytes() + next.bytes() + 16 + 4L * heads.length;
  }

  /** Bytes of the entries in use and the head table. */
  long usedBytes() {
    return keys.usedBytes() + next.usedBytes() + 4L * heads.length;
  }
}
