package org.triangulate.reconcile;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;


/**
 * Counts the independent sources behind a set of statements. Two statements count as one source
 * when their articles belong to one group of the story's {@code independentSources} (a chain of
 * copies, a translation), when the two sentences are linked as copied text (verbatim or edited),
 * or when both are the words of the same quoted or cited speaker (five outlets reporting what the
 * army said are one source: the army).
 */
final class Sources {

  private final Map<String, Integer> family = new HashMap<>();
  private final Set<Long> copied = new java.util.HashSet<>();

  Sources(StoryEvidence ev, List<Unit> units, LinkedUnits linked) {
    int f = 0;
    for (List<String> group : ev.provenance().independentSources()) {
      for (String a : group) {
        family.put(a, f);
      }
      f++;
    }
    for (LinkedUnits.Pair p : linked.pairs()) {
      if (p.kind().equals("verbatim") || p.kind().equals("edited")) {
        copied.add(key(p.a(), p.b()));
      }
    }
  }

  private static long key(int a, int b) {
    return ((long) Math.min(a, b) << 32) | Math.max(a, b);
  }

  /** How many independent sources assert the given statements. */
  int count(Collection<Unit> statements) {
    List<Unit> us = List.copyOf(statements);
    int[] parent = new int[us.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    for (int i = 0; i < us.size(); i++) {
      for (int j = i + 1; j < us.size(); j++) {
        Unit a = us.get(i);
        Unit b = us.get(j);
        boolean one =
            a.article().equals(b.article())
                || family.containsKey(a.article()) && family.get(a.article()).equals(family.get(b.article()))
                || copied.contains(key(a.index(), b.index()))
                || a.speaker().isPresent() && a.speaker().equals(b.speaker());
        if (one) {
          int ra = root(parent, i);
          int rb = root(parent, j);
          parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
      }
    }
    Set<Integer> roots = new TreeSet<>();
    for (int i = 0; i < parent.length; i++) {
      roots.add(root(parent, i));
    }
    return roots.size();
  }

  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      i = parent[i];
    }
    return i;
  }

}
