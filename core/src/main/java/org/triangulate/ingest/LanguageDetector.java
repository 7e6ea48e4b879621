package org.triangulate.ingest;

import java.util.Optional;

/**
 * Identifies the language of a text. Implementations are thread-safe, loaded once per JVM and
 * shared; the {@code nlp} module provides the real one.
 */
@FunctionalInterface
public interface LanguageDetector {

  /**
   * The language of {@code text} as an ISO 639-1 code (639-3 where the language has no 639-1
   * code), or empty when the text is too short or too mixed to tell.
   */
  Optional<String> detect(String text);

  /** A detector that never answers, for tests and for runs that do not want language labels. */
  static LanguageDetector none() {
    return text -> Optional.empty();
  }
}
