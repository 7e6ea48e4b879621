package org.triangulate.group;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.triangulate.model.Article;
import org.triangulate.model.Story;
import org.triangulate.work.Workers;

/**
 * {@link StoryGrouper}'s batch grouping cut into steps that can run apart, for a job that never
 * holds the corpus in one place (the Spark job). Each step works on one article, one feature's
 * posting list, one query or one connected block of articles; run in the order below over the
 * whole corpus, they give exactly the stories {@link StoryGrouper#group} gives, bit for bit.
 *
 * <ol>
 *   <li>{@link #order}: articles are numbered (their ordinal) in (publication day, id) order;
 *   <li>{@link #terms}, per article: its features and their counts;
 *   <li>document frequencies: how many articles hold each feature; a feature in two or more gets
 *       an id, its rank among those features in (signed) hash order;
 *   <li>{@link #vector}, per article: its weighted vector, from its terms, their document
 *       frequencies and ids, and the number of articles;
 *   <li>{@link Vector#postings}, per article, then {@link #scan}, per feature: the feature's
 *       posting list in {@link #POSTINGS} order gives each query its partial scores;
 *   <li>{@link #candidates}, per query: the articles worth scoring in full; then {@link
 *       #neighbours}, with their vectors;
 *   <li>the connected blocks of the neighbour pairs, then {@link #cluster} per block: its stories.
 *       Stories come in {@link #STORIES} order.
 * </ol>
 *
 * <p>Not thread-safe: one instance per worker.
 */
public final class GroupSteps {

  /** Postings in the order the index keeps them: (publication day, article ordinal). */
  public static final Comparator<Posting> POSTINGS =
      Comparator.comparingInt(Posting::day).thenComparingInt(Posting::article);

  /** Stories in the order {@link StoryGrouper#group} gives them. */
  public static final Comparator<Story> STORIES = StoryBuilder.ORDER;

  /** Articles in ordinal order: (publication day, undated first; then id). */
  public static final Comparator<Article> ARTICLES =
      Comparator.comparingInt(Vectors::dayOf).thenComparing(Article::id);

  private final GroupOptions options;
  private final Features features = new Features();
  private final LongIntMap counts = new LongIntMap(1 << 10);
  private final Vectors decay;
  private final Vectors.Builder builder;

  public GroupSteps(GroupOptions options) {
    this.options = Objects.requireNonNull(options, "options");
    this.decay = new Vectors(options);
    this.builder = decay.builder();
  }

  /** The day that orders an article: days since 1970 of its publication, or {@link #NO_DAY}. */
  public static int day(Article a) {
    return Vectors.dayOf(a);
  }

  /** The day of an undated article; it sorts first. */
  public static final int NO_DAY = Vectors.NO_DAY;

  /** An article's features (hashes, ascending) and how often each occurs in it. */
  public record Terms(long[] features, int[] counts) implements Serializable {}

  /** Step 2: the features of {@code a}. */
  public Terms terms(Article a) {
    counts.clear();
    features.extract(a, (f, s, b, e, n) -> counts.add(f, n));
    long[] keys = counts.sortedKeys();
    int[] n = new int[keys.length];
    for (int i = 0; i < keys.length; i++) {
      n[i] = counts.get(keys[i], 1);
    }
    return new Terms(keys, n);
  }

  /**
   * An article's vector: its day, dictionary ids ascending, the feature each stands for, their
   * weights, and the positions of its strongest entries, strongest first (the ones indexed).
   */
  public record Vector(int day, int[] ids, long[] features, float[] weights, int[] top)
      implements Serializable {

    /** The article's postings: one per indexed entry, keyed by its feature id. */
    public void postings(int article, PostingSink sink) {
      for (int r = 0; r < top.length; r++) {
        sink.accept(ids[top[r]], new Posting(article, day, weights[top[r]], r));
      }
    }
  }

  /** Receives an article's postings. */
  public interface PostingSink {
    void accept(int feature, Posting posting);
  }

  /**
   * An article in a feature's posting list: its ordinal, day, weight for the feature, and the
   * feature's rank among the article's indexed entries (the order its partial scores add up in).
   */
  public record Posting(int article, int day, float weight, int rank) implements Serializable {}

  /**
   * Step 4: the vector of an article whose {@code terms} have document frequencies {@code df} and
   * dictionary ids {@code ids} (-1 for a feature in one article only), among {@code docs} articles.
   */
  public Vector vector(Terms terms, int[] df, int[] ids, long docs, int day) {
    Vectors.Entry e = builder.entry(terms.features(), terms.counts(), df, ids, docs);
    return new Vector(day, e.ids(), e.features(), e.weights(), e.top());
  }

  /** Receives one partial score: what one feature adds to (query, article). */
  public interface PartialSink {
    void accept(int query, int rank, int article, float partial);
  }

  /**
   * Step 5, per feature: each query of the posting list {@code list} (in {@link #POSTINGS} order)
   * gets the partial scores of the articles it scans there.
   */
  public static void scan(List<Posting> list, GroupOptions options, PartialSink sink) {
    int n = list.size();
    for (Posting q : list) {
      int[] r =
          NeighbourIndex.ranges(
              i -> list.get(i).day(), i -> list.get(i).article(), n, q.day(), q.article(), options);
      for (int k = 0; k < 4; k += 2) {
        for (int i = r[k]; i < r[k + 1]; i++) {
          Posting a = list.get(i);
          if (a.article() != q.article()) {
            sink.accept(q.article(), q.rank(), a.article(), q.weight() * a.weight());
          }
        }
      }
    }
  }

