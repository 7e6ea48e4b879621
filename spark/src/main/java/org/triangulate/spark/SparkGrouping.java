package org.triangulate.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.Optional;
import org.apache.spark.storage.StorageLevel;
import org.triangulate.group.GroupOptions;
import org.triangulate.group.GroupSteps;
import org.triangulate.model.Article;
import org.triangulate.model.Story;
import scala.Tuple2;
import scala.Tuple3;

/**
 * The group stage as distributed steps ({@link GroupSteps}), giving exactly the stories {@link
 * org.triangulate.group.StoryGrouper} gives:
 *
 * <ol>
 *   <li>ordinals: a sort of (day, id) keys;
 *   <li>each article's terms; document frequencies by {@code reduceByKey}; feature ids by a sort
 *       of the features held by two articles or more;
 *   <li>each article's vector, from a join of its terms with their frequencies and ids;
 *   <li>blocking: each feature's posting list (a shuffle by feature id) is scanned for the partial
 *       scores of its articles; a shuffle by query gathers them, picks the candidates, and a join
 *       with the candidates' vectors gives each article its neighbours;
 *   <li>clustering inside blocks: the connected blocks of the neighbour pairs (large-star and
 *       small-star steps), then each block clustered in one task, with its articles, vectors and
 *       neighbours.
 * </ol>
 *
 * <p>What reaches the driver: the stories (article ids and keys), and counts. No article text,
 * vector, feature or neighbour pair does: the blocks are found by {@link #components}.
 */
final class SparkGrouping {

  private SparkGrouping() {}

  /** The options every task uses: the defaults (threads do not change the result). */
  private static GroupOptions options() {
    return GroupOptions.defaults().withThreads(1);
  }

