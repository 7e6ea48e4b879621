package org.triangulate.fuzz;

/**
 * Fuzzes the plain-text reader with its decoding: {@code Ingester.ingest(source, "x.txt", bytes)}.
 *
 * <p>Beyond "nothing escapes" ({@link Invariants}): the input gives one article or at least one
 * error, never neither; bytes {@link org.triangulate.ingest.Decoding} rejects give no article; and the article accounts for
 * every character of the decoded text (each removal quotes it at its offset).
 */
class TextIngestFuzzTest {

  @BoundedFuzzTest
  void textFile(byte[] bytes) {
    Fuzzing.checkDocument(
        bytes,
        "x.txt",
        false,
        "a text file",
        true,
        a -> {
          Invariants.check(a.location().isEmpty(), "a text file's article has a location: %s", a.location());
          Invariants.check(a.id().equals("x"), "a text file's article is not named for the file: %s", a.id());
        });
  }
}
