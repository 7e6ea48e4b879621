package org.triangulate.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

/**
 * The blocks of the grouping: connected components by large-star and small-star steps, against a
 * union-find, on graphs made to be hard for them (long paths, whose diameter a label propagation
 * would need as many rounds, cycles, stars, and random forests), with edges in both directions.
 */
class ComponentsTest {

  private static SparkSession spark;
  private static JavaSparkContext sc;

  @BeforeAll
  static void start() {
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("triangulate-components-test")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .getOrCreate();
    sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  private static Map<Integer, Integer> components(List<int[]> edges) {
    List<Tuple2<Integer, Integer>> pairs = new ArrayList<>();
    for (int[] e : edges) {
      pairs.add(new Tuple2<>(e[0], e[1]));
    }
    JavaPairRDD<Integer, Integer> rdd = sc.parallelizePairs(pairs, 3);
    return new TreeMap<>(SparkGrouping.components(rdd, 3).collectAsMap());
  }

  /** Each node of an edge with the least node of its component, by union-find. */
  private static Map<Integer, Integer> expected(List<int[]> edges) {
    Map<Integer, Integer> parent = new TreeMap<>();
    for (int[] e : edges) {
      parent.putIfAbsent(e[0], e[0]);
      parent.putIfAbsent(e[1], e[1]);
      int a = root(parent, e[0]);
      int b = root(parent, e[1]);
      parent.put(Math.max(a, b), Math.min(a, b));
    }
    Map<Integer, Integer> out = new TreeMap<>();
    for (int x : parent.keySet()) {
      if (edges.stream().anyMatch(e -> (e[0] == x || e[1] == x) && e[0] != e[1])) {
        out.put(x, root(parent, x));
      }
    }
    return out;
  }

  private static int root(Map<Integer, Integer> parent, int x) {
    while (parent.get(x) != x) {
      x = parent.get(x);
    }
    return x;
  }

  @Test
  void aLongPathAShuffledPathACycleAndAStarEachBecomeOneComponent() {
    List<int[]> edges = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      edges.add(new int[] {i, i + 1}); // a path 0..300
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 1000; i < 1200; i++) {
      order.add(i);
    }
    java.util.Collections.shuffle(order, new Random(3));
    for (int i = 0; i + 1 < order.size(); i++) {
      edges.add(i % 2 == 0 ? new int[] {order.get(i), order.get(i + 1)} : new int[] {order.get(i + 1), order.get(i)});
    }
    for (int i = 2000; i < 2050; i++) {
      edges.add(new int[] {i, i == 2049 ? 2000 : i + 1}); // a cycle
    }
    for (int i = 3001; i < 3100; i++) {
      edges.add(new int[] {i, 3000}); // a star, centre first
    }
    edges.add(new int[] {5000, 5000}); // a self-loop is no edge
    Map<Integer, Integer> got = components(edges);
    assertThat(got).isEqualTo(expected(edges));
    assertThat(got.values().stream().distinct().sorted().toList()).containsExactly(0, 1000, 2000, 3000);
    assertThat(got).doesNotContainKey(5000);
  }

  @Test
  void randomForestsAndGraphsAgreeWithUnionFind() {
    for (long seed = 1; seed <= 4; seed++) {
      Random r = new Random(seed);
      List<int[]> edges = new ArrayList<>();
      int n = 400;
      for (int i = 0; i < 300; i++) {
        int a = r.nextInt(n);
        int b = r.nextInt(n);
        edges.add(new int[] {a, b});
        if (r.nextInt(4) == 0) {
          edges.add(new int[] {b, a});
        }
      }
      assertThat(components(edges)).as("seed " + seed).isEqualTo(expected(edges));
    }
  }
}