  /**
   * The stories of {@code articles} (article id to its report.json fragment), in the order {@link
   * GroupSteps#STORIES} gives.
   */
  static List<Story> group(JavaSparkContext sc, JavaPairRDD<String, String> articles, int partitions) {
    // Each article's day and terms, keyed by id.
    JavaPairRDD<String, Tuple2<Integer, GroupSteps.Terms>> terms =
        articles.mapPartitionsToPair(
            it -> {
              GroupSteps steps = new GroupSteps(options());
              List<Tuple2<String, Tuple2<Integer, GroupSteps.Terms>>> out = new ArrayList<>();
              while (it.hasNext()) {
                Tuple2<String, String> t = it.next();
                Article a = Fragments.article(t._2());
                out.add(new Tuple2<>(t._1(), new Tuple2<>(GroupSteps.day(a), steps.terms(a))));
              }
              return out.iterator();
            });
    terms = terms.persist(StorageLevel.MEMORY_AND_DISK());
    long docs = terms.count();
    if (docs == 0) {
      terms.unpersist();
      return List.of();
    }

    // 1. Ordinals: (day, id) order.
    JavaPairRDD<String, Integer> ordinals =
        terms
            .map(t -> orderKey(t._2()._1(), t._1()))
            .sortBy(k -> k, true, partitions)
            .zipWithIndex()
            .mapToPair(t -> new Tuple2<>(t._1().substring(KEY_DIGITS + 1), Math.toIntExact(t._2())));
    ordinals = ordinals.persist(StorageLevel.MEMORY_AND_DISK());
    JavaPairRDD<Integer, Tuple2<Integer, GroupSteps.Terms>> byOrdinal =
        terms.join(ordinals).mapToPair(t -> new Tuple2<>(t._2()._2(), t._2()._1()));
    byOrdinal = byOrdinal.persist(StorageLevel.MEMORY_AND_DISK());

    // 2. Document frequencies; ids for the features of two articles or more, in hash order.
    JavaPairRDD<Long, Integer> df =
        byOrdinal
            .flatMapToPair(
                t -> {
                  long[] f = t._2()._2().features();
                  List<Tuple2<Long, Integer>> out = new ArrayList<>(f.length);
                  for (long x : f) {
                    out.add(new Tuple2<>(x, 1));
                  }
                  return out.iterator();
                })
            .reduceByKey(Integer::sum, partitions);
    JavaPairRDD<Long, Integer> ids =
        df.filter(t -> t._2() >= 2)
            .keys()
            .sortBy(f -> f, true, partitions)
            .zipWithIndex()
            .mapToPair(t -> new Tuple2<>(t._1(), Math.toIntExact(t._2())));
    JavaPairRDD<Long, int[]> dictionary =
        df.leftOuterJoin(ids).mapValues(t -> new int[] {t._1(), t._2().orElse(-1)});

    // 3. Vectors: each article's features joined with their frequencies and ids.
    JavaPairRDD<Integer, Iterable<int[]>> looked =
        byOrdinal
            .flatMapToPair(
                t -> {
                  long[] f = t._2()._2().features();
                  List<Tuple2<Long, int[]>> out = new ArrayList<>(f.length);
                  for (int p = 0; p < f.length; p++) {
                    out.add(new Tuple2<>(f[p], new int[] {t._1(), p}));
                  }
                  return out.iterator();
                })
            .join(dictionary)
            .mapToPair(
                t ->
                    new Tuple2<>(
                        t._2()._1()[0], new int[] {t._2()._1()[1], t._2()._2()[0], t._2()._2()[1]}))
            .groupByKey(partitions);
    JavaPairRDD<Integer, GroupSteps.Vector> vectors =
        byOrdinal
            .join(looked)
            .mapPartitionsToPair(
                it -> {
                  GroupSteps steps = new GroupSteps(options());
                  List<Tuple2<Integer, GroupSteps.Vector>> out = new ArrayList<>();
                  while (it.hasNext()) {
                    var t = it.next();
                    GroupSteps.Terms own = t._2()._1()._2();
                    int n = own.features().length;
                    int[] d = new int[n];
                    int[] id = new int[n];
                    for (int[] x : t._2()._2()) {
                      d[x[0]] = x[1];
                      id[x[0]] = x[2];
                    }
                    out.add(new Tuple2<>(t._1(), steps.vector(own, d, id, docs, t._2()._1()._1())));
                  }
                  return out.iterator();
                });
    vectors = vectors.persist(StorageLevel.MEMORY_AND_DISK());

    // 4. Blocking: posting lists by feature, partial scores by query, candidates, neighbours.
    JavaPairRDD<Integer, Tuple3<Integer, Integer, Float>> partials =
        vectors
            .flatMapToPair(
                t -> {
                  List<Tuple2<Integer, GroupSteps.Posting>> out = new ArrayList<>();
                  t._2().postings(t._1(), (f, p) -> out.add(new Tuple2<>(f, p)));
                  return out.iterator();
                })
            .groupByKey(partitions)
            .flatMapToPair(
                t -> {
                  List<GroupSteps.Posting> list = new ArrayList<>();
                  t._2().forEach(list::add);
                  list.sort(GroupSteps.POSTINGS);
                  List<Tuple2<Integer, Tuple3<Integer, Integer, Float>>> out = new ArrayList<>();
                  GroupSteps.scan(
                      list,
                      options(),
                      (q, rank, a, partial) -> out.add(new Tuple2<>(q, new Tuple3<>(rank, a, partial))));
                  return out.iterator();
                });
    JavaPairRDD<Integer, int[]> candidates =
        partials
            .groupByKey(partitions)
            .mapValues(
                got -> {
                  List<Tuple3<Integer, Integer, Float>> all = new ArrayList<>();
                  got.forEach(all::add);
                  int[] rank = new int[all.size()];
                  int[] article = new int[all.size()];
                  float[] partial = new float[all.size()];
                  for (int i = 0; i < all.size(); i++) {
                    rank[i] = all.get(i)._1();
                    article[i] = all.get(i)._2();
                    partial[i] = all.get(i)._3();
                  }
                  return GroupSteps.candidates(rank, article, partial, options());
                });
    JavaPairRDD<Integer, Iterable<Tuple2<Integer, GroupSteps.Vector>>> theirs =
        candidates
            .flatMapToPair(
                t -> {
                  List<Tuple2<Integer, Integer>> out = new ArrayList<>();
                  for (int a : t._2()) {
                    out.add(new Tuple2<>(a, t._1()));
                  }
                  return out.iterator();
                })
            .join(vectors)
            .mapToPair(t -> new Tuple2<>(t._2()._1(), new Tuple2<>(t._1(), t._2()._2())))
            .groupByKey(partitions);
    JavaPairRDD<Integer, GroupSteps.Neighbours> neighbours =
        vectors
            .leftOuterJoin(candidates.join(theirs))
            .mapPartitionsToPair(
                it -> {
                  GroupSteps steps = new GroupSteps(options());
                  List<Tuple2<Integer, GroupSteps.Neighbours>> out = new ArrayList<>();
                  while (it.hasNext()) {
                    var t = it.next();
                    out.add(new Tuple2<>(t._1(), neighbours(steps, t._2()._1(), t._2()._2())));
                  }
                  return out.iterator();
                });
    neighbours = neighbours.persist(StorageLevel.MEMORY_AND_DISK());

    // 5. Blocks: the connected components of the neighbour pairs, by alternating large-star and
    // small-star steps (Kiveris et al., "Connected Components in MapReduce and Beyond", 2014).
    JavaPairRDD<Integer, Integer> pairs =
        neighbours.flatMapToPair(
            t -> {
              List<Tuple2<Integer, Integer>> out = new ArrayList<>();
              for (int a : t._2().articles()) {
                out.add(new Tuple2<>(t._1(), a));
              }
              return out.iterator();
            });
    JavaPairRDD<Integer, Integer> block = components(pairs, partitions);
    // 6. Clustering inside blocks; a block of one article is a story of one.
    JavaRDD<StoryRow> stories =
        articles
            .join(ordinals)
            .mapToPair(t -> new Tuple2<>(t._2()._2(), t._2()._1()))
            .join(vectors.join(neighbours))
            .leftOuterJoin(block)
            .mapToPair(t -> new Tuple2<>(t._2()._2().orElse(t._1()), new Tuple2<>(t._1(), t._2()._1())))
            .groupByKey(partitions)
            .flatMap(t -> cluster(t._2()).iterator());
    List<Story> out = new ArrayList<>();
    for (StoryRow row : stories.collect()) {
      out.add(row.story());
    }
    out.sort(GroupSteps.STORIES);
    terms.unpersist();
    ordinals.unpersist();
    byOrdinal.unpersist();
    vectors.unpersist();
    neighbours.unpersist();
    block.unpersist();
    return out;
  }

