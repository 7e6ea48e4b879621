package org.triangulate.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Scores a grouping of items against a gold grouping: the adjusted Rand index (Hubert and Arabie
 * 1985) and B-cubed precision, recall and F1 (Bagga and Baldwin 1998). Items are scored only when
 * they have both a predicted and a gold group; {@link #missing} counts the gold items the
 * prediction does not mention and {@link #extra} the predicted items gold does not know.
 */
public record ClusterScores(
    int items, int missing, int extra, double ari, double precision, double recall, double f1) {

  /**
   * Scores {@code predicted} against {@code gold}: each maps an item id to its group label.
   */
  public static ClusterScores of(Map<String, String> predicted, Map<String, String> gold) {
    Objects.requireNonNull(predicted, "predicted");
    Objects.requireNonNull(gold, "gold");
    List<String> ids =
        gold.keySet().stream().filter(predicted::containsKey).sorted().toList();
    int missing = gold.size() - ids.size();
    int extra = (int) predicted.keySet().stream().filter(k -> !gold.containsKey(k)).count();
    int n = ids.size();
    if (n == 0) {
      return new ClusterScores(0, missing, extra, 0, 0, 0, 0);
    }
    Map<String, Integer> p = index(ids, predicted);
    Map<String, Integer> g = index(ids, gold);
    int[] pi = new int[n];
    int[] gi = new int[n];
    for (int i = 0; i < n; i++) {
      pi[i] = p.get(predicted.get(ids.get(i)));
      gi[i] = g.get(gold.get(ids.get(i)));
    }
    int[] pSize = new int[p.size()];
    int[] gSize = new int[g.size()];
    Map<Long, Integer> joint = new HashMap<>();
    for (int i = 0; i < n; i++) {
      pSize[pi[i]]++;
      gSize[gi[i]]++;
      joint.merge(((long) pi[i] << 32) | gi[i], 1, Integer::sum);
    }
    // Adjusted Rand index from the contingency table.
    double sumJoint = 0;
    for (int c : joint.values()) {
      sumJoint += pairs(c);
    }
    double sumP = 0;
    for (int c : pSize) {
      sumP += pairs(c);
    }
    double sumG = 0;
    for (int c : gSize) {
      sumG += pairs(c);
    }
    double total = pairs(n);
    double expected = total == 0 ? 0 : sumP * sumG / total;
    double max = (sumP + sumG) / 2;
    double ari = max == expected ? 1.0 : (sumJoint - expected) / (max - expected);
    // B-cubed: per item, the share of its predicted group that is in its gold group, and back.
    double precision = 0;
    double recall = 0;
    for (int i = 0; i < n; i++) {
      int both = joint.get(((long) pi[i] << 32) | gi[i]);
      precision += (double) both / pSize[pi[i]];
      recall += (double) both / gSize[gi[i]];
    }
    precision /= n;
    recall /= n;
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    return new ClusterScores(n, missing, extra, ari, precision, recall, f1);
  }

  private static Map<String, Integer> index(List<String> ids, Map<String, String> labels) {
    Map<String, Integer> index = new HashMap<>();
    for (String id : ids) {
      index.putIfAbsent(labels.get(id), index.size());
    }
    return index;
  }

  private static double pairs(long c) {
    return c * (c - 1) / 2.0;
  }
}
