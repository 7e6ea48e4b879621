package org.triangulate.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.triangulate.align.Embedder;

/**
 * Sentence vectors from hashed lower-case words: cosine is word overlap, enough to tell sentences
 * about the same thing from others without loading a model in a core test.
 */
public final class WordEmbedder implements Embedder {
  @Override
  public List<float[]> embed(List<String> sentences) {
    List<float[]> out = new ArrayList<>();
    for (String s : sentences) {
      float[] v = new float[dimensions()];
      for (String w : s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
        if (w.length() > 2) {
          v[Math.floorMod(w.hashCode(), v.length)] += 1;
        }
      }
      double n = 0;
      for (float x : v) {
        n += x * x;
      }
      for (int i = 0; i < v.length; i++) {
        v[i] /= (float) Math.max(1e-9, Math.sqrt(n));
      }
      out.add(v);
    }
    return out;
  }

  @Override
  public int dimensions() {
    return 384;
  }
}
