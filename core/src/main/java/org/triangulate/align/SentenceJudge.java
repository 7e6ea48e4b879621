package org.triangulate.align;

import java.util.List;
import java.util.Locale;

/**
 * Judges whether two sentences say the same thing, and how one relates to the other.
 *
 * <ul>
 *   <li>{@link Kind#VERBATIM}: the same words in the same order, after lower-casing and dropping
 *       punctuation ({@link SentenceTokens#surface}). Score 1.
 *   <li>{@link Kind#EDITED}: the same sentence with a few words inserted, deleted or substituted:
 *       the longest common subsequence (LCS) of the two word sequences covers at least {@value
 *       #EDIT_MIN_SHARED} of the shorter sentence and at least {@value #EDIT_MIN_SHARED_LONGER} of
 *       the longer, and at most {@value #EDIT_MAX_CHANGED} words of either sentence lie outside it.
 *       This is a statement about the text, not the meaning: an edit that changes a number, a name,
 *       a date or the negation is still an edited link, but its score is capped (below).
 *   <li>{@link Kind#PARAPHRASE}: any other pair that the classifier accepts and in which nothing
 *       that must agree disagrees ({@link SentenceChecks}: a number, a length in any unit, a name,
 *       a weekday or month, the negation, the compass direction of a place). The classifier is a
 *       logistic regression ({@link JudgeModel}, weights in {@link JudgeWeights}) over lexical
 *       overlaps (words, stems, bigrams, trigrams, the LCS, the word edit rate, BLEU, character
 *       trigrams, lengths), soft versions of the same checks (numbers, names, negation, dates
 *       present in one sentence only) and, with an {@link Embedder}, the cosine of the two
 *       sentence embeddings ({@link SentenceFeatures}). It was trained on the Microsoft Research
 *       Paraphrase Corpus training set (4,076 pairs) by {@link SentenceJudgeTraining}.
 *   <li>{@link Kind#NONE}: the rest.
 * </ul>
 *
 * <p>The score is the classifier's probability that the pair says the same thing, capped at
 * {@value #FAILED_CHECK_SCORE} when a check fails (1 for verbatim); a pair that is not verbatim or
 * edited is a paraphrase when the score reaches the model's threshold. Without an embedder, or when
 * a vector is missing and there is no embedder to compute it, the judge uses a second model trained
 * on the lexical features alone. Instances are immutable and safe to share between threads.
 *
 * <p>Measured by 10-fold cross-validation of the training on that corpus (seed 42, {@code
 * triangulate pairs msr_paraphrase_train.txt --cv 10}): accuracy 78.0%, F1 0.841 with embeddings;
 * 76.9%, F1 0.834 on words alone. The checks cost about 0.25 points of that accuracy: the corpus
 * counts many pairs with different figures as paraphrases ("rose 8.8 per cent" and "rose by 6.7
 * per cent").
 */
public final class SentenceJudge {

  /** Edited: the LCS covers at least this share of the shorter sentence's words. */
  public static final double EDIT_MIN_SHARED = 0.7;

  /** Edited: the LCS covers at least this share of the longer sentence's words. */
  public static final double EDIT_MIN_SHARED_LONGER = 0.6;

  /** Edited: at most this many words of either sentence lie outside the LCS. */
  public static final int EDIT_MAX_CHANGED = 6;

  /** The highest score of a pair in which a number, name, date, negation or direction disagrees. */
  public static final double FAILED_CHECK_SCORE = 0.2;

  /** How two sentences are linked. */
  public enum Kind {
    VERBATIM,
    EDITED,
    PARAPHRASE,
    NONE;

    /** The lower-case name used in reports and TSV output. */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A judgement: the kind of link and the paraphrase score in [0, 1]. */
  public record Judgement(Kind kind, double score) {}

  private final Embedder embedder;
  private final JudgeModel lexicalModel;
  private final JudgeModel embeddingModel;

  private SentenceJudge(Embedder embedder, JudgeModel lexicalModel, JudgeModel embeddingModel) {
    this.embedder = embedder;
    this.lexicalModel = lexicalModel;
    this.embeddingModel = embeddingModel;
  }

  /** A judge with the shipped weights that embeds the sentences it is given with {@code embedder}. */
  public SentenceJudge(Embedder embedder) {
    this(requireEmbedder(embedder), JudgeWeights.LEXICAL, JudgeWeights.EMBEDDING);
  }

  /** A judge with the shipped weights that uses no embeddings. */
  public static SentenceJudge lexical() {
    return new SentenceJudge(null, JudgeWeights.LEXICAL, JudgeWeights.EMBEDDING);
  }

  /** A judge with other models (from {@link SentenceJudgeTraining}); either model may be null. */
  static SentenceJudge of(Embedder embedder, JudgeModel lexicalModel, JudgeModel embeddingModel) {
    return new SentenceJudge(embedder, lexicalModel, embeddingModel);
  }

  private static Embedder requireEmbedder(Embedder embedder) {
    if (embedder == null) {
      throw new NullPointerException("embedder; use SentenceJudge.lexical() for a judge without one");
    }
    return embedder;
  }

  /** Whether this judge embeds sentences itself. */
  public boolean embeds() {
    return embedder != null;
  }

  /** Judges a pair, embedding both sentences if this judge has an embedder. */
  public Judgement judge(String a, String b) {
    return judge(a, b, null, null);
  }

