package org.triangulate.cli;

import org.junit.jupiter.api.Test;
import org.triangulate.model.Claim;
import org.triangulate.model.Reconciliation;
import org.triangulate.reconcile.Reconciler;
import org.triangulate.reconcile.StoryEvidence;

class ReconcilePrintTest {
  @Test
  void print() {
    StoryEvidence ev = HamaEvidence.get();
    Reconciliation r = new Reconciler(Components.judge(), Components.embedder()).reconcile(ev);
    for (Claim c : r.claims()) {
      System.out.println(c.id().replaceAll(".*#", "") + " " + c.status() + " " + c.independentSources() + " | " + c.text());
      for (Claim.Assertion a : c.assertions()) {
        String t = a.span().of(ev.article(a.article()).text());
        System.out.println("     " + a.article().substring(0, 3) + " " + a.speaker().orElse("-") + " " + a.value().orElse("") + " | " + t.substring(0, Math.min(90, t.length())));
      }
      c.contradiction().ifPresent(x -> System.out.println("   !! " + x.slot() + " " + x.explainedByTime() + " " + x.explanation()));
    }
    r.timeline().forEach(t -> System.out.println("T " + t.date() + " " + t.articles().stream().map(a -> a.substring(0, 3)).toList() + " " + t.text()));
    r.brief().forEach(b -> System.out.println("B " + b.status() + " " + b.text()));
  }
}
