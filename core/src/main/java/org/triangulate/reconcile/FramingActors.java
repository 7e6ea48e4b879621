package org.triangulate.reconcile;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.triangulate.model.Entity;
import org.triangulate.reconcile.LabelFinder.Tie;
import org.triangulate.reconcile.LabelLexicon.Side;

/**
 * Which entity of a story each side's unnamed labels stand for: who "the rebels", "the regime" or
 * "a war monitor" are.
 *
 * <p>A side's actor is the entity the story itself ties to the side's words most often (see {@link
 * LabelFinder}: "rebels led by X", "X-led", "X mercenaries", "X, the most powerful insurgent
 * group", "forces loyal to X", "X's forces", "X, a war monitor"); more mentions across the story
 * breaks a tie, then the entity id. An armed group is never the government's actor, nor a
 * government body the armed opposition's. When the story ties nobody to a side, the side has no
 * actor and its unnamed labels go to nobody: the most-mentioned armed group or government body is
 * not taken on trust (in a basketball story "a regime change" is no government's label, and a
 * shooting's "gunman" is rarely the armed group a story happens to name).
 */
final class FramingActors {

  private FramingActors() {}

  /**
   * The actor of each side that has one.
   *
   * @param ties the story's ties, from every article
   * @param mentions how many mentions each entity has in the story
   * @param entities the run's entities
   */
  static Map<Side, String> choose(
      List<Tie> ties, Map<String, Integer> mentions, Map<String, Entity> entities) {
    Map<Side, String> out = new EnumMap<>(Side.class);
    for (Side side : List.of(Side.ARMED_OPPOSITION, Side.GOVERNMENT, Side.MONITOR)) {
      Map<String, Integer> score = new TreeMap<>();
      for (Tie t : ties) {
        if (t.side() == side && eligible(entities.get(t.entity()), side)) {
          score.merge(t.entity(), 1, Integer::sum);
        }
      }
      Comparator<String> rank =
          Comparator.<String>comparingInt(id -> -score.getOrDefault(id, 0))
              .thenComparingInt(id -> -mentions.getOrDefault(id, 0))
              .thenComparing(Comparator.naturalOrder());
      Optional<String> best = score.keySet().stream().min(rank);
      best.ifPresent(id -> out.put(side, id));
    }
    return out;
  }

  private static boolean eligible(Entity e, Side side) {
    if (e == null || !(e.type().equals("organization") || e.type().equals("person"))) {
      return false;
    }
    String subtype = subtype(e);
    return switch (side) {
      case ARMED_OPPOSITION -> !subtype.equals("government");
      case GOVERNMENT -> !subtype.equals("armed-group");
      default -> true;
    };
  }

  private static String subtype(Entity e) {
    return e == null ? "" : e.subtype().orElse("");
  }
}