  /**
   * Step 6, per query: the articles to score in full, best partial score first, from the partial
   * scores the query got ({@code ranks[i]}, {@code articles[i]}, {@code partials[i]}, in any
   * order): each article's partials add up in rank order, as the index adds them.
   */
  public static int[] candidates(int[] ranks, int[] articles, float[] partials, GroupOptions options) {
    Integer[] order = new Integer[ranks.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.<Integer>comparingInt(i -> ranks[i]).thenComparingInt(i -> articles[i]));
    IntFloatSums sums = new IntFloatSums();
    for (int i : order) {
      sums.add(articles[i], partials[i]);
    }
    return NeighbourIndex.candidates(sums.keys, sums.values, sums.size, options);
  }

  /** The articles found for a query (ordinals) and their similarities, best first. */
  public record Neighbours(int[] articles, float[] similarities) implements Serializable {}

  /**
   * Step 6, per query: the candidates ({@link #candidates}) whose similarity to the query reaches
   * the threshold, best first; {@code vectors[i]} is the vector of {@code candidates[i]}.
   */
  public Neighbours neighbours(Vector query, int[] candidates, Vector[] vectors) {
    if (vectors.length != candidates.length) {
      throw new IllegalArgumentException("a vector per candidate");
    }
    NeighbourIndex.Found f =
        NeighbourIndex.found(
            candidates,
            a -> {
              Vector v = vectors[indexOf(candidates, a)];
              return Vectors.dot(query.ids(), query.weights(), v.ids(), v.weights())
                  * decay.decay(query.day(), v.day());
            },
            options);
    return new Neighbours(f.articles(), f.similarities());
  }

  private static int indexOf(int[] a, int x) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] == x) {
        return i;
      }
    }
    throw new IllegalArgumentException("not a candidate: " + x);
  }

  /**
   * Step 7, per connected block of the neighbour pairs: the block's stories. {@code articles} are
   * the block's articles, {@code ordinals} theirs (ascending), {@code vectors} and {@code found}
   * each article's vector and neighbours; every neighbour is in the block.
   */
  public static List<Story> cluster(
      GroupOptions options,
      List<Article> articles,
      int[] ordinals,
      List<Vector> vectors,
      List<Neighbours> found) {
    int n = articles.size();
    if (ordinals.length != n || vectors.size() != n || found.size() != n) {
      throw new IllegalArgumentException("a block needs an ordinal, a vector and neighbours per article");
    }
    for (int i = 1; i < n; i++) {
      if (ordinals[i] <= ordinals[i - 1]) {
        throw new IllegalArgumentException("ordinals must ascend: " + Arrays.toString(ordinals));
      }
    }
    // The block's feature ids, renumbered densely in the same order.
    int[] all = vectors.stream().flatMapToInt(v -> Arrays.stream(v.ids())).sorted().distinct().toArray();
    long[] hashes = new long[all.length];
    List<Vectors.Entry> entries = new ArrayList<>(n);
    int[] days = new int[n];
    for (int i = 0; i < n; i++) {
      Vector v = vectors.get(i);
      int[] local = new int[v.ids().length];
      for (int p = 0; p < local.length; p++) {
        local[p] = Arrays.binarySearch(all, v.ids()[p]);
        hashes[local[p]] = v.features()[p];
      }
      entries.add(new Vectors.Entry(local, v.features(), v.weights(), v.top()));
      days[i] = v.day();
    }
    Vectors local = new Vectors(options);
    local.add(entries, days);
    NeighbourIndex.Found[] near = new NeighbourIndex.Found[n];
    for (int i = 0; i < n; i++) {
      Neighbours f = found.get(i);
      int[] at = new int[f.articles().length];
      for (int j = 0; j < at.length; j++) {
        at[j] = Arrays.binarySearch(ordinals, f.articles()[j]);
        if (at[j] < 0) {
          throw new IllegalArgumentException(
              "article " + ordinals[i] + " has a neighbour outside its block: " + f.articles()[j]);
        }
      }
      near[i] = new NeighbourIndex.Found(at, f.similarities());
    }
    GroupState state = new GroupState(options, Workers.inline(), Dictionary.of(hashes), local);
    state.addFound(articles, near);
    return state.stories();
  }

  /** Float sums per int key, in insertion order of the keys. */
  private static final class IntFloatSums {
    int[] keys = new int[16];
    float[] values = new float[16];
    int size;
    private final java.util.HashMap<Integer, Integer> slot = new java.util.HashMap<>();

    void add(int key, float value) {
      Integer s = slot.get(key);
      if (s == null) {
        if (size == keys.length) {
          keys = Arrays.copyOf(keys, size * 2);
          values = Arrays.copyOf(values, size * 2);
        }
        slot.put(key, size);
        keys[size] = key;
        values[size++] = value;
      } else {
        values[s] += value;
      }
    }
  }
}
