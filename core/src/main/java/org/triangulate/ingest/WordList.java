package org.triangulate.ingest;

import java.util.Locale;
import java.util.Set;

/**
 * The words of a language, used by cleaning to split words that copy-paste glued together
 * ("massacrewhen") only where both halves are known words. Implementations are thread-safe.
 */
@FunctionalInterface
public interface WordList {

  /** Whether {@code word} (any case) is a word of the language. */
  boolean contains(String word);

  /** A list that knows no word: cleaning then never splits glued words. */
  static WordList empty() {
    return word -> false;
  }

  /** A fixed list, compared in lower case; for tests and small custom lists. */
  static WordList of(Set<String> words) {
    Set<String> lower =
        words.stream()
            .map(w -> w.toLowerCase(Locale.ROOT))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    return word -> lower.contains(word.toLowerCase(Locale.ROOT));
  }
}
