package org.triangulate.align.nn;

import java.util.Locale;
import java.util.Random;
import org.triangulate.align.Embedder;

/** Unit vectors for the tests: random, at a given cosine to another, and a bag-of-words embedder. */
final class Vectors {

  private Vectors() {}

  static float[] random(Random random, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) random.nextGaussian();
    }
    return unit(v);
  }

  /** A unit vector at exactly {@code cosine} to the unit vector {@code a} (up to rounding). */
  static float[] at(Random random, float[] a, double cosine) {
    float[] r = random(random, a.length);
    double d = dot(r, a);
    float[] orth = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      orth[i] = (float) (r[i] - d * a[i]);
    }
    orth = unit(orth);
    double sin = Math.sqrt(1 - cosine * cosine);
    float[] out = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = (float) (cosine * a[i] + sin * orth[i]);
    }
    return unit(out);
  }

  static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return s;
  }

  static float[] unit(float[] v) {
    double s = 0;
    for (float x : v) {
      s += (double) x * x;
    }
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] / Math.sqrt(s));
    }
    return out;
  }

  /**
   * A stand-in for a sentence embedding: the sum of one seeded random vector per lower-cased word,
   * made unit length. Sentences that share most of their words are close; it knows no synonyms.
   * Counts what it is asked to embed.
   */
  static final class BagOfWords implements Embedder {
    int calls;
    int embedded;

    @Override
    public java.util.List<float[]> embed(java.util.List<String> sentences) {
      calls++;
      embedded += sentences.size();
      java.util.List<float[]> out = new java.util.ArrayList<>();
      for (String s : sentences) {
        float[] sum = new float[dimensions()];
        for (String w : s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
          if (!w.isEmpty()) {
            float[] v = random(new Random(w.hashCode()), dimensions());
            for (int i = 0; i < sum.length; i++) {
              sum[i] += v[i];
            }
          }
        }
        out.add(unit(sum));
      }
      return out;
    }

    @Override
    public int dimensions() {
      return 256;
    }
  }
}
