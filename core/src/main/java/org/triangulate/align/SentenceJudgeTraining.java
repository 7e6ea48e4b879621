package org.triangulate.align;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Trains and evaluates the {@link SentenceJudge}'s classifier on labelled sentence pairs (the
 * Microsoft Research Paraphrase Corpus layout): a logistic regression with a fixed L2 penalty
 * ({@value #LAMBDA}) on standardised features, and a decision threshold chosen to maximise accuracy
 * on the training pairs that the threshold decides.
 *
 * <p>{@link #crossValidate} trains per fold on the other folds and scores the whole judge on the
 * held-out fold: a pair counts as judged the same when its kind is not {@code NONE} (verbatim and
 * edited pairs always, a pair failing a check never, the rest by the threshold). {@link
 * #javaSource} prints the models trained on all pairs as the source of {@code JudgeWeights}, which
 * is how the shipped weights were made ({@code triangulate pairs FILE --write-weights F}).
 */
public final class SentenceJudgeTraining {

  /** The L2 penalty on the standardised weights. */
  public static final double LAMBDA = 1.0;

  private SentenceJudgeTraining() {}

  /** A sentence pair with its gold label. */
  public record LabelledPair(String a, String b, boolean paraphrase) {}

  /** One fold of a cross-validation: its held-out scores and the threshold its training chose. */
  public record Fold(int fold, JudgeScores scores, double threshold) {}

  /** The folds of a cross-validation. */
  public record CrossValidation(List<Fold> folds) {
    public CrossValidation {
      folds = List.copyOf(folds);
    }

    public double meanAccuracy() {
      return folds.stream().mapToDouble(f -> f.scores().accuracy()).average().orElse(0);
    }

    public double meanF1() {
      return folds.stream().mapToDouble(f -> f.scores().f1()).average().orElse(0);
    }

    /** The held-out judgements of all folds together. */
    public JudgeScores pooled() {
      JudgeScores s = JudgeScores.empty();
      for (Fold f : folds) {
        JudgeScores x = f.scores();
        s =
            new JudgeScores(
                s.truePositives() + x.truePositives(),
                s.falsePositives() + x.falsePositives(),
                s.falseNegatives() + x.falseNegatives(),
                s.trueNegatives() + x.trueNegatives());
      }
      return s;
    }
  }

  /**
   * The pairs read and embedded once: their features, whether they are linked whatever the
   * classifier says (verbatim or edited), and whether a check failed.
   */
  static final class Prepared {
    final double[][] x;
    final boolean[] y;
    final boolean[] linked;
    final boolean[] failed;

    Prepared(double[][] x, boolean[] y, boolean[] linked, boolean[] failed) {
      this.x = x;
      this.y = y;
      this.linked = linked;
      this.failed = failed;
    }
  }

  /**
   * Reads every pair and, with an embedder (may be null), embeds each distinct sentence once; the
   * features are the embedding model's, or the lexical model's without an embedder.
   */
  static Prepared prepare(List<LabelledPair> pairs, Embedder embedder) {
    Map<String, float[]> vectors = embedder == null ? Map.of() : embedAll(pairs, embedder);
    int n = pairs.size();
    double[][] x = new double[n][];
    boolean[] y = new boolean[n];
    boolean[] linked = new boolean[n];
    boolean[] failed = new boolean[n];
    for (int i = 0; i < n; i++) {
      LabelledPair p = pairs.get(i);
      SentenceTokens a = SentenceTokens.of(p.a());
      SentenceTokens b = SentenceTokens.of(p.b());
      x[i] =
          embedder == null
              ? SentenceFeatures.lexical(a, b)
              : SentenceFeatures.withEmbeddings(a, b, vectors.get(p.a()), vectors.get(p.b()));
      y[i] = p.paraphrase();
      linked[i] = SentenceJudge.verbatim(a, b) || SentenceJudge.edited(a, b);
      failed[i] = !SentenceChecks.agree(a, b);
    }
    return new Prepared(x, y, linked, failed);
  }

  /** Embeds each distinct sentence of {@code pairs} once, in batches. */
  static Map<String, float[]> embedAll(List<LabelledPair> pairs, Embedder embedder) {
    Set<String> distinct = new LinkedHashSet<>();
    for (LabelledPair p : pairs) {
      distinct.add(p.a());
      distinct.add(p.b());
    }
    List<String> sentences = new ArrayList<>(distinct);
    Map<String, float[]> out = new HashMap<>();
    int batch = 256;
    for (int from = 0; from < sentences.size(); from += batch) {
      List<String> part = sentences.subList(from, Math.min(sentences.size(), from + batch));
      List<float[]> v = embedder.embed(part);
      for (int i = 0; i < part.size(); i++) {
        out.put(part.get(i), v.get(i));
      }
    }
    return out;
  }

  /**
   * {@code folds}-fold cross-validation: the pairs are shuffled with {@code seed} and dealt into
   * folds, positives and negatives separately so that every fold has the same share of each; each
   * fold is judged by a judge trained on the others (weights and threshold). With an embedder (may
   * be null) the judge uses embeddings, without one its lexical model.
   */
  public static CrossValidation crossValidate(
      List<LabelledPair> pairs, Embedder embedder, int folds, long seed) {
    return crossValidate(pairs, embedder, folds, seed, 1).get(0);
  }

  /**
   * Repeated cross-validation: {@code repeats} runs of {@link #crossValidate(List, Embedder, int,
   * long)} with the seeds {@code seed}, {@code seed + 1}, ..., reading and embedding the pairs once.
   */
  public static List<CrossValidation> crossValidate(
      List<LabelledPair> pairs, Embedder embedder, int folds, long seed, int repeats) {
    if (folds < 2 || folds > pairs.size()) {
      throw new IllegalArgumentException("cannot make " + folds + " folds of " + pairs.size() + " pairs");
    }
    if (repeats < 1) {
      throw new IllegalArgumentException("repeats must be >= 1: " + repeats);
    }
    Prepared data = prepare(pairs, embedder);
    List<CrossValidation> out = new ArrayList<>();
    for (int r = 0; r < repeats; r++) {
      out.add(crossValidate(data, folds, seed + r, LAMBDA));
    }
    return out;
  }

  static CrossValidation crossValidate(Prepared data, int folds, long seed, double lambda) {
    int[] fold = assignFolds(data.y, folds, seed);
    List<Fold> out = new ArrayList<>();
    for (int f = 0; f < folds; f++) {
      List<Integer> train = new ArrayList<>();
      List<Integer> test = new ArrayList<>();
      for (int i = 0; i < fold.length; i++) {
        (fold[i] == f ? test : train).add(i);
      }
      JudgeModel model = fit(data, train, lambda);
      JudgeScores s = JudgeScores.empty();
      for (int i : test) {
        s = s.plus(accepts(model, data, i), data.y[i]);
      }
      out.add(new Fold(f + 1, s, model.threshold()));
    }
    return new CrossValidation(out);
  }

  /** Stratified fold numbers: positives and negatives shuffled and dealt round-robin. */
  static int[] assignFolds(boolean[] y, int folds, long seed) {
    Random random = new Random(seed);
    int[] fold = new int[y.length];
    int next = 0;
    for (boolean label : new boolean[] {true, false}) {
      List<Integer> idx = new ArrayList<>();
      for (int i = 0; i < y.length; i++) {
        if (y[i] == label) {
          idx.add(i);
        }
      }
      java.util.Collections.shuffle(idx, random);
      for (int i : idx) {
        fold[i] = next;
        next = (next + 1) % folds;
      }
    }
    return fold;
  }

  private static boolean accepts(JudgeModel model, Prepared data, int i) {
    return data.linked[i] || (!data.failed[i] && model.probability(data.x[i]) >= model.threshold());
  }

  /** Fits the regression on the rows {@code rows}, then picks the threshold on the same rows. */
  static JudgeModel fit(Prepared data, List<Integer> rows, double lambda) {
    double[][] x = new double[rows.size()][];
    boolean[] y = new boolean[rows.size()];
    for (int k = 0; k < rows.size(); k++) {
      x[k] = data.x[rows.get(k)];
      y[k] = data.y[rows.get(k)];
    }
    JudgeModel model = JudgeModel.fit(x, y, lambda);
    return model.withThreshold(bestThreshold(model, data, rows));
  }

  /**
   * The threshold that maximises accuracy on {@code rows} (pairs decided without it, verbatim, edited
   * or failing a check, left out): midway between two neighbouring scores; among equally good ones,
   * the one nearest 0.5.
   */
  private static double bestThreshold(JudgeModel model, Prepared data, List<Integer> rows) {
    int n = rows.size();
    List<double[]> scored = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      int i = rows.get(k);
      if (data.linked[i] || data.failed[i]) {
        continue; // decided without the threshold
      }
      scored.add(new double[] {model.probability(data.x[i]), data.y[i] ? 1 : 0});
    }
    scored.sort((u, v) -> Double.compare(u[0], v[0]));
    // Threshold just above scored[k-1]: the first k are rejected, the rest accepted.
    int positives = 0;
    for (double[] s : scored) {
      positives += (int) s[1];
    }
    int correct = positives; // k = 0: all accepted
    int best = correct;
    double bestT = scored.isEmpty() ? 0.5 : scored.get(0)[0] / 2;
    double bestDistance = Math.abs(bestT - 0.5);
    for (int k = 1; k <= scored.size(); k++) {
      double[] s = scored.get(k - 1);
      correct += s[1] == 1 ? -1 : 1;
      if (k < scored.size() && scored.get(k)[0] == s[0]) {
        continue;
      }
      double t = k < scored.size() ? (s[0] + scored.get(k)[0]) / 2 : (s[0] + 1) / 2;
      if (correct > best || (correct == best && Math.abs(t - 0.5) < bestDistance)) {
        best = correct;
        bestT = t;
        bestDistance = Math.abs(t - 0.5);
      }
    }
    return bestT;
  }

  /** The judge trained on all of {@code pairs}: both models, with the embedding one if {@code embedder} is given. */
  public static SentenceJudge train(List<LabelledPair> pairs, Embedder embedder) {
    JudgeModel[] models = trainModels(pairs, embedder);
    return SentenceJudge.of(embedder, models[0], models[1]);
  }

  static JudgeModel[] trainModels(List<LabelledPair> pairs, Embedder embedder) {
    Prepared lexical = prepare(pairs, null);
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < pairs.size(); i++) {
      all.add(i);
    }
    JudgeModel lexicalModel = fit(lexical, all, LAMBDA);
    JudgeModel embeddingModel = embedder == null ? null : fit(prepare(pairs, embedder), all, LAMBDA);
    return new JudgeModel[] {lexicalModel, embeddingModel};
  }

  /**
   * The Java source of {@code JudgeWeights} with the models trained on all of {@code pairs} (the
   * embedder is required: the file holds both models).
   */
  public static String javaSource(List<LabelledPair> pairs, Embedder embedder, String provenance) {
    JudgeModel[] m = trainModels(pairs, embedder);
    StringBuilder sb = new StringBuilder();
    sb.append("package org.triangulate.align;\n\n");
    sb.append("/**\n * The shipped weights of the {@link SentenceJudge}'s two models, in the order of {@link\n");
    sb.append(" * SentenceFeatures}. Generated by {@link SentenceJudgeTraining#javaSource} (L2 penalty ")
        .append(String.format(Locale.ROOT, "%s", LAMBDA)).append(");\n");
    sb.append(" * trained on ").append(provenance).append(".\n *\n");
    sb.append(" * <p>Regenerate with {@code triangulate pairs msr_paraphrase_train.txt --write-weights\n");
    sb.append(" * core/src/main/java/org/triangulate/align/JudgeWeights.java} after changing the features.\n */\n");
    sb.append("final class JudgeWeights {\n\n  private JudgeWeights() {}\n\n");
    sb.append("  /** Lexical features only (").append(SentenceFeatures.LEXICAL.size()).append(" features). */\n");
    sb.append(m[0].toJava("LEXICAL")).append('\n');
    sb.append("  /** Lexical features and the embedding cosine (").append(SentenceFeatures.EMBEDDING.size()).append(" features). */\n");
    sb.append(m[1].toJava("EMBEDDING"));
    sb.append("}\n");
    return sb.toString();
  }
}
