package org.triangulate.align;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
    fill(a, b, f);
    return f;
  }

  /** The features of a pair with the unit vectors of its two sentences. */
  static double[] withEmbeddings(SentenceTokens a, SentenceTokens b, float[] ea, float[] eb) {
    double[] f = new double[EMBEDDING.size()];
    fill(a, b, f);
    double cos = cosine(ea, eb);
    int k = LEXICAL.size();
    f[k] = cos;
    f[k + 1] = cos * cos;
    f[k + 2] = cos * f[5];
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

  private static void fill(SentenceTokens a, SentenceTokens b, double[] f) {
    int k = 0;
    double[] words = overlap(a.words, b.words);
    f[k++] = words[0];
    f[k++] = words[1];
    List<String> ca = a.contentWords();
    List<String> cb = b.contentWords();
    double[] content = overlap(ca, cb);
    f[k++] = content[0];
    f[k++] = content[1];
    f[k++] = content[2];
    List<String> sa = a.contentStems();
    List<String> sb = b.contentStems();
    double[] stems = overlap(sa, sb);
    f[k++] = stems[0];
    f[k++] = stems[1];
    double[] bigrams = overlap(a.stemGrams(2), b.stemGrams(2));
    f[k++] = bigrams[0];
    f[k++] = bigrams[1];
    f[k++] = overlap(a.stemGrams(3), b.stemGrams(3))[0];
    int lcs = lcs(a.surface, b.surface);
    int shorter = Math.min(a.surface.size(), b.surface.size());
    int longer = Math.max(a.surface.size(), b.surface.size());
    f[k++] = shorter == 0 ? 0 : (double) lcs / shorter;
    f[k++] = longer == 0 ? 0 : (double) lcs / longer;
    f[k++] = longer == 0 ? 1 : (double) shorter / longer;
    f[k++] = Math.log1p(longer);
    f[k++] = jaccard(a.charTrigrams(), b.charTrigrams());
    int ua = unmatched(sa, sb);
    int ub = unmatched(sb, sa);
    f[k++] = Math.log1p(Math.min(ua, ub));
    f[k++] = Math.log1p(Math.max(ua, ub));
    int numbersDiffer = symmetricDifference(a.numbers, b.numbers);
    f[k++] = numbersDiffer > 0 ? 1 : 0;
    f[k++] = numbersDiffer == 0 && !a.numbers.isEmpty() ? 1 : 0;
    f[k++] = Math.log1p(numbersDiffer);
    int namesDiffer = missingNames(a, b) + missingNames(b, a);
    f[k++] = namesDiffer > 0 ? 1 : 0;
    f[k++] = Math.log1p(namesDiffer);
    f[k++] = (a.negations > 0) != (b.negations > 0) ? 1 : 0;
    boolean daysDiffer = !a.weekdays.isEmpty() && !b.weekdays.isEmpty() && !a.weekdays.equals(b.weekdays);
    boolean monthsDiffer = !a.months.isEmpty() && !b.months.isEmpty() && !a.months.equals(b.months);
    f[k++] = daysDiffer || monthsDiffer ? 1 : 0;
    boolean dateA = !a.weekdays.isEmpty() || !a.months.isEmpty();
    boolean dateB = !b.weekdays.isEmpty() || !b.months.isEmpty();
    f[k++] = dateA != dateB ? 1 : 0;
    int longerStems = Math.max(a.stems.size(), b.stems.size());
    f[k++] = longerStems == 0 ? 0 : (double) editDistance(a.stems, b.stems) / longerStems;
    f[k++] = Math.max(bleu(a, b), bleu(b, a));
  }

  /** Word-level Levenshtein distance (insertions, deletions, substitutions). */
  static int editDistance(List<String> a, List<String> b) {
    int m = b.size();
    int[] prev = new int[m + 1];
    int[] cur = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.size(); i++) {
      cur[0] = i;
      String x = a.get(i - 1);
      for (int j = 1; j <= m; j++) {
        int sub = prev[j - 1] + (x.equals(b.get(j - 1)) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[m];
  }

  /**
   * Sentence BLEU of {@code candidate} against {@code reference}: the geometric mean of the
   * clipped 1- to 4-gram precisions (add-one smoothed) times the brevity penalty.
   */
  static double bleu(SentenceTokens cand, SentenceTokens ref) {
    List<String> candidate = cand.stems;
    List<String> reference = ref.stems;
    if (candidate.isEmpty()) {
      return 0;
    }
    double logPrecision = 0;
    for (int n = 1; n <= 4; n++) {
      List<String> c = cand.stemGrams(n);
      List<String> r = ref.stemGrams(n);
      int common = clipped(c, r);
      logPrecision += Math.log((common + 1.0) / (c.size() + 1.0)) / 4;
    }
    double brevity =
        candidate.size() >= reference.size()
            ? 1
            : Math.exp(1 - (double) reference.size() / candidate.size());
    return brevity * Math.exp(logPrecision);
  }

  /** How many of {@code a} are matched in {@code b}, each occurrence of {@code b} used once. */
  private static int clipped(List<String> a, List<String> b) {
    Map<String, Integer> counts = new HashMap<>();
    for (String w : b) {
      counts.merge(w, 1, Integer::sum);
    }
    int common = 0;
    for (String w : a) {
      Integer c = counts.get(w);
      if (c != null && c > 0) {
        common++;
        counts.put(w, c - 1);
      }
    }
    return common;
  }

  /** Names of {@code a} that {@code b} has in no form (word, stem, or as the start of a word). */
  static int missingNames(SentenceTokens a, SentenceTokens b) {
    Set<String> bw = new HashSet<>(b.words);
    Set<String> bs = new HashSet<>(b.stems);
    int missing = 0;
    for (String name : a.names) {
      if (bw.contains(name) || bs.contains(LexicalStemmer.stem(name))) {
        continue;
      }
      boolean found = false;
      if (name.length() >= 4) {
        for (String w : b.words) {
          if (w.length() >= 4 && (w.startsWith(name) || name.startsWith(w))) {
            found = true;
            break;
          }
        }
      }
      if (!found) {
        missing++;
      }
    }
    return missing;
  }

  /** F, min(P,R), max(P,R) of two bags (clipped counts). */
  static double[] overlap(List<String> a, List<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return new double[] {0, 0, 0};
    }
    int common = clipped(b, a);
    double p = (double) common / a.size();
    double r = (double) common / b.size();
    double f = common == 0 ? 0 : 2 * p * r / (p + r);
    return new double[] {f, Math.min(p, r), Math.max(p, r)};
  }

  /** How many of {@code a} (with repeats) are not in {@code b}. */
  private static int unmatched(List<String> a, List<String> b) {
    Set<String> bs = new HashSet<>(b);
    int n = 0;
    for (String w : a) {
      if (!bs.contains(w)) {
        n++;
      }
    }
    return n;
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

  static Set<String> charGrams(List<String> words, int n) {
    String s = " " + String.join(" ", words) + " ";
    Set<String> out = new HashSet<>();
    for (int i = 0; i + n <= s.length(); i++) {
      out.add(s.substring(i, i + n));
    }
    return out;
  }

  private static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 1;
    }
    int common = 0;
    for (String x : a) {
      if (b.contains(x)) {
        common++;
      }
    }
    return (double) common / (a.size() + b.size() - common);
  }

  /** The length of the longest common subsequence of two word lists. */
  static int lcs(List<String> a, List<String> b) {
    int m = b.size();
    int[] prev = new int[m + 1];
    int[] cur = new int[m + 1];
    for (String x : a) {
      for (int j = 1; j <= m; j++) {
        cur[j] = x.equals(b.get(j - 1)) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[m];
  }
}
