package org.triangulate.ingest;

import java.util.Objects;

/**
 * How ingest reads its inputs.
 *
 * @param maxBytes the largest text or HTML file, JSONL record or WARC record taken, in bytes;
 *     larger ones are rejected with a problem
 * @param languages identifies each article's language
 * @param words the word list cleaning uses to split glued words
 */
public record IngestOptions(
    long maxBytes, LanguageDetector languages, WordList words, Outlets outlets) {

  /** The default size limit: 10 MB, far beyond any news article. */
  public static final long DEFAULT_MAX_BYTES = 10_000_000L;

  public IngestOptions {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be >= 1: " + maxBytes);
    }
    Objects.requireNonNull(languages, "languages");
    Objects.requireNonNull(words, "words");
    Objects.requireNonNull(outlets, "outlets");
  }

  /** No outlet rules. */
  public IngestOptions(long maxBytes, LanguageDetector languages, WordList words) {
    this(maxBytes, languages, words, Outlets.NONE);
  }

  /** The same options with outlet rules for articles that name no outlet. */
  public IngestOptions withOutlets(Outlets v) {
    return new IngestOptions(maxBytes, languages, words, v);
  }

  /** Default limits, no language detection, no word list: for tests. */
  public static IngestOptions basic() {
    return new IngestOptions(DEFAULT_MAX_BYTES, LanguageDetector.none(), WordList.empty());
  }

  public IngestOptions withMaxBytes(long v) {
    return new IngestOptions(v, languages, words, outlets);
  }
}
