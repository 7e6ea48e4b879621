package org.triangulate.align;

import java.util.Arrays;
import java.util.Locale;

/**
 * A logistic regression over standardised features: {@code p = 1 / (1 + exp(-(bias + sum w_i (x_i
 * - mean_i) / scale_i)))}, with the decision threshold on {@code p}. Trained by Newton's method
 * (iteratively reweighted least squares) with an L2 penalty on the weights, which is deterministic:
 * the same data give the same model.
 */
record JudgeModel(double[] mean, double[] scale, double[] weights, double bias, double threshold) {

  JudgeModel {
    if (mean.length != scale.length || mean.length != weights.length) {
      throw new IllegalArgumentException("mean, scale and weights differ in length");
    }
    mean = mean.clone();
    scale = scale.clone();
    weights = weights.clone();
  }

  @Override
  public double[] mean() {
    return mean.clone();
  }

  @Override
  public double[] scale() {
    return scale.clone();
  }

  @Override
  public double[] weights() {
    return weights.clone();
  }

  int features() {
    return weights.length;
  }

  /** What feature {@code k} at value {@code x} adds to the linear score (the logit). */
  double term(int k, double x) {
    return weights[k] * (x - mean[k]) / scale[k];
  }

  /** The probability-like score of a feature vector. */
  double probability(double[] x) {
    if (x.length != weights.length) {
      throw new IllegalArgumentException("expected " + weights.length + " features, got " + x.length);
    }
    double z = bias;
    for (int i = 0; i < x.length; i++) {
      z += weights[i] * (x[i] - mean[i]) / scale[i];
    }
    return 1 / (1 + Math.exp(-z));
  }

  JudgeModel withThreshold(double t) {
    return new JudgeModel(mean, scale, weights, bias, t);
  }

  /**
   * Fits the regression to {@code x} (one row per pair) and {@code y}, with penalty {@code lambda}
   * on the sum of squared weights (the bias is not penalised). The threshold is left at 0.5.
   */
  static JudgeModel fit(double[][] x, boolean[] y, double lambda) {
    double[] penalties = new double[x[0].length];
    Arrays.fill(penalties, lambda);
    return fit(x, y, penalties);
  }

  /** Fits the regression with a penalty per weight. */
  static JudgeModel fit(double[][] x, boolean[] y, double[] lambda) {
    int n = x.length;
    int d = x[0].length;
    double[] mean = new double[d];
    double[] scale = new double[d];
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        mean[j] += row[j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= n;
    }
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        double v = row[j] - mean[j];
        scale[j] += v * v;
      }
    }
    for (int j = 0; j < d; j++) {
      scale[j] = Math.sqrt(scale[j] / n);
      if (scale[j] < 1e-9) {
        scale[j] = 1;
      }
    }
    double[][] z = new double[n][d + 1];
    for (int i = 0; i < n; i++) {
      z[i][0] = 1;
      for (int j = 0; j < d; j++) {
        z[i][j + 1] = (x[i][j] - mean[j]) / scale[j];
      }
    }
    double[] beta = new double[d + 1];
    for (int iter = 0; iter < 50; iter++) {
      double[] grad = new double[d + 1];
      double[][] hess = new double[d + 1][d + 1];
      for (int i = 0; i < n; i++) {
        double eta = 0;
        for (int j = 0; j <= d; j++) {
          eta += beta[j] * z[i][j];
        }
        double p = 1 / (1 + Math.exp(-eta));
        double r = (y[i] ? 1 : 0) - p;
        double w = Math.max(p * (1 - p), 1e-10);
        for (int j = 0; j <= d; j++) {
          grad[j] += r * z[i][j];
          double wz = w * z[i][j];
          for (int k = 0; k <= j; k++) {
            hess[j][k] += wz * z[i][k];
          }
        }
      }
      for (int j = 0; j <= d; j++) {
        for (int k = 0; k < j; k++) {
          hess[k][j] = hess[j][k];
        }
      }
      for (int j = 1; j <= d; j++) {
        grad[j] -= lambda[j - 1] * beta[j];
        hess[j][j] += lambda[j - 1];
      }
      double[] step = solve(hess, grad);
      double change = 0;
      for (int j = 0; j <= d; j++) {
        beta[j] += step[j];
        change = Math.max(change, Math.abs(step[j]));
      }
      if (change < 1e-8) {
        break;
      }
    }
    return new JudgeModel(mean, scale, Arrays.copyOfRange(beta, 1, d + 1), beta[0], 0.5);
  }

  /** Solves {@code a x = b} for a symmetric positive definite {@code a} (Cholesky). */
  private static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = a[i][j];
        for (int k = 0; k < j; k++) {
          s -= l[i][k] * l[j][k];
        }
        if (i == j) {
          l[i][i] = Math.sqrt(Math.max(s, 1e-12));
        } else {
          l[i][j] = s / l[j][j];
        }
      }
    }
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double s = b[i];
      for (int k = 0; k < i; k++) {
        s -= l[i][k] * y[k];
      }
      y[i] = s / l[i][i];
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = y[i];
      for (int k = i + 1; k < n; k++) {
        s -= l[k][i] * x[k];
      }
      x[i] = s / l[i][i];
    }
    return x;
  }

  /** The model as Java source, for {@link JudgeWeights}. */
  String toJava(String name) {
    StringBuilder sb = new StringBuilder();
    sb.append("  static final JudgeModel ").append(name).append(" =\n      new JudgeModel(\n");
    sb.append("          ").append(array(mean)).append(",\n");
    sb.append("          ").append(array(scale)).append(",\n");
    sb.append("          ").append(array(weights)).append(",\n");
    sb.append("          ").append(String.format(Locale.ROOT, "%.17g", bias)).append(",\n");
    sb.append("          ").append(String.format(Locale.ROOT, "%.17g", threshold)).append(");\n");
    return sb.toString();
  }

  private static String array(double[] v) {
    StringBuilder sb = new StringBuilder("new double[] {");
    for (int i = 0; i < v.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(String.format(Locale.ROOT, "%.17g", v[i]));
    }
    return sb.append('}').toString();
  }
}
