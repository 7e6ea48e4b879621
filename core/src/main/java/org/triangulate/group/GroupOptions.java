package org.triangulate.group;

/**
 * How {@link StoryGrouper} and {@link IncrementalGrouper} group articles into stories. The defaults
 * are tuned on the ECB+ development set (see {@code package-info}); the date parameters are not
 * (ECB+ has no dates) and are set by judgement.
 *
 * @param threads how many of the workers the grouper is given its loops may use (1: the calling
 *     thread alone); the result does not
 *     depend on it
 * @param neighbours {@code k}: each article links to its {@code k} most similar articles (when they
 *     pass {@code minSimilarity}); the links of all articles form the graph that is clustered
 * @param minSimilarity the least similarity (0 to 1) for a link: below it two articles are not
 *     considered to share a story at all
 * @param mergeThreshold two clusters merge while the sum of their link weights, divided by {@code
 *     min(|A||B|, k(|A|+|B|))}, the number of links they could have, reaches this
 * @param entityWeight weight of the names block (capitalised phrases, acronyms) against the terms
 *     block (weight 1)
 * @param placeWeight weight of the places block (names after "in", "at", "near", the dateline)
 * @param yearWeight weight of the years block (years the text mentions)
 * @param maxTerms terms kept per article, the highest weighted
 * @param maxNames names kept per article, and places kept per article
 * @param indexTerms features per article (the highest weighted) entered in the inverted index and
 *     used to find candidates
 * @param postingCap the most postings scanned per feature and query, nearest in publication time
 *     (or in id order, when undated), so a very common feature cannot make a query slow
 * @param candidates candidates per article, by their partial score in the index, whose full
 *     similarity is computed
 * @param graceDays articles published this many days apart or less are compared without penalty
 * @param dayScale beyond the grace, similarity decays by {@code exp(-(days - grace) / dayScale)}
 * @param keys the most keys a story lists
 */
public record GroupOptions(
    int threads,
    int neighbours,
    double minSimilarity,
    double mergeThreshold,
    double entityWeight,
    double placeWeight,
    double yearWeight,
    int maxTerms,
    int maxNames,
    int indexTerms,
    int postingCap,
    int candidates,
    int graceDays,
    double dayScale,
    int keys) {

  public GroupOptions {
    atLeast("threads", threads, 1);
    atLeast("neighbours", neighbours, 1);
    atLeast("maxTerms", maxTerms, 1);
    atLeast("maxNames", maxNames, 1);
    atLeast("indexTerms", indexTerms, 1);
    atLeast("postingCap", postingCap, 1);
    atLeast("candidates", candidates, 1);
    atLeast("graceDays", graceDays, 0);
    atLeast("keys", keys, 0);
    unit("minSimilarity", minSimilarity);
    unit("mergeThreshold", mergeThreshold);
    nonNegative("entityWeight", entityWeight);
    nonNegative("placeWeight", placeWeight);
    nonNegative("yearWeight", yearWeight);
    if (!(dayScale > 0)) {
      throw new IllegalArgumentException("dayScale must be > 0: " + dayScale);
    }
  }

  /** The tuned defaults, on as many threads as the machine has processors. */
  public static GroupOptions defaults() {
    return new GroupOptions(
        Runtime.getRuntime().availableProcessors(),
        4,
        0.12,
        0.09,
        0.7,
        0.0,
        0.3,
        80,
        30,
        16,
        500,
        24,
        2,
        10.0,
        10);
  }

  public GroupOptions withThreads(int v) {
    return new GroupOptions(
        v,
        neighbours,
        minSimilarity,
        mergeThreshold,
        entityWeight,
        placeWeight,
        yearWeight,
        maxTerms,
        maxNames,
        indexTerms,
        postingCap,
        candidates,
        graceDays,
        dayScale,
        keys);
  }

  public GroupOptions withNeighbours(int v) {
    return new GroupOptions(
        threads,
        v,
        minSimilarity,
        mergeThreshold,
        entityWeight,
        placeWeight,
        yearWeight,
        maxTerms,
        maxNames,
        indexTerms,
        postingCap,
        candidates,
        graceDays,
        dayScale,
        keys);
  }

  public GroupOptions withMinSimilarity(double v) {
    return new GroupOptions(
        threads,
        neighbours,
        v,
        mergeThreshold,
        entityWeight,
        placeWeight,
        yearWeight,
        maxTerms,
        maxNames,
        indexTerms,
        postingCap,
        candidates,
        graceDays,
        dayScale,
        keys);
  }

  public GroupOptions withMergeThreshold(double v) {
    return new GroupOptions(
        threads,
        neighbours,
        minSimilarity,
        v,
        entityWeight,
        placeWeight,
        yearWeight,
        maxTerms,
        maxNames,
        indexTerms,
        postingCap,
        candidates,
        graceDays,
        dayScale,
        keys);
  }

  /** The weights of the names, places and years blocks. */
  public GroupOptions withWeights(double entity, double place, double year) {
    return new GroupOptions(
        threads,
        neighbours,
        minSimilarity,
        mergeThreshold,
        entity,
        place,
        year,
        maxTerms,
        maxNames,
        indexTerms,
        postingCap,
        candidates,
        graceDays,
        dayScale,
        keys);
  }

  /** The sizes of the per-article vectors and of the candidate search. */
  public GroupOptions withSearch(
      int maxTerms, int maxNames, int indexTerms, int postingCap, int candidates) {
    return new GroupOptions(
        threads,
        neighbours,
        minSimilarity,
        mergeThreshold,
        entityWeight,
        placeWeight,
        yearWeight,
        maxTerms,
        maxNames,
        indexTerms,
        postingCap,
        candidates,
        graceDays,
        dayScale,
        keys);
  }

  public GroupOptions withDays(int grace, double scale) {
    return new GroupOptions(
        threads,
        neighbours,
        minSimilarity,
        mergeThreshold,
        entityWeight,
        placeWeight,
        yearWeight,
        maxTerms,
        maxNames,
        indexTerms,
        postingCap,
        candidates,
        grace,
        scale,
        keys);
  }

  /**
   * The largest gap in days at which two articles can still link: beyond it the decay alone takes
   * any similarity below {@link #minSimilarity}.
   */
  int maxGapDays() {
    return graceDays + (int) Math.ceil(dayScale * Math.log(1 / Math.max(minSimilarity, 1e-9)));
  }

  private static void atLeast(String name, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be >= " + min + ": " + value);
    }
  }

  private static void unit(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1]: " + value);
    }
  }

  private static void nonNegative(String name, double value) {
    if (!(value >= 0)) {
      throw new IllegalArgumentException(name + " must be >= 0: " + value);
    }
  }
}
