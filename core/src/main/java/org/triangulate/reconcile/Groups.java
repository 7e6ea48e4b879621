package org.triangulate.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Union-find over a story's sentences, with one guard: a group may hold several sentences of one
 * article only when they stand next to each other (a sentence one source splits in two), so that
 * chains of loose matches cannot pull a whole article into one claim.
 */
final class Groups {

  private final int[] parent;
  private final List<Unit> units;
  private final Map<Integer, Map<String, TreeSet<Integer>>> members = new TreeMap<>();

  Groups(List<Unit> units) {
    this.units = units;
    parent = new int[units.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
      Map<String, TreeSet<Integer>> m = new TreeMap<>();
      m.computeIfAbsent(units.get(i).article(), k -> new TreeSet<>()).add(units.get(i).position());
      members.put(i, m);
    }
  }

  int find(int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  boolean same(int a, int b) {
    return find(a) == find(b);
  }

  /** Joins the groups of {@code a} and {@code b} unless the guard forbids it; says whether joined. */
  boolean union(int a, int b) {
    int ra = find(a);
    int rb = find(b);
    if (ra == rb) {
      return true;
    }
    Map<String, TreeSet<Integer>> ma = members.get(ra);
    Map<String, TreeSet<Integer>> mb = members.get(rb);
    for (Map.Entry<String, TreeSet<Integer>> e : mb.entrySet()) {
      TreeSet<Integer> other = ma.get(e.getKey());
      if (other != null) {
        TreeSet<Integer> all = new TreeSet<>(other);
        all.addAll(e.getValue());
        if (all.last() - all.first() + 1 != all.size()) {
          return false;
        }
      }
    }
    int root = Math.min(ra, rb);
    int child = Math.max(ra, rb);
    parent[child] = root;
    Map<String, TreeSet<Integer>> merged = members.get(root);
    members.get(child).forEach((k, v) -> merged.computeIfAbsent(k, x -> new TreeSet<>()).addAll(v));
    members.remove(child);
    return true;
  }

  /** The groups, each a list of unit indices in order, ordered by their first unit. */
  List<List<Integer>> groups() {
    Map<Integer, List<Integer>> out = new TreeMap<>();
    for (int i = 0; i < parent.length; i++) {
      out.computeIfAbsent(find(i), k -> new ArrayList<>()).add(i);
    }
    return new ArrayList<>(out.values());
  }

  List<Unit> units() {
    return units;
  }
}
