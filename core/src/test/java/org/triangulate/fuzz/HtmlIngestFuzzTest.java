package org.triangulate.fuzz;

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
    Fuzzing.checkDocument(
        bytes,
        "x.html",
        true,
        "an HTML file",
        false,
        a -> {
          Invariants.check(a.format().equals("html"), "an HTML file's article has format %s", a.format());
        });
  }
}
