package org.triangulate.group;

import java.util.Arrays;

/**
 * An open-addressing map from {@code long} keys to {@code int} values, for feature hashes. Key 0 is
 * reserved as the empty slot, so callers never store 0 (feature hashes are never 0).
 */
final class LongIntMap {

  private long[] keys;
  private int[] values;
  private int size;
  private int mask;

  LongIntMap(int expected) {
    int capacity = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
    keys = new long[capacity];
    values = new int[capacity];
    mask = capacity - 1;
  }

  int size() {
    return size;
  }

  /** The value of {@code key}, or {@code missing}. */
  int get(long key, int missing) {
    int i = slot(key);
    while (true) {
      long k = keys[i];
      if (k == key) {
        return values[i];
      }
      if (k == 0) {
        return missing;
      }
      i = (i + 1) & mask;
    }
  }

  /** Adds {@code delta} to the value of {@code key} (0 when absent) and returns the new value. */
  int add(long key, int delta) {
    int i = slot(key);
    while (true) {
      long k = keys[i];
      if (k == key) {
        return values[i] += delta;
      }
      if (k == 0) {
        keys[i] = key;
        values[i] = delta;
        if (++size * 2 > keys.length) {
          grow();
        }
        return delta;
      }
      i = (i + 1) & mask;
    }
  }

  void put(long key, int value) {
    int i = slot(key);
    while (true) {
      long k = keys[i];
      if (k == key) {
        values[i] = value;
        return;
      }
      if (k == 0) {
        keys[i] = key;
        values[i] = value;
        if (++size * 2 > keys.length) {
          grow();
        }
        return;
      }
      i = (i + 1) & mask;
    }
  }

  /** Empties the map, keeping its capacity unless it grew very large. */
  void clear() {
    if (keys.length > 1 << 16) {
      keys = new long[1 << 10];
      values = new int[1 << 10];
      mask = keys.length - 1;
    } else {
      Arrays.fill(keys, 0L);
    }
    size = 0;
  }

  /** Calls {@code visitor} for every entry, in slot order. */
  void forEach(Visitor visitor) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != 0) {
        visitor.visit(keys[i], values[i]);
      }
    }
  }

  /** Every key, sorted. */
  long[] sortedKeys() {
    long[] out = new long[size];
    int n = 0;
    for (long k : keys) {
      if (k != 0) {
        out[n++] = k;
      }
    }
    Arrays.sort(out);
    return out;
  }

  private int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    mask = keys.length - 1;
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        put(oldKeys[i], oldValues[i]);
      }
    }
  }

  interface Visitor {
    void visit(long key, int value);
  }
}
