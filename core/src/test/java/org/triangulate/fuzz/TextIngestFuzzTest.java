package org.triangulate.fuzz;

import java.util.Map;
import java.util.Optional;
import org.triangulate.ingest.Decoding;
import org.triangulate.ingest.IngestResult;
import org.triangulate.ingest.RejectedInputException;
import org.triangulate.model.Article;

/**
 * Fuzzes the plain-text reader with its decoding: {@code Ingester.ingest(source, "x.txt", bytes)}.
 *
 * <p>Beyond "nothing escapes" ({@link Invariants}): the input gives one article or at least one
 * error, never neither; bytes {@link Decoding} rejects give no article; and the article accounts for
 * every character of the decoded text (each removal quotes it at its offset).
 */
class TextIngestFuzzTest {

  @BoundedFuzzTest
  void textFile(byte[] bytes) {
    IngestResult result = Fuzzing.INGESTER.ingest(Fuzzing.SOURCE, "x.txt", bytes);
    Invariants.check(result.articles().size() <= 1, "a text file gave %s articles", result.articles().size());
    Invariants.check(
        !result.articles().isEmpty() || result.rejected() > 0,
        "a text file gave neither an article nor an error: %s",
        result.problems());
    Decoding.Decoded decoded;
    try {
      decoded = Decoding.decode(Fuzzing.SOURCE, 0, bytes, Optional.empty(), false);
    } catch (RejectedInputException e) {
      Invariants.check(
          result.articles().isEmpty(), "rejected bytes (%s) gave an article", e.problem().message());
      Invariants.check(Fuzzing.SOURCE, result, Map.of());
      return;
    }
    for (Article a : result.articles()) {
      Invariants.check(a.location().isEmpty(), "a text file's article has a location: %s", a.location());
      Invariants.check(a.id().equals("x"), "a text file's article is not named for the file: %s", a.id());
    }
    Invariants.check(
        Fuzzing.SOURCE, result, Map.of("file", new Invariants.Original(decoded.text(), true)));
  }
}
