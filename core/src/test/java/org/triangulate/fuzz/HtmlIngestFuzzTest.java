package org.triangulate.fuzz;

import java.util.Map;
import java.util.Optional;
import org.triangulate.ingest.Decoding;
import org.triangulate.ingest.IngestResult;
import org.triangulate.ingest.RejectedInputException;
import org.triangulate.model.Article;

/**
 * Fuzzes the HTML reader with its decoding: {@code Ingester.ingest(source, "x.html", bytes)}, that
 * is the meta-charset sniffing, jsoup, the article finder, the pruner and the cleaner on the blocks.
 *
 * <p>Beyond {@link Invariants}: one article or at least one error, never neither; rejected bytes
 * give no article; every removal and repair offset lies inside the decoded markup.
 */
class HtmlIngestFuzzTest {

  @BoundedFuzzTest
  void htmlFile(byte[] bytes) {
    IngestResult result = Fuzzing.INGESTER.ingest(Fuzzing.SOURCE, "x.html", bytes);
    Invariants.check(result.articles().size() <= 1, "an HTML file gave %s articles", result.articles().size());
    Invariants.check(
        !result.articles().isEmpty() || result.rejected() > 0,
        "an HTML file gave neither an article nor an error: %s",
        result.problems());
    Decoding.Decoded decoded;
    try {
      decoded = Decoding.decode(Fuzzing.SOURCE, 0, bytes, Optional.empty(), true);
    } catch (RejectedInputException e) {
      Invariants.check(
          result.articles().isEmpty(), "rejected bytes (%s) gave an article", e.problem().message());
      Invariants.check(Fuzzing.SOURCE, result, Map.of());
      return;
    }
    for (Article a : result.articles()) {
      Invariants.check(a.format().equals("html"), "an HTML file's article has format %s", a.format());
    }
    Invariants.check(
        Fuzzing.SOURCE, result, Map.of("file", new Invariants.Original(decoded.text(), false)));
  }
}
