package org.triangulate.align.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.triangulate.align.Embedder;
import org.triangulate.text.TextUnits;
import org.triangulate.model.Span;

/**
 * Paraphrase candidates: the pairs of articles that say several of the same things in other words
 * (a translation, a close rewrite), found through their sentences' nearest neighbours rather than
 * by comparing every pair. MinHash over word shingles ({@link
 * org.triangulate.align.lsh.CopyCandidates}) finds copies; a translation shares too few five-word
 * phrases for it.
 *
 * <p>Each article's sentences of {@link Params#minWords} words or more are embedded (each distinct
 * text once), signed and banded by {@link SentenceIndex}; colliding sentences of different articles
 * are checked by their exact cosine. Two articles are candidates when at least {@link
 * Params#minMatched} sentences of each have a neighbour in the other at {@link Params#threshold} or
 * above (one for short articles).
 *
 * <p>The result depends only on the set of (id, text) given and the parameters, not on its order:
 * articles are taken in id order. Embedding is nearly all the cost (a few hundred sentences a second
 * per core with all-MiniLM-L6-v2); signing, banding and checking take a few per cent of it. The
 * check of colliding pairs grows with the square of the sentences that fall in one bucket: meant
 * for a story or a batch of up to about 100,000 sentences, not a whole archive at once.
 *
 * <p>Not done: a candidate is not a verdict (two reports of one event may share two close
 * sentences of common facts); sentences are not compared across languages beyond what the
 * embedding model knows (all-MiniLM-L6-v2 is English); a paraphrase that merges or splits sentences
 * counts only where one sentence still carries most of the other's content.
 */
public final class ParaphraseCandidates {

  /**
   * The parameters. The defaults are tuned on the ECB+ development articles (772 articles, 11,687
   * sentences of 6 words or more) and the Hama reports: at cosine 0.85 and two matched sentences,
   * 466 pairs of articles of the same event against 12 of different events; at 0.80, 823 against
   * 56; the Hama translation pair (000, 001) has 12 sentence pairs at 0.91 or more.
   *
   * @param minWords sentences with fewer words are left out (datelines, "he said.", headlines): 6
   * @param rows bits per band, 1 to 32
   * @param bands bands. 12 rows x 20 bands (240 bits, four longs a sentence): a sentence pair at
   *     cosine 0.85 collides with probability 0.87, at 0.90 0.97, at 0.95 0.999; at 0.5 0.14, and
   *     about 1.2% of all sentence pairs of a news corpus are checked
   * @param threshold the cosine at which two sentences match: 0.85
   * @param minMatched matched sentences, on each side, that make two articles candidates: 2
   * @param shortArticle articles with this many sentences or fewer need only one: 3
   * @param maxFanout a sentence whose close neighbours (and copies) lie in more articles than this
   *     is a set phrase or a lead that everyone rewrites; it says nothing about which pairs derive
   *     from each other and would make the candidates quadratic, so it counts for none: 64
   * @param seed the hyperplanes' seed
   */
  public record Params(
      int minWords,
      int rows,
      int bands,
      double threshold,
      int minMatched,
      int shortArticle,
      int maxFanout,
      long seed) {

    /** 6 words, 20 bands of 12 rows, cosine 0.85, 2 matched (1 up to 3 sentences), fan-out 64. */
    public static final Params DEFAULT = new Params(6, 12, 20, 0.85, 2, 3, 64, 0x5EED_0F_7E_1A_2BL);

    public Params {
      if (minWords < 1) {
        throw new IllegalArgumentException("minWords must be >= 1: " + minWords);
      }
      if (rows < 1 || rows > 32) {
        throw new IllegalArgumentException("rows must be 1 to 32: " + rows);
      }
      if (bands < 1 || (long) bands * rows > 4096) {
        throw new IllegalArgumentException("need 1 <= bands, bands * rows <= 4096: " + bands);
      }
      if (!(threshold > -1 && threshold <= 1)) {
        throw new IllegalArgumentException("threshold must be in (-1, 1]: " + threshold);
      }
      if (minMatched < 1) {
        throw new IllegalArgumentException("minMatched must be >= 1: " + minMatched);
      }
      if (shortArticle < 0) {
        throw new IllegalArgumentException("shortArticle must be >= 0: " + shortArticle);
      }
      if (maxFanout < 2) {
        throw new IllegalArgumentException("maxFanout must be >= 2: " + maxFanout);
      }
    }

    /** These parameters with another threshold. */
    public Params withThreshold(double t) {
      return new Params(minWords, rows, bands, t, minMatched, shortArticle, maxFanout, seed);
    }

    /** These parameters with another band layout. */
    public Params withBands(int r, int b) {
      return new Params(minWords, r, b, threshold, minMatched, shortArticle, maxFanout, seed);
    }
  }

