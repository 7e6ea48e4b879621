package org.triangulate.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LinkageTest {

  /** Two cliques of {@code size} with edges of weight {@code inside}, joined by one bridge. */
  private static Linkage cliques(int size, double inside, double bridge, double threshold) {
    Linkage l = new Linkage(threshold, 4);
    l.addArticles(2 * size);
    for (int c = 0; c < 2; c++) {
      for (int i = 0; i < size; i++) {
        for (int j = i + 1; j < size; j++) {
          l.addEdge(c * size + i, c * size + j, inside);
        }
      }
    }
    l.addEdge(0, size, bridge);
    l.merge();
    return l;
  }

  @Test
  void mergesEachCliqueButNotAcrossASingleBridge() {
    Linkage l = cliques(6, 0.4, 0.3, 0.09);
    for (int i = 1; i < 6; i++) {
      assertThat(l.find(i)).isEqualTo(l.find(0));
      assertThat(l.find(6 + i)).isEqualTo(l.find(6));
    }
    assertThat(l.find(0)).isNotEqualTo(l.find(6));
  }

  @Test
  void mergesNothingBelowTheThreshold() {
    Linkage l = cliques(3, 0.05, 0.05, 0.09);
    for (int i = 1; i < 6; i++) {
      assertThat(l.find(i)).isNotEqualTo(l.find(0));
    }
  }

  @Test
  void mergesTwoHalvesOfALargeSparseStory() {
    // Each article links to its next 4 in a ring of 400: a k-neighbour graph of one big story.
    int n = 400;
    Linkage l = new Linkage(0.09, 4);
    l.addArticles(n);
    for (int i = 0; i < n; i++) {
      for (int d = 1; d <= 4; d++) {
        l.addEdge(i, (i + d) % n, 0.3);
      }
    }
    l.merge();
    for (int i = 0; i < n; i++) {
      assertThat(l.find(i)).isEqualTo(l.find(0));
    }
  }

  @Test
  void intDoubleMapAgreesWithHashMapUnderRandomAddsAndRemoves() {
    long seed = new Random().nextLong();
    System.out.println("IntDoubleMap seed " + seed);
    Random r = new Random(seed);
    IntDoubleMap map = new IntDoubleMap();
    Map<Integer, Double> expected = new HashMap<>();
    for (int step = 0; step < 20_000; step++) {
      int key = r.nextInt(300);
      if (r.nextInt(3) == 0) {
        map.remove(key);
        expected.remove(key);
      } else {
        map.add(key, 1);
        expected.merge(key, 1.0, Double::sum);
      }
      if (step % 1000 == 0) {
        assertThat(map.size()).as("seed %d step %d", seed, step).isEqualTo(expected.size());
      }
    }
    for (int k = 0; k < 300; k++) {
      assertThat(map.get(k)).as("seed %d key %d", seed, k).isEqualTo(expected.getOrDefault(k, 0.0));
    }
    assertThat(map.keys()).hasSize(expected.size());
  }
}
