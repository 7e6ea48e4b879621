package org.triangulate.reconcile;

import java.util.List;
import java.util.Objects;
import org.triangulate.align.Embedder;
import org.triangulate.align.SentenceJudge;
import org.triangulate.model.Claim;
import org.triangulate.model.Reconciliation;

/**
 * The reconcile stage's entry point: from one story's evidence, its claims and their standing,
 * quote groups, framing, timeline and brief. Safe to share between threads; each call depends on
 * its story alone.
 */
public final class Reconciler {

  private final SentenceJudge judge;
  private final Embedder embedder;

  /**
   * @param judge the sentence judge used to match quote renderings
   * @param embedder sentence embeddings for matching statements; null to match on words alone
   */
  public Reconciler(SentenceJudge judge, Embedder embedder) {
    this.judge = Objects.requireNonNull(judge, "judge");
    this.embedder = embedder;
  }

  public Reconciliation reconcile(StoryEvidence evidence) {
    List<Unit> units = UnitReader.of(evidence);
    float[][] vectors = new float[units.size()][];
    if (embedder != null && !units.isEmpty()) {
      List<float[]> vs = embedder.embed(units.stream().map(Unit::text).toList());
      for (int i = 0; i < vectors.length; i++) {
        vectors[i] = vs.get(i);
      }
    }
    List<Claim> claims = Claims.of(evidence, units, vectors, judge);
    return new Reconciliation(
        evidence.story().id(),
        claims,
        QuoteGroups.group(evidence, judge),
        Framings.of(evidence),
        Timeline.of(evidence, units, vectors),
        Brief.of(evidence, claims));
  }
}
