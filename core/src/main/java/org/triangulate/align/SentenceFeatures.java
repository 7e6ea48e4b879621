package org.triangulate.align;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The features the {@link SentenceJudge}'s classifier reads from a sentence pair. All are
 * symmetric in the two sentences. {@link #LEXICAL} are computed from the words alone; {@link
 * #EMBEDDING} add the cosine of the sentence embeddings. Their order is the order of the shipped
 * weights ({@link JudgeWeights}).
 */
final class SentenceFeatures {

  /** The names of the lexical features, in order. */
  static final List<String> LEXICAL =
      List.of(
          "words F", "words min(P,R)", "content words F", "content words min(P,R)",
          "content words max(P,R)", "content stems F", "content stems min(P,R)", "bigrams F",
          "bigrams min(P,R)", "trigrams F", "LCS / shorter", "LCS / longer", "length ratio",
          "log length", "char 3-grams Jaccard", "unmatched content stems, fewer side",
          "unmatched content stems, more side", "numbers differ", "numbers agree",
          "log1p numbers differing", "names differ", "log1p names differing", "negation differs",
          "dates differ", "date in one only", "word edit rate", "BLEU");

  /** The names of the features with embeddings, in order: the lexical ones, then these. */
  static final List<String> EMBEDDING =
      concat(LEXICAL, List.of("cosine", "cosine squared", "cosine x content stems F"));

  private SentenceFeatures() {}

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return List.copyOf(out);
  }

  /** The lexical features of a pair. */
  static double[] lexical(SentenceTokens a, SentenceTokens b) {
    double[] f = new double[LEXICAL.size()];
    fillCheap(a, b, Terms.lcs(a.surfaceTerms, b.surfaceTerms), f);
    fillRest(a, b, a.stemTerms.common(b.stemTerms), f);
    return f;
  }

  /** The features of a pair with the unit vectors of its two sentences. */
  static double[] withEmbeddings(SentenceTokens a, SentenceTokens b, float[] ea, float[] eb) {
    double[] f = new double[EMBEDDING.size()];
    fillCheap(a, b, Terms.lcs(a.surfaceTerms, b.surfaceTerms), f);
    fillCosine(ea, eb, f);
    fillRest(a, b, a.stemTerms.common(b.stemTerms), f);
    return f;
  }

  static double cosine(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("vectors of lengths " + a.length + " and " + b.length);
    }
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
    }
    return Math.max(-1, Math.min(1, dot));
  }

  // The features a pair of sentences costs least to read, by index in LEXICAL; fillRest computes
  // the others.
  private static final int BIGRAMS_F = 7;
  private static final int BIGRAMS_MIN = 8;
  private static final int TRIGRAMS_F = 9;
  private static final int CHAR_JACCARD = 14;
  private static final int EDIT_RATE = 25;
  private static final int BLEU = 26;

  /**
   * The features of the words, content words and content stems overlaps, the LCS ({@code lcs}, of
   * the surface words), the lengths, the unmatched stems, and the numbers, names, negation and dates
   * (all but those {@link #fillRest} computes).
   */
  static void fillCheap(SentenceTokens a, SentenceTokens b, int lcs, double[] f) {
    double[] words = overlap(a.wordTerms, b.wordTerms);
    f[0] = words[0];
    f[1] = words[1];
    double[] content = overlap(a.contentWordTerms, b.contentWordTerms);
    f[2] = content[0];
    f[3] = content[1];
    f[4] = content[2];
    int[] stemCounts = a.contentStemTerms.commonAndUnmatched(b.contentStemTerms);
    double[] stems = overlap(stemCounts[0], a.contentStemTerms.size(), b.contentStemTerms.size());
    f[5] = stems[0];
    f[6] = stems[1];
    int shorter = Math.min(a.surface.size(), b.surface.size());
    int longer = Math.max(a.surface.size(), b.surface.size());
    f[10] = shorter == 0 ? 0 : (double) lcs / shorter;
    f[11] = longer == 0 ? 0 : (double) lcs / longer;
    f[12] = longer == 0 ? 1 : (double) shorter / longer;
    f[13] = Math.log1p(longer);
    int ua = stemCounts[1];
    int ub = stemCounts[2];
    f[15] = Math.log1p(Math.min(ua, ub));
    f[16] = Math.log1p(Math.max(ua, ub));
    int numbersDiffer = symmetricDifference(a.numbers, b.numbers);
    f[17] = numbersDiffer > 0 ? 1 : 0;
    f[18] = numbersDiffer == 0 && !a.numbers.isEmpty() ? 1 : 0;
    f[19] = Math.log1p(numbersDiffer);
    int namesDiffer = missingNames(a, b) + missingNames(b, a);
    f[20] = namesDiffer > 0 ? 1 : 0;
    f[21] = Math.log1p(namesDiffer);
    f[22] = (a.negations > 0) != (b.negations > 0) ? 1 : 0;
    boolean daysDiffer = !a.weekdays.isEmpty() && !b.weekdays.isEmpty() && !a.weekdays.equals(b.weekdays);
    boolean monthsDiffer = !a.months.isEmpty() && !b.months.isEmpty() && !a.months.equals(b.months);
    f[23] = daysDiffer || monthsDiffer ? 1 : 0;
    boolean dateA = !a.weekdays.isEmpty() || !a.months.isEmpty();
    boolean dateB = !b.weekdays.isEmpty() || !b.months.isEmpty();
    f[24] = dateA != dateB ? 1 : 0;
  }

  /** The cosine features, after {@link #fillCheap} (the last reads the content stems F). */
  static void fillCosine(float[] ea, float[] eb, double[] f) {
    double cos = cosine(ea, eb);
    int k = LEXICAL.size();
    f[k] = cos;
    f[k + 1] = cos * cos;
    f[k + 2] = cos * f[5];
  }

  /**
   * The stem n-gram overlaps, the character trigram Jaccard index, the word edit rate and BLEU;
   * {@code stems}: how many stems the two share (as bags).
   */
  static void fillRest(SentenceTokens a, SentenceTokens b, int stems, double[] f) {
    // The stem n-grams the two share (n = 1..4), for the n-gram overlaps and BLEU both ways.
    int[] common = new int[5];
    common[1] = stems;
    for (int n = 2; n <= 4; n++) {
      common[n] = a.stemGrams(n).common(b.stemGrams(n));
    }
    double[] bigrams = overlap(common[2], a.stemGrams(2).size(), b.stemGrams(2).size());
    f[BIGRAMS_F] = bigrams[0];
    f[BIGRAMS_MIN] = bigrams[1];
    f[TRIGRAMS_F] = overlap(common[3], a.stemGrams(3).size(), b.stemGrams(3).size())[0];
    f[CHAR_JACCARD] = jaccard(a.charTrigrams, b.charTrigrams);
    int longerStems = Math.max(a.stems.size(), b.stems.size());
    f[EDIT_RATE] = longerStems == 0 ? 0 : (double) Terms.editDistance(a.stemTerms, b.stemTerms) / longerStems;
    f[BLEU] = Math.max(bleu(a, b, common), bleu(b, a, common));
  }

  /**
   * An upper bound of {@code model}'s probability for a pair whose other features {@link
   * #fillCheap} (and {@link #fillCosine}) wrote in {@code f}: each feature {@link #fillRest} would
   * compute is set, within the range the pair allows, where it raises the score most. The range
   * comes from counts already known: no n-gram is shared at least, each is at most; the Jaccard
   * index is at most the smaller set over the larger; the edit distance is at least the longer
   * length less the stems the two share, at most the longer length; BLEU is at least its value
   * with no n-gram of two or more words shared, at most 1. {@code stems}: how many stems the two
   * share (as bags).
   */
  static double maxProbability(JudgeModel model, SentenceTokens a, SentenceTokens b, int stems, double[] f) {
    double z = model.bias();
    for (int k = 0; k < f.length; k++) {
      if (k != BIGRAMS_F && k != BIGRAMS_MIN && k != TRIGRAMS_F && k != CHAR_JACCARD && k != EDIT_RATE && k != BLEU) {
        z += model.term(k, f[k]);
      }
    }
    int n2a = a.stemGrams(2).size();
    int n2b = b.stemGrams(2).size();
    double best = Double.NEGATIVE_INFINITY;
    for (int c : new int[] {0, Math.min(n2a, n2b)}) {
      double[] o = overlap(c, n2a, n2b);
      best = Math.max(best, model.term(BIGRAMS_F, o[0]) + model.term(BIGRAMS_MIN, o[1]));
    }
    z += best;
    int n3a = a.stemGrams(3).size();
    int n3b = b.stemGrams(3).size();
    z += Math.max(
        model.term(TRIGRAMS_F, 0),
        model.term(TRIGRAMS_F, overlap(Math.min(n3a, n3b), n3a, n3b)[0]));
    int ca = a.charTrigrams.length;
    int cb = b.charTrigrams.length;
    double jaccardMax = ca == 0 && cb == 0 ? 1 : Math.min(ca, cb) / (double) Math.max(ca, cb);
    z += Math.max(model.term(CHAR_JACCARD, 0), model.term(CHAR_JACCARD, jaccardMax));
    int common1 = stems;
    int longerStems = Math.max(a.stems.size(), b.stems.size());
    double editMin = longerStems == 0 ? 0 : (longerStems - common1) / (double) longerStems;
    double editMax = longerStems == 0 ? 0 : 1;
    z += Math.max(model.term(EDIT_RATE, editMin), model.term(EDIT_RATE, editMax));
    int[] unigramsOnly = {0, common1, 0, 0, 0};
    double bleuMin = Math.max(bleu(a, b, unigramsOnly), bleu(b, a, unigramsOnly));
    z += Math.max(model.term(BLEU, bleuMin), model.term(BLEU, 1));
    return 1 / (1 + Math.exp(-z));
  }

  /**
   * Sentence BLEU of {@code cand} against {@code ref} over stems: the geometric mean of the clipped
   * 1- to 4-gram precisions (add-one smoothed) times the brevity penalty. {@code common[n]}: the
   * n-grams the two share, clipped (the same both ways).
   */
  private static double bleu(SentenceTokens cand, SentenceTokens ref, int[] common) {
    int candidate = cand.stems.size();
    int reference = ref.stems.size();
    if (candidate == 0) {
      return 0;
    }
    double logPrecision = 0;
    for (int n = 1; n <= 4; n++) {
      logPrecision += Math.log((common[n] + 1.0) / (cand.stemGrams(n).size() + 1.0)) / 4;
    }
    double brevity =
        candidate >= reference
            ? 1
            : Math.exp(1 - (double) reference / candidate);
    return brevity * Math.exp(logPrecision);
  }

  /** Names of {@code a} that {@code b} has in no form (word, stem, or as the start of a word). */
  static int missingNames(SentenceTokens a, SentenceTokens b) {
    int missing = 0;
    for (int k = 0; k < a.nameList.length; k++) {
      String name = a.nameList[k];
      if (b.wordTerms.contains(name) || b.stemTerms.contains(a.nameStems[k])) {
        continue;
      }
      if (name.length() < 4 || !sharesStart(name, b.longWords)) {
        missing++;
      }
    }
    return missing;
  }

  /**
   * Whether a word of {@code sorted} (distinct words of four letters or more, in {@link
   * String#compareTo} order) starts with {@code name} (four letters or more) or starts it. Such a
   * word shares the name's first four letters, and those words stand together in the order.
   */
  private static boolean sharesStart(String name, String[] sorted) {
    String head = name.substring(0, 4);
    int k = java.util.Arrays.binarySearch(sorted, head);
    for (k = k < 0 ? -k - 1 : k; k < sorted.length && sorted[k].startsWith(head); k++) {
      if (sorted[k].startsWith(name) || name.startsWith(sorted[k])) {
        return true;
      }
    }
    return false;
  }

  /** F, min(P,R), max(P,R) of two bags (clipped counts). */
  static double[] overlap(Terms a, Terms b) {
    if (a.size() == 0 || b.size() == 0) {
      return new double[] {0, 0, 0};
    }
    return overlap(a.common(b), a.size(), b.size());
  }

  /** F, min(P,R), max(P,R) of two bags of these sizes with this many items in common. */
  private static double[] overlap(int common, int sizeA, int sizeB) {
    if (sizeA == 0 || sizeB == 0) {
      return new double[] {0, 0, 0};
    }
    double p = (double) common / sizeA;
    double r = (double) common / sizeB;
    double f = common == 0 ? 0 : 2 * p * r / (p + r);
    return new double[] {f, Math.min(p, r), Math.max(p, r)};
  }

  private static int symmetricDifference(Set<String> a, Set<String> b) {
    int n = 0;
    for (String x : a) {
      if (!b.contains(x)) {
        n++;
      }
    }
    for (String x : b) {
      if (!a.contains(x)) {
        n++;
      }
    }
    return n;
  }

  static List<String> ngrams(List<String> w, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i + n <= w.size(); i++) {
      out.add(String.join(" ", w.subList(i, i + n)));
    }
    return out;
  }

  /** The Jaccard index of two sorted sets of distinct numbers; 1 when both are empty. */
  private static double jaccard(long[] a, long[] b) {
    if (a.length == 0 && b.length == 0) {
      return 1;
    }
    int common = 0;
    int i = 0;
    int j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        common++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return (double) common / (a.length + b.length - common);
  }
}
