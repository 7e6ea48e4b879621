package org.triangulate.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.triangulate.align.Embedder;

/**
 * Sentence vectors from hashed lower-case words, so that the per-story stages run without a model:
 * the cosine of two sentences is their word overlap.
 */
final class WordVectors implements Embedder {

  private static final int DIMENSIONS = 256;

  @Override
  public List<float[]> embed(List<String> sentences) {
    List<float[]> out = new ArrayList<>(sentences.size());
    for (String s : sentences) {
      float[] v = new float[DIMENSIONS];
      for (String w : s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
        if (w.length() > 2) {
          v[Math.floorMod(w.hashCode(), DIMENSIONS)] += 1;
        }
      }
      double norm = 0;
      for (float x : v) {
        norm += x * x;
      }
      float scale = (float) (1 / Math.max(1e-9, Math.sqrt(norm)));
      for (int i = 0; i < v.length; i++) {
        v[i] *= scale;
      }
      out.add(v);
    }
    return out;
  }

  @Override
  public int dimensions() {
    return DIMENSIONS;
  }
}
