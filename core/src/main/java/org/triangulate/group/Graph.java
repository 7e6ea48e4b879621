package org.triangulate.group;

import java.util.Arrays;

/**
 * The neighbour graph: each article's {@code k} best links found so far, and the undirected edges
 * they make: an edge for every pair where either article is among the other's {@code k} best. When
 * a later article pushes a link out of a list, and the other end does not list it either, the edge
 * goes (its slot stays, with weight 0).
 */
final class Graph {

  private final int k;
  private int[] neighbour = new int[0];
  private float[] similarity = new float[0];
  private int[] count = new int[0];
  private int[] from = new int[1024];
  private int[] to = new int[1024];
  private float[] weight = new float[1024];
  private int edges;
  private final LongIntMap edgeIndex = new LongIntMap(1024);
  private int[][] incident = new int[0][];
  private int[] incidentCount = new int[0];

  Graph(int k) {
    this.k = k;
  }

  void ensure(int articles) {
    if (articles > count.length) {
      int n = Math.max(articles, count.length * 2);
      neighbour = Arrays.copyOf(neighbour, n * k);
      similarity = Arrays.copyOf(similarity, n * k);
      count = Arrays.copyOf(count, n);
      incident = Arrays.copyOf(incident, n);
      incidentCount = Arrays.copyOf(incidentCount, n);
    }
  }

  /** {@link #offer} found {@code b} no better than {@code a}'s current links. */
  static final int REFUSED = -2;

  /** {@link #offer} took {@code b} into a list that had room. */
  static final int TAKEN = -1;

  /**
   * Offers {@code b} as a neighbour of {@code a}: {@link #REFUSED}, {@link #TAKEN}, or the article
   * that {@code b} pushed out of {@code a}'s full list.
   */
  int offer(int a, int b, float s) {
    int base = a * k;
    int n = count[a];
    for (int i = 0; i < n; i++) {
      if (neighbour[base + i] == b) {
        return REFUSED;
      }
    }
    // Find the place of (s desc, b asc); a full list drops its last.
    int i = n;
    while (i > 0 && better(s, b, similarity[base + i - 1], neighbour[base + i - 1])) {
      i--;
    }
    if (i >= k) {
      return REFUSED;
    }
    int dropped = n == k ? neighbour[base + k - 1] : TAKEN;
    int last = Math.min(n, k - 1);
    for (int j = last; j > i; j--) {
      neighbour[base + j] = neighbour[base + j - 1];
      similarity[base + j] = similarity[base + j - 1];
    }
    neighbour[base + i] = b;
    similarity[base + i] = s;
    count[a] = Math.min(n + 1, k);
    return dropped;
  }

  /** Whether {@code b} is among {@code a}'s links. */
  boolean lists(int a, int b) {
    int base = a * k;
    for (int i = 0; i < count[a]; i++) {
      if (neighbour[base + i] == b) {
        return true;
      }
    }
    return false;
  }

  /** Removes the edge between {@code a} and {@code b}, if any, and returns its weight (else 0). */
  float removeEdge(int a, int b) {
    long key = a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
    int e = edgeIndex.get(key, -1);
    if (e < 0) {
      return 0;
    }
    edgeIndex.put(key, -1);
    float w = weight[e];
    weight[e] = 0;
    return w;
  }

  private static boolean better(float s, int b, float t, int c) {
    return s != t ? s > t : b < c;
  }

  /** Adds an edge for every link of {@code a} not yet an edge. */
  void addEdgesOf(int a) {
    int base = a * k;
    for (int i = 0; i < count[a]; i++) {
      int b = neighbour[base + i];
      long key = a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
      if (edgeIndex.get(key, -1) < 0) {
        edgeIndex.put(key, edges);
        if (edges == from.length) {
          from = Arrays.copyOf(from, edges * 2);
          to = Arrays.copyOf(to, edges * 2);
          weight = Arrays.copyOf(weight, edges * 2);
        }
        from[edges] = Math.min(a, b);
        to[edges] = Math.max(a, b);
        weight[edges] = similarity[base + i];
        attach(a, edges);
        attach(b, edges);
        edges++;
      }
    }
  }

  private void attach(int a, int e) {
    if (incident[a] == null) {
      incident[a] = new int[2 * k];
    } else if (incidentCount[a] == incident[a].length) {
      incident[a] = Arrays.copyOf(incident[a], incidentCount[a] * 2);
    }
    incident[a][incidentCount[a]++] = e;
  }

  /** The edges that touch {@code a}, removed ones included (their weight is 0). */
  int incidentCount(int a) {
    return incidentCount[a];
  }

  int incident(int a, int i) {
    return incident[a][i];
  }

  int edges() {
    return edges;
  }

  int from(int e) {
    return from[e];
  }

  int to(int e) {
    return to[e];
  }

  float weight(int e) {
    return weight[e];
  }
}
