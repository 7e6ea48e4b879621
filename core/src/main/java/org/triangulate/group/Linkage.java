package org.triangulate.group;

import java.util.Arrays;

/**
 * Average-link clustering over the sparse neighbour graph. The link between clusters A and B is the
 * sum of the weights of the edges between them divided by {@code min(|A||B|, k(|A| + |B|))}: for
 * small clusters the plain average over all pairs, for large ones the share of the links a
 * k-neighbour graph could hold between them, so a story of thousands of articles still merges. A
 * missing edge counts as 0. The best pair (ties to the lower cluster ids) merges while its link
 * reaches the threshold; stale heap entries are dropped when popped.
 *
 * <p>The state persists: articles and edges may be added later, and {@link #merge} continues from
 * the clusters as they are. Clusters never split.
 */
final class Linkage {

  private final double threshold;
  private final double k;
  private int[] parent = new int[0];
  private int[] size = new int[0];
  private int[] next = new int[0];
  private IntDoubleMap[] links = new IntDoubleMap[0];
  private int articles;
  private double[] heapLink = new double[1024];
  private int[] heapA = new int[1024];
  private int[] heapB = new int[1024];
  private int heapSize;

  Linkage(double threshold, int k) {
    this.threshold = threshold;
    this.k = k;
  }

  /** Articles up to {@code n} exist, each new one a cluster of its own. */
  void addArticles(int n) {
    if (n > parent.length) {
      int m = Math.max(n, parent.length * 2);
      parent = Arrays.copyOf(parent, m);
      size = Arrays.copyOf(size, m);
      next = Arrays.copyOf(next, m);
      links = Arrays.copyOf(links, m);
    }
    for (int i = articles; i < n; i++) {
      parent[i] = i;
      size[i] = 1;
      next[i] = i;
    }
    articles = Math.max(articles, n);
  }

  int find(int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  /** Puts two articles in one cluster without looking at links: for loading a given grouping. */
  void join(int a, int b) {
    int x = find(a);
    int y = find(b);
    if (x != y) {
      if (links[x] != null || links[y] != null) {
        throw new IllegalStateException("join before any edge is added");
      }
      int keep = Math.min(x, y);
      int gone = Math.max(x, y);
      parent[gone] = keep;
      size[keep] += size[gone];
      splice(keep, gone);
    }
  }

  void addEdge(int u, int v, double w) {
    int a = find(u);
    int b = find(v);
    if (a == b) {
      return;
    }
    map(a).add(b, w);
    map(b).add(a, w);
    push(a, b);
  }

  /**
   * Takes the clusters of {@code seeds} apart into single articles and re-links them from the
   * graph's current edges, so that {@link #merge} clusters them again with what is known now. Other
   * clusters keep their members; their links to the freed articles are rebuilt.
   */
  void dissolve(int[] seeds, Graph graph) {
    int[] roots = Arrays.stream(seeds).map(this::find).distinct().sorted().toArray();
    int freed = 0;
    for (int r : roots) {
      freed += size[r];
    }
    int[] members = new int[freed];
    int m = 0;
    for (int r : roots) {
      if (links[r] != null) {
        for (int c : links[r].keys()) {
          if (links[c] != null) {
            links[c].remove(r);
          }
        }
      }
      int x = r;
      do {
        members[m++] = x;
        x = next[x];
      } while (x != r);
    }
    Arrays.sort(members);
    for (int x : members) {
      parent[x] = x;
      size[x] = 1;
      next[x] = x;
      links[x] = null;
    }
    for (int x : members) {
      for (int i = 0; i < graph.incidentCount(x); i++) {
        int e = graph.incident(x, i);
        float w = graph.weight(e);
        int y = graph.from(e) == x ? graph.to(e) : graph.from(e);
        boolean bothFreed = Arrays.binarySearch(members, y) >= 0;
        if (w > 0 && (!bothFreed || x < y)) {
          addEdge(x, y, w);
        }
      }
    }
  }

  /** Joins the member rings of two clusters. */
  private void splice(int a, int b) {
    int t = next[a];
    next[a] = next[b];
    next[b] = t;
  }

  /** Merges the best pair of clusters while its link reaches the threshold. */
  void merge() {
    while (heapSize > 0) {
      double l = heapLink[0];
      int a = heapA[0];
      int b = heapB[0];
      pop();
      if (parent[a] == a && parent[b] == b && link(a, b) == l) {
        union(a, b);
      }
    }
  }

  private void union(int a, int b) {
    boolean aKeeps = links[a].size() != links[b].size() ? links[a].size() > links[b].size() : a < b;
    int keep = aKeeps ? a : b;
    int gone = aKeeps ? b : a;
    IntDoubleMap kept = links[keep];
    IntDoubleMap merged = links[gone];
    for (int c : merged.keys()) {
      if (c != keep) {
        double s = merged.get(c);
        kept.add(c, s);
        links[c].remove(gone);
        links[c].add(keep, s);
      }
    }
    kept.remove(gone);
    size[keep] += size[gone];
    parent[gone] = keep;
    splice(keep, gone);
    links[gone] = null;
    for (int c : kept.keys()) {
      push(keep, c);
    }
  }

  private double link(int a, int b) {
    double sa = size[a];
    double sb = size[b];
    return links[a].get(b) / (sa * sb * Math.min(1, k / (sa + sb - 1)));
  }

  private IntDoubleMap map(int c) {
    if (links[c] == null) {
      links[c] = new IntDoubleMap();
    }
    return links[c];
  }

  private void push(int x, int y) {
    double l = link(x, y);
    if (l < threshold) {
      return;
    }
    if (heapSize == heapLink.length) {
      int m = heapSize * 2;
      heapLink = Arrays.copyOf(heapLink, m);
      heapA = Arrays.copyOf(heapA, m);
      heapB = Arrays.copyOf(heapB, m);
    }
    int i = heapSize++;
    int a = Math.min(x, y);
    int b = Math.max(x, y);
    while (i > 0) {
      int p = (i - 1) >>> 1;
      if (!before(l, a, b, p)) {
        break;
      }
      set(i, heapLink[p], heapA[p], heapB[p]);
      i = p;
    }
    set(i, l, a, b);
  }

  private void pop() {
    heapSize--;
    if (heapSize == 0) {
      return;
    }
    double l = heapLink[heapSize];
    int a = heapA[heapSize];
    int b = heapB[heapSize];
    int i = 0;
    while (true) {
      int c = 2 * i + 1;
      if (c >= heapSize) {
        break;
      }
      if (c + 1 < heapSize && before(heapLink[c + 1], heapA[c + 1], heapB[c + 1], c)) {
        c++;
      }
      if (!precedes(heapLink[c], heapA[c], heapB[c], l, a, b)) {
        break;
      }
      set(i, heapLink[c], heapA[c], heapB[c]);
      i = c;
    }
    set(i, l, a, b);
  }

  /** Whether entry (l, a, b) comes before heap slot {@code p}. */
  private boolean before(double l, int a, int b, int p) {
    return precedes(l, a, b, heapLink[p], heapA[p], heapB[p]);
  }

  private static boolean precedes(double l, int a, int b, double m, int c, int d) {
    if (l != m) {
      return l > m;
    }
    return a != c ? a < c : b < d;
  }

  private void set(int i, double l, int a, int b) {
    heapLink[i] = l;
    heapA[i] = a;
    heapB[i] = b;
  }
}
