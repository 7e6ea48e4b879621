package org.triangulate.fuzz;

import java.util.Set;
import org.triangulate.ingest.IngestOptions;
import org.triangulate.ingest.Ingester;
import org.triangulate.ingest.LanguageDetector;
import org.triangulate.ingest.WordList;

/**
 * What the fuzz tests share: one ingester with the default limits, no language model, and a small
 * word list so that the glued-word splitter has something to split. Each fuzz test is a {@link
 * BoundedFuzzTest}, whose time is bounded.
 */
final class Fuzzing {

  static final String SOURCE = "fuzz/input";

  static final WordList WORDS =
      WordList.of(
          Set.of(
              "the", "a", "of", "to", "in", "and", "on", "for", "with", "when", "city", "war",
              "massacre", "rebels", "forces", "government", "news", "said", "army", "people",
              "control", "report", "reported", "after", "before", "days", "fighting"));

  static final Ingester INGESTER =
      new Ingester(new IngestOptions(IngestOptions.DEFAULT_MAX_BYTES, LanguageDetector.none(), WORDS));

  private Fuzzing() {}

  /**
   * The checks every single-document reader keeps: {@code bytes} read as the file {@code name}
   * give one article or at least one error, never neither; bytes {@link
   * org.triangulate.ingest.Decoding} rejects give no article; {@code each} holds for the article;
   * and {@link Invariants} hold against the decoded text ({@code accountsForAll}: every character of
   * it is accounted for, as for plain text).
   */
  static void checkDocument(
      byte[] bytes,
      String name,
      boolean html,
      String what,
      boolean accountsForAll,
      java.util.function.Consumer<org.triangulate.model.Article> each) {
    org.triangulate.ingest.IngestResult result = INGESTER.ingest(SOURCE, name, bytes);
    Invariants.check(result.articles().size() <= 1, "%s gave %s articles", what, result.articles().size());
    Invariants.check(
        !result.articles().isEmpty() || result.rejected() > 0,
        "%s gave neither an article nor an error: %s",
        what,
        result.problems());
    org.triangulate.ingest.Decoding.Decoded decoded;
    try {
      decoded = org.triangulate.ingest.Decoding.decode(SOURCE, 0, bytes, java.util.Optional.empty(), html);
    } catch (org.triangulate.ingest.RejectedInputException e) {
      Invariants.check(
          result.articles().isEmpty(), "rejected bytes (%s) gave an article", e.problem().message());
      Invariants.check(SOURCE, result, java.util.Map.of());
      return;
    }
    result.articles().forEach(each);
    Invariants.check(
        SOURCE,
        result,
        java.util.Map.of("file", new Invariants.Original(decoded.text(), accountsForAll)));
  }
}
