package org.triangulate.align.lsh;

import java.util.Arrays;

/**
 * Growable primitive arrays in fixed pages of 16,384 elements: growing allocates one more page and
 * copies nothing, so the memory held is the memory used plus at most one partly filled page, and no
 * huge array is ever copied. Not thread-safe.
 */
final class Pages {

  static final int SHIFT = 14;
  static final int SIZE = 1 << SHIFT;
  static final int MASK = SIZE - 1;

  private Pages() {}

  /** Ints. */
  static final class Ints {
    private int[][] pages = new int[4][];
    private long size;

    long size() {
      return size;
    }

    int get(long i) {
      return pages[(int) (i >>> SHIFT)][(int) i & MASK];
    }

    void set(long i, int v) {
      pages[(int) (i >>> SHIFT)][(int) i & MASK] = v;
    }

    void add(int v) {
      int p = (int) (size >>> SHIFT);
      if (p == pages.length) {
        pages = Arrays.copyOf(pages, p * 2);
      }
      if (pages[p] == null) {
        pages[p] = new int[SIZE];
      }
      pages[p][(int) size & MASK] = v;
      size++;
    }

    /** Bytes held: the pages allocated and the page table. */
    long bytes() {
      long pageCount = (size + MASK) >>> SHIFT;
      return pageCount * (16 + 4L * SIZE) + 16 + 4L * pages.length;
    }

    /** Bytes of the elements in use. */
    long usedBytes() {
      return 4 * size;
    }
  }

  /** Bytes. */
  static final class Bytes {
    private byte[][] pages = new byte[4][];
    private long size;

    long size() {
      return size;
    }

    byte get(long i) {
      return pages[(int) (i >>> SHIFT)][(int) i & MASK];
    }

    /** Appends all of {@code src}. */
    void add(byte[] src) {
      int from = 0;
      while (from < src.length) {
        int p = (int) (size >>> SHIFT);
        if (p == pages.length) {
          pages = Arrays.copyOf(pages, p * 2);
        }
        if (pages[p] == null) {
          pages[p] = new byte[SIZE];
        }
        int at = (int) size & MASK;
        int n = Math.min(src.length - from, SIZE - at);
        System.arraycopy(src, from, pages[p], at, n);
        from += n;
        size += n;
      }
    }

    long bytes() {
      long pageCount = (size + MASK) >>> SHIFT;
      return pageCount * (16 + (long) SIZE) + 16 + 4L * pages.length;
    }

    long usedBytes() {
      return size;
    }
  }
}