  /**
   * Judges a pair with the unit vectors of its sentences (either may be null: it is computed with
   * the embedder if the judge has one, else the judge uses its lexical model).
   */
  public Judgement judge(String a, String b, float[] ea, float[] eb) {
    SentenceTokens ta = SentenceTokens.of(a);
    SentenceTokens tb = SentenceTokens.of(b);
    if (verbatim(ta, tb)) {
      return new Judgement(Kind.VERBATIM, 1.0);
    }
    if (ta.surface.isEmpty() || tb.surface.isEmpty()) {
      return new Judgement(Kind.NONE, 0.0); // no words: nothing to say
    }
    if ((ea == null || eb == null) && embedder != null && embeddingModel != null) {
      if (ea == null && eb == null) {
        List<float[]> v = embedder.embed(List.of(a == null ? "" : a, b == null ? "" : b));
        ea = v.get(0);
        eb = v.get(1);
      } else if (ea == null) {
        ea = embedder.embed(List.of(a == null ? "" : a)).get(0);
      } else {
        eb = embedder.embed(List.of(b == null ? "" : b)).get(0);
      }
    }
    return classify(ta, tb, ea, eb);
  }

  /**
   * Judges two sentences already read (the aligner reads each sentence once per article, not once
   * per pair), with their unit vectors or nulls; never embeds. The kind is the one {@link #judge}
   * gives. A pair that is neither verbatim nor edited is {@code NONE} at once, with score 0 (the
   * aligner keeps no score of a pair it does not link), when the classifier cannot accept it
   * whatever the features not yet computed turn out to be ({@link SentenceFeatures#maxProbability}),
   * or when a check fails.
   */
  Judgement judgeRead(SentenceTokens ta, SentenceTokens tb, float[] ea, float[] eb) {
    if (verbatim(ta, tb)) {
      return new Judgement(Kind.VERBATIM, 1.0);
    }
    if (ta.surface.isEmpty() || tb.surface.isEmpty()) {
      return new Judgement(Kind.NONE, 0.0);
    }
    int lcs = Terms.lcs(ta.surfaceTerms, tb.surfaceTerms);
    boolean edited = edited(ta, tb, lcs);
    boolean embedded = ea != null && eb != null && embeddingModel != null;
    JudgeModel model = embedded ? embeddingModel : lexicalModel;
    double[] x = new double[model.features()];
    SentenceFeatures.fillCheap(ta, tb, lcs, x);
    if (embedded) {
      SentenceFeatures.fillCosine(ea, eb, x);
    }
    int stems = ta.stemTerms.common(tb.stemTerms);
    if (!edited
        && SentenceFeatures.maxProbability(model, ta, tb, stems, x) < model.threshold() - BOUND_MARGIN) {
      return new Judgement(Kind.NONE, 0.0);
    }
    boolean agree = SentenceChecks.agree(ta, tb);
    if (!edited && !agree) {
      return new Judgement(Kind.NONE, 0.0);
    }
    SentenceFeatures.fillRest(ta, tb, stems, x);
    return decide(model, model.probability(x), edited, agree);
  }

  /** Rounding room between the bound of the probability and the threshold. */
  private static final double BOUND_MARGIN = 1e-9;

  /** The judgement of two read sentences that are not verbatim. */
  Judgement classify(SentenceTokens ta, SentenceTokens tb, float[] ea, float[] eb) {
    return classify(ta, tb, ea, eb, edited(ta, tb), SentenceChecks.agree(ta, tb));
  }

  private Judgement classify(
      SentenceTokens ta, SentenceTokens tb, float[] ea, float[] eb, boolean edited, boolean agree) {
    JudgeModel model;
    double[] x;
    if (ea != null && eb != null && embeddingModel != null) {
      model = embeddingModel;
      x = SentenceFeatures.withEmbeddings(ta, tb, ea, eb);
    } else {
      model = lexicalModel;
      x = SentenceFeatures.lexical(ta, tb);
    }
    return decide(model, model.probability(x), edited, agree);
  }

  private static Judgement decide(JudgeModel model, double p, boolean edited, boolean agree) {
    double score = agree ? p : Math.min(p, FAILED_CHECK_SCORE);
    if (edited) {
      return new Judgement(Kind.EDITED, score);
    }
    return new Judgement(agree && p >= model.threshold() ? Kind.PARAPHRASE : Kind.NONE, score);
  }

  /**
   * What disagrees between two sentences: any of {@code number}, {@code name}, {@code date},
   * {@code negation}, {@code direction} (see {@link SentenceChecks}); empty when they agree.
   */
  public static List<String> disagreements(String a, String b) {
    return SentenceChecks.failures(SentenceTokens.of(a), SentenceTokens.of(b));
  }

  static boolean verbatim(SentenceTokens a, SentenceTokens b) {
    return !a.surface.isEmpty() && a.surface.equals(b.surface);
  }

  /** The edited test of the class comment, on the surface words. */
  static boolean edited(SentenceTokens a, SentenceTokens b) {
    return edited(a, b, -1);
  }

  /** The edited test, with the LCS of the surface words if known ({@code lcs}, else -1). */
  private static boolean edited(SentenceTokens a, SentenceTokens b, int lcs) {
    int la = a.surface.size();
    int lb = b.surface.size();
    int shorter = Math.min(la, lb);
    int longer = Math.max(la, lb);
    if (shorter == 0 || shorter < EDIT_MIN_SHARED_LONGER * longer) {
      return false;
    }
    if (lcs < 0) {
      lcs = Terms.lcs(a.surfaceTerms, b.surfaceTerms);
    }
    return lcs >= EDIT_MIN_SHARED * shorter
        && lcs >= EDIT_MIN_SHARED_LONGER * longer
        && la - lcs <= EDIT_MAX_CHANGED
        && lb - lcs <= EDIT_MAX_CHANGED;
  }
}
