package org.triangulate.reconcile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.triangulate.model.Link;
import org.triangulate.model.Span;

/**
 * The story's sentence links (from the align stage) mapped onto the reconcile stage's sentences: a
 * link passage covers the sentences it overlaps by at least half of either.
 */
final class LinkedUnits {

  /** Two sentences of different articles that a link joins, with the link. */
  record Pair(int a, int b, String kind, double score, Link link) {}

  private final List<Pair> pairs = new ArrayList<>();

  LinkedUnits(StoryEvidence ev, List<Unit> units) {
    Map<String, List<Unit>> byArticle = new HashMap<>();
    for (Unit u : units) {
      byArticle.computeIfAbsent(u.article(), k -> new ArrayList<>()).add(u);
    }
    for (Link l : ev.provenance().links()) {
      List<Unit> as = covered(byArticle.get(l.a().article()), l.a().span());
      List<Unit> bs = covered(byArticle.get(l.b().article()), l.b().span());
      for (Unit a : as) {
        for (Unit b : bs) {
          pairs.add(new Pair(a.index(), b.index(), l.kind(), l.score(), l));
        }
      }
    }
    pairs.sort(
        Comparator.comparingDouble(Pair::score).reversed()
            .thenComparingInt(Pair::a)
            .thenComparingInt(Pair::b));
  }

  private static List<Unit> covered(List<Unit> units, Span span) {
    List<Unit> out = new ArrayList<>();
    if (units == null) {
      return out;
    }
    for (Unit u : units) {
      int o = UnitReader.overlap(u.span(), span);
      if (o > 0 && (2 * o >= u.span().length() || 2 * o >= span.length())) {
        out.add(u);
      }
    }
    return out;
  }

  List<Pair> pairs() {
    return pairs;
  }
}
