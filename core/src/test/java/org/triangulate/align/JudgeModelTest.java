package org.triangulate.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class JudgeModelTest {

  @Test
  void fitsALogisticRegressionDeterministically() {
    Random random = new Random(1);
    int n = 2000;
    double[][] x = new double[n][];
    boolean[] y = new boolean[n];
    for (int i = 0; i < n; i++) {
      double a = random.nextGaussian();
      double b = random.nextGaussian() * 3 + 10;
      x[i] = new double[] {a, b, 5}; // the third feature is constant
      double z = 1.5 * a - 0.5 * (b - 10) / 3 + 0.3;
      y[i] = random.nextDouble() < 1 / (1 + Math.exp(-z));
    }
    JudgeModel m = JudgeModel.fit(x, y, 0.0);
    assertThat(m.weights()[0]).isCloseTo(1.5, within(0.2));
    assertThat(m.weights()[1]).isCloseTo(-0.5, within(0.2));
    assertThat(m.weights()[2]).isZero();
    assertThat(m.bias()).isCloseTo(0.3, within(0.2));
    assertThat(m.threshold()).isEqualTo(0.5);
    JudgeModel again = JudgeModel.fit(x, y, 0.0);
    assertThat(again.weights()).containsExactly(m.weights());
    JudgeModel penalised = JudgeModel.fit(x, y, 500.0);
    assertThat(Math.abs(penalised.weights()[0])).isLessThan(Math.abs(m.weights()[0]));
    double p = m.probability(new double[] {0, 10, 5});
    assertThat(p).isCloseTo(1 / (1 + Math.exp(-m.bias() - m.weights()[0] * (0 - m.mean()[0]) / m.scale()[0]
        - m.weights()[1] * (10 - m.mean()[1]) / m.scale()[1])), within(1e-12));
  }

  @Test
  void printsItselfAsJava() {
    JudgeModel m = new JudgeModel(new double[] {0.5}, new double[] {2}, new double[] {-1.25}, 0.75, 0.5);
    assertThat(m.toJava("X")).contains("static final JudgeModel X").contains("-1.2500000000000000").contains("0.75000000000000000");
  }

  @Test
  void theShippedModelsMatchTheFeatures() {
    assertThat(JudgeWeights.LEXICAL.features()).isEqualTo(SentenceFeatures.LEXICAL.size());
    assertThat(JudgeWeights.EMBEDDING.features()).isEqualTo(SentenceFeatures.EMBEDDING.size());
    assertThat(JudgeWeights.LEXICAL.threshold()).isBetween(SentenceJudge.FAILED_CHECK_SCORE, 1.0);
    assertThat(JudgeWeights.EMBEDDING.threshold()).isBetween(SentenceJudge.FAILED_CHECK_SCORE, 1.0);
  }
}
