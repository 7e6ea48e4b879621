package org.triangulate.group;

/**
 * An open-addressing map from non-negative {@code int} keys to {@code double} values, with deletion
 * by backward shift: the sums of edge weights between one cluster and its neighbours.
 */
final class IntDoubleMap {

  private static final int EMPTY = -1;

  private int[] keys;
  private double[] values;
  private int size;
  private int mask;

  IntDoubleMap() {
    keys = new int[4];
    values = new double[4];
    java.util.Arrays.fill(keys, EMPTY);
    mask = 3;
  }

  int size() {
    return size;
  }

  double get(int key) {
    int i = slot(key);
    while (true) {
      int k = keys[i];
      if (k == key) {
        return values[i];
      }
      if (k == EMPTY) {
        return 0;
      }
      i = (i + 1) & mask;
    }
  }

  /** Adds {@code delta} to the value of {@code key} and returns the new value. */
  double add(int key, double delta) {
    int i = slot(key);
    while (true) {
      int k = keys[i];
      if (k == key) {
        return values[i] += delta;
      }
      if (k == EMPTY) {
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

  void remove(int key) {
    int i = slot(key);
    while (true) {
      int k = keys[i];
      if (k == EMPTY) {
        return;
      }
      if (k == key) {
        break;
      }
      i = (i + 1) & mask;
    }
    // Backward-shift deletion keeps every probe chain unbroken.
    int hole = i;
    int j = i;
    while (true) {
      j = (j + 1) & mask;
      int k = keys[j];
      if (k == EMPTY) {
        break;
      }
      int home = slot(k);
      boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
      if (movable) {
        keys[hole] = k;
        values[hole] = values[j];
        hole = j;
      }
    }
    keys[hole] = EMPTY;
    size--;
  }

  /** The keys, in no particular order (slot order: deterministic for a given history). */
  int[] keys() {
    int[] out = new int[size];
    int n = 0;
    for (int k : keys) {
      if (k != EMPTY) {
        out[n++] = k;
      }
    }
    return out;
  }

  private int slot(int key) {
    return (key * 0x9E3779B9 ^ (key >>> 16)) & mask;
  }

  private void grow() {
    int[] oldKeys = keys;
    double[] oldValues = values;
    keys = new int[oldKeys.length * 2];
    values = new double[oldKeys.length * 2];
    java.util.Arrays.fill(keys, EMPTY);
    mask = keys.length - 1;
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        add(oldKeys[i], oldValues[i]);
      }
    }
  }
}