  /**
   * A candidate pair, {@code a < b}.
   *
   * @param matched the smaller of: the sentences of {@code a} with a neighbour in {@code b}, and
   *     those of {@code b} with one in {@code a}
   * @param sentencePairs the matching sentence pairs
   * @param best the highest cosine among them (1 for a sentence found in both)
   */
  public record Pair(String a, String b, int matched, int sentencePairs, double best) {
    public Pair {
      Objects.requireNonNull(a);
      Objects.requireNonNull(b);
    }
  }

  /**
   * The candidates and what finding them took.
   *
   * @param pairs the candidate pairs, sorted by {@code a} then {@code b}
   * @param sentences the sentences indexed (of {@link Params#minWords} words or more)
   * @param distinct the distinct sentence texts among them, each embedded once
   * @param checked sentence pairs whose cosine was computed (the LSH collisions)
   * @param matches sentence pairs at the threshold or above
   * @param indexBytes bytes of the signatures and the sentence-to-article table
   * @param vectorBytes bytes of the vectors, held only while searching
   */
  public record Result(
      List<Pair> pairs,
      int sentences,
      int distinct,
      long checked,
      int matches,
      long indexBytes,
      long vectorBytes) {
    public Result {
      pairs = List.copyOf(pairs);
    }
  }

  /** Sentences per call to the embedder: enough to keep its threads busy. */
  private static final int EMBED_BATCH = 1024;

  private ParaphraseCandidates() {}

  /** The sentences of {@code text} that are indexed: {@link Params#minWords} words or more. */
  public static List<String> sentences(String text, Params p) {
    List<String> out = new ArrayList<>();
    for (Span s : TextUnits.sentences(text)) {
      if (TextUnits.words(text, s).size() >= p.minWords()) {
        out.add(s.of(text));
      }
    }
    return out;
  }

  /** The candidate pairs among {@code texts}, named by {@code ids} (distinct). */
  public static Result find(List<String> ids, List<String> texts, Embedder embedder, Params p) {
    if (ids.size() != texts.size()) {
      throw new IllegalArgumentException(ids.size() + " ids for " + texts.size() + " texts");
    }
    Integer[] order = order(ids);
    Map<String, Integer> unitOf = new HashMap<>();
    List<String> unitTexts = new ArrayList<>();
    List<int[]> occurrences = new ArrayList<>(); // {unit, article}
    for (int a = 0; a < order.length; a++) {
      for (String s : sentences(texts.get(order[a]), p)) {
        Integer u = unitOf.putIfAbsent(s, unitTexts.size());
        if (u == null) {
          u = unitTexts.size();
          unitTexts.add(s);
        }
        occurrences.add(new int[] {u, a});
      }
    }
    unitOf = null;
    int dims = embedder.dimensions();
    float[] flat = new float[unitTexts.size() * dims];
    // in batches, so that the embedder's vectors and the flat copy are not both held in full
    for (int from = 0; from < unitTexts.size(); from += EMBED_BATCH) {
      List<String> batch = unitTexts.subList(from, Math.min(unitTexts.size(), from + EMBED_BATCH));
      List<float[]> vectors = embedder.embed(batch);
      if (vectors.size() != batch.size()) {
        throw new IllegalStateException(vectors.size() + " vectors for " + batch.size() + " sentences");
      }
      for (int i = 0; i < vectors.size(); i++) {
        float[] v = vectors.get(i);
        if (v.length != dims) {
          throw new IllegalStateException("embedding of length " + v.length + ", not " + dims);
        }
        System.arraycopy(v, 0, flat, (from + i) * dims, dims);
      }
    }
    return search(sortedIds(ids, order), flat, dims, occurrences, unitTexts.size(), p);
  }