  private static GroupSteps.Neighbours neighbours(
      GroupSteps steps,
      GroupSteps.Vector query,
      Optional<Tuple2<int[], Iterable<Tuple2<Integer, GroupSteps.Vector>>>> found) {
    if (!found.isPresent()) {
      return new GroupSteps.Neighbours(new int[0], new float[0]);
    }
    int[] candidates = found.get()._1();
    GroupSteps.Vector[] vectors = new GroupSteps.Vector[candidates.length];
    for (Tuple2<Integer, GroupSteps.Vector> v : found.get()._2()) {
      for (int i = 0; i < candidates.length; i++) {
        if (candidates[i] == v._1()) {
          vectors[i] = v._2();
        }
      }
    }
    return steps.neighbours(query, candidates, vectors);
  }

  private static List<StoryRow> cluster(
      Iterable<Tuple2<Integer, Tuple2<String, Tuple2<GroupSteps.Vector, GroupSteps.Neighbours>>>> members) {
    List<Tuple2<Integer, Tuple2<String, Tuple2<GroupSteps.Vector, GroupSteps.Neighbours>>>> sorted =
        new ArrayList<>();
    members.forEach(sorted::add);
    sorted.sort(Comparator.comparingInt(Tuple2::_1));
    int n = sorted.size();
    List<Article> articles = new ArrayList<>(n);
    int[] ordinals = new int[n];
    List<GroupSteps.Vector> vectors = new ArrayList<>(n);
    List<GroupSteps.Neighbours> found = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      var m = sorted.get(i);
      ordinals[i] = m._1();
      articles.add(Fragments.article(m._2()._1()));
      vectors.add(m._2()._2()._1());
      found.add(m._2()._2()._2());
    }
    return GroupSteps.cluster(options(), articles, ordinals, vectors, found).stream()
        .map(StoryRow::of)
        .toList();
  }

  /**
   * Each node of {@code edges} (pairs of ints, in any direction) with the least node of its
   * connected component; nodes in no edge are not listed (each is a component of its own). The
   * large-star and small-star steps alternate until a large-star step changes nothing, which takes
   * O(log² n) rounds; no node list reaches the driver.
   */
  static JavaPairRDD<Integer, Integer> components(JavaPairRDD<Integer, Integer> edges, int partitions) {
    JavaPairRDD<Integer, Integer> e =
        edges.filter(t -> !t._1().equals(t._2())).distinct(partitions).persist(StorageLevel.MEMORY_AND_DISK());
    for (int round = 0; ; round++) {
      JavaPairRDD<Integer, Integer> large = largeStar(e, partitions).persist(StorageLevel.MEMORY_AND_DISK());
      JavaPairRDD<Integer, Integer> small = smallStar(large, partitions).persist(StorageLevel.MEMORY_AND_DISK());
      boolean changed = large.subtract(e).count() > 0 || e.subtract(large).count() > 0;
      e.unpersist();
      large.unpersist();
      e = small;
      if (!changed) {
        break;
      }
      if (round > 200) {
        throw new IllegalStateException("connected components did not converge in 200 rounds");
      }
    }
    // A star: every edge joins a node to its component's least node.
    JavaPairRDD<Integer, Integer> stars = e;
    JavaPairRDD<Integer, Integer> out =
        stars
            .flatMapToPair(
                t -> {
                  int a = t._1();
                  int b = t._2();
                  int m = Math.min(a, b);
                  return List.of(new Tuple2<>(a, m), new Tuple2<>(b, m)).iterator();
                })
            .reduceByKey(Math::min, partitions)
            .persist(StorageLevel.MEMORY_AND_DISK());
    out.count();
    stars.unpersist();
    return out;
  }

  /** The least of {@code u} and {@code vs}. */
  private static int least(int u, Iterable<Integer> vs) {
    int m = u;
    for (int v : vs) {
      m = Math.min(m, v);
    }
    return m;
  }

  /** Each node links its larger neighbours to the least of itself and its neighbours. */
  private static JavaPairRDD<Integer, Integer> largeStar(JavaPairRDD<Integer, Integer> e, int partitions) {
    return star(e.flatMapToPair(t -> List.of(t, new Tuple2<>(t._2(), t._1())).iterator()), true, partitions);
  }

  /** Each node links itself and its smaller neighbours to the least of them. */
  private static JavaPairRDD<Integer, Integer> smallStar(JavaPairRDD<Integer, Integer> e, int partitions) {
    return star(e.mapToPair(t -> t._2() <= t._1() ? t : new Tuple2<>(t._2(), t._1())), false, partitions);
  }

  /**
   * One star step over each node's {@code neighbourhood} (node, neighbour pairs): with {@code
   * large}, the neighbours above the node go to the least of the node and its neighbours; without,
   * the node and all its neighbours go to the least of them.
   */
  private static JavaPairRDD<Integer, Integer> star(
      JavaPairRDD<Integer, Integer> neighbourhood, boolean large, int partitions) {
    return neighbourhood
        .groupByKey(partitions)
        .flatMapToPair(
            t -> {
              int u = t._1();
              int m = least(u, t._2());
              List<Tuple2<Integer, Integer>> out = new ArrayList<>();
              for (int v : t._2()) {
                if (large ? v > u : v != m) {
                  out.add(new Tuple2<>(v, m));
                }
              }
              if (!large && u != m) {
                out.add(new Tuple2<>(u, m));
              }
              return out.iterator();
            })
        .distinct(partitions);
  }

  /** Digits of the day part of an order key. */
  private static final int KEY_DIGITS = 10;

  /** A string that sorts as (day, id) do: the day shifted to be non-negative, padded, then id. */
  static String orderKey(int day, String id) {
    long shifted = (long) day - Integer.MIN_VALUE;
    String digits = Long.toString(shifted);
    return "0".repeat(KEY_DIGITS - digits.length()) + digits + "\u0000" + id;
  }
}
