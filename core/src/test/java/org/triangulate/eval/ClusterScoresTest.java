package org.triangulate.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClusterScoresTest {

  @Test
  void perfectGroupingScoresOne() {
    Map<String, String> gold = Map.of("a", "1", "b", "1", "c", "2", "d", "2", "e", "3");
    Map<String, String> same = Map.of("a", "x", "b", "x", "c", "y", "d", "y", "e", "z");
    ClusterScores s = ClusterScores.of(same, gold);
    assertThat(s.ari()).isEqualTo(1.0);
    assertThat(s.f1()).isEqualTo(1.0);
    assertThat(s.items()).isEqualTo(5);
  }

  @Test
  void matchesHandComputedValues() {
    // gold {a,b,c}{d,e}; predicted {a,b}{c,d,e}
    Map<String, String> gold = Map.of("a", "1", "b", "1", "c", "1", "d", "2", "e", "2");
    Map<String, String> pred = Map.of("a", "x", "b", "x", "c", "y", "d", "y", "e", "y");
    ClusterScores s = ClusterScores.of(pred, gold);
    // B-cubed precision: a 1, b 1, c 1/3, d 2/3, e 2/3 -> 3.6667/5; recall: a 2/3, b 2/3, c 1/3, d 1, e 1 -> 3.6667/5
    assertThat(s.precision()).isCloseTo(11.0 / 15, within(1e-9));
    assertThat(s.recall()).isCloseTo(11.0 / 15, within(1e-9));
    // ARI: sum_ij C(n_ij,2) = 1+0+1 = 2 (ab, de); sum_a = C(2,2)+C(3,2)=4; sum_b = C(3,2)+C(2,2)=4; total C(5,2)=10
    // expected = 16/10 = 1.6; max = 4; ari = (2-1.6)/(4-1.6) = 1/6
    assertThat(s.ari()).isCloseTo(1.0 / 6, within(1e-9));
  }

  @Test
  void allInOneGroupAgainstSingletonsScoresZeroAri() {
    Map<String, String> gold = new HashMap<>();
    Map<String, String> pred = new HashMap<>();
    for (int i = 0; i < 20; i++) {
      gold.put("i" + i, "g" + i);
      pred.put("i" + i, "one");
    }
    ClusterScores s = ClusterScores.of(pred, gold);
    assertThat(s.ari()).isCloseTo(0.0, within(1e-9));
    assertThat(s.recall()).isEqualTo(1.0);
    assertThat(s.precision()).isCloseTo(1.0 / 20, within(1e-9));
  }

  @Test
  void randomGroupingsScoreNearZeroAriAndLabelsDoNotMatter() {
    long seed = new Random().nextLong();
    Random r = new Random(seed);
    Map<String, String> gold = new HashMap<>();
    Map<String, String> pred = new HashMap<>();
    Map<String, String> renamed = new HashMap<>();
    for (int i = 0; i < 2000; i++) {
      gold.put("i" + i, "g" + r.nextInt(40));
      String p = "p" + r.nextInt(40);
      pred.put("i" + i, p);
      renamed.put("i" + i, "renamed-" + p);
    }
    ClusterScores s = ClusterScores.of(pred, gold);
    assertThat(s.ari()).as("seed %d", seed).isBetween(-0.02, 0.02);
    assertThat(ClusterScores.of(renamed, gold)).isEqualTo(s);
  }

  @Test
  void countsMissingAndExtraItems() {
    ClusterScores s = ClusterScores.of(Map.of("a", "x", "z", "y"), Map.of("a", "1", "b", "1"));
    assertThat(s.items()).isEqualTo(1);
    assertThat(s.missing()).isEqualTo(1);
    assertThat(s.extra()).isEqualTo(1);
  }
}