  /**
   * The candidate pairs among articles given as their sentences' vectors (unit length, one list
   * per article, all of one length), named by {@code ids} (distinct). Every vector is its own
   * sentence; nothing is left out for length.
   */
  public static Result find(List<String> ids, List<List<float[]>> vectors, Params p) {
    if (ids.size() != vectors.size()) {
      throw new IllegalArgumentException(ids.size() + " ids for " + vectors.size() + " articles");
    }
    Integer[] order = order(ids);
    int dims = -1;
    int n = 0;
    for (List<float[]> vs : vectors) {
      for (float[] v : vs) {
        if (dims >= 0 && v.length != dims) {
          throw new IllegalArgumentException("vectors of lengths " + dims + " and " + v.length);
        }
        dims = v.length;
        n++;
      }
    }
    float[] flat = new float[n * Math.max(dims, 0)];
    List<int[]> occurrences = new ArrayList<>(n);
    for (int a = 0; a < order.length; a++) {
      for (float[] v : vectors.get(order[a])) {
        System.arraycopy(v, 0, flat, occurrences.size() * dims, dims);
        occurrences.add(new int[] {occurrences.size(), a});
      }
    }
    return search(sortedIds(ids, order), flat, Math.max(dims, 1), occurrences, n, p);
  }

  private static Result search(
      String[] ids, float[] flat, int dims, List<int[]> occurrences, int units, Params p) {
    SentenceIndex.Units articles = SentenceIndex.Units.of(occurrences, units);
    int[] start = articles.start();
    int[] art = articles.article();
    int[] eligible = new int[ids.length];
    for (int a : art) {
      eligible[a]++;
    }
    SentenceIndex.Matches m = SentenceIndex.search(flat, dims, articles, p);
    boolean[] ignored = SentenceIndex.fannedOut(m, articles, ids.length, p.maxFanout());
    TreeMap<Long, Evidence> byPair = new TreeMap<>();
    for (int i = 0; i < m.size(); i++) {
      int u = m.u()[i];
      int v = m.v()[i];
      if (ignored[u] || ignored[v]) {
        continue;
      }
      for (int x = start[u]; x < start[u + 1]; x++) {
        for (int y = start[v]; y < start[v + 1]; y++) {
          if (art[x] != art[y]) {
            evidence(byPair, art[x], u, art[y], v, m.cosine()[i]);
          }
        }
      }
    }
    for (int u = 0; u < units; u++) {
      for (int x = start[u]; !ignored[u] && x < start[u + 1]; x++) {
        for (int y = x + 1; y < start[u + 1]; y++) {
          evidence(byPair, art[x], u, art[y], u, 1.0);
        }
      }
    }
    List<Pair> out = new ArrayList<>();
    for (Map.Entry<Long, Evidence> e : byPair.entrySet()) {
      int a = (int) (e.getKey() >>> 32);
      int b = (int) (long) e.getKey();
      Evidence ev = e.getValue();
      int matched = Math.min(ev.a.size(), ev.b.size());
      int needed = Math.min(eligible[a], eligible[b]) <= p.shortArticle() ? 1 : p.minMatched();
      if (matched >= needed) {
        out.add(new Pair(ids[a], ids[b], matched, ev.pairs, ev.best));
      }
    }
    return new Result(
        out,
        occurrences.size(),
        units,
        m.checked(),
        m.size(),
        m.signatureBytes() + articles.bytes(),
        16 + 4L * flat.length);
  }

  /** What two articles have in common: their matched sentences, each side, and the best cosine. */
  private static final class Evidence {
    final Set<Integer> a = new HashSet<>();
    final Set<Integer> b = new HashSet<>();
    int pairs;
    double best = -2;
  }

  private static void evidence(
      TreeMap<Long, Evidence> byPair, int x, int ux, int y, int uy, double cosine) {
    if (x > y) {
      evidence(byPair, y, uy, x, ux, cosine);
      return;
    }
    Evidence e = byPair.computeIfAbsent(((long) x << 32) | y, k -> new Evidence());
    e.a.add(ux);
    e.b.add(uy);
    e.pairs++;
    e.best = Math.max(e.best, cosine);
  }

  private static Integer[] order(List<String> ids) {
    Integer[] order = new Integer[ids.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> ids.get(x).compareTo(ids.get(y)));
    for (int i = 1; i < order.length; i++) {
      if (ids.get(order[i]).equals(ids.get(order[i - 1]))) {
        throw new IllegalArgumentException("duplicate id: " + ids.get(order[i]));
      }
    }
    return order;
  }

  private static String[] sortedIds(List<String> ids, Integer[] order) {
    String[] out = new String[order.length];
    for (int i = 0; i < order.length; i++) {
      out[i] = Objects.requireNonNull(ids.get(order[i]), "id");
    }
    return out;
  }
}
