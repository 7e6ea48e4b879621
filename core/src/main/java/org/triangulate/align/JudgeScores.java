package org.triangulate.align;

/**
 * The confusion counts of a paraphrase judge against gold labels (positive: a link of any kind),
 * with accuracy, precision, recall and F1 of the positive class.
 */
public record JudgeScores(int truePositives, int falsePositives, int falseNegatives, int trueNegatives) {

  /** Adds one judged pair. */
  public JudgeScores plus(boolean predicted, boolean gold) {
    return new JudgeScores(
        truePositives + (predicted && gold ? 1 : 0),
        falsePositives + (predicted && !gold ? 1 : 0),
        falseNegatives + (!predicted && gold ? 1 : 0),
        trueNegatives + (!predicted && !gold ? 1 : 0));
  }

  public static JudgeScores empty() {
    return new JudgeScores(0, 0, 0, 0);
  }

  public int pairs() {
    return truePositives + falsePositives + falseNegatives + trueNegatives;
  }

  public double accuracy() {
    int n = pairs();
    return n == 0 ? 0 : (double) (truePositives + trueNegatives) / n;
  }

  public double precision() {
    int p = truePositives + falsePositives;
    return p == 0 ? 0 : (double) truePositives / p;
  }

  public double recall() {
    int g = truePositives + falseNegatives;
    return g == 0 ? 0 : (double) truePositives / g;
  }

  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
}
