package org.triangulate.align;

import java.util.List;

/**
 * Sentence embeddings. Core declares it; the {@code nlp} module implements it in-process (no
 * network). Implementations load their model once per JVM and are safe to share between threads.
 */
public interface Embedder {

  /** One unit-length vector per sentence, in order. */
  List<float[]> embed(List<String> sentences);

  /** The length of every vector. */
  int dimensions();

  /**
   * What the vectors depend on: the model and the code around it. Kept vectors are keyed by it (see
   * {@link org.triangulate.pipeline.Records}). The default is the class's name and its jar's
   * version.
   */
  default String version() {
    return org.triangulate.annotate.Versions.of(getClass());
  }
}
