package org.triangulate.fuzz;

import java.util.Map;
import java.util.Optional;
import org.triangulate.ingest.Decoding;
import org.triangulate.ingest.IngestResult;
import org.triangulate.ingest.RejectedInputException;

/**
 * Fuzzes the gzip paths: a compressed document ({@code x.txt.gz}, decompressed whole within the size
 * limit) and a compressed container ({@code x.jsonl.gz}, streamed with the compression-bomb check).
 * Each input is read under both names.
 *
 * <ul>
 *   <li>{@link #gzipAsIs}: the fuzzer's bytes as they come, so the gzip header, the deflate stream
 *       and the trailer are all fuzzed (mostly broken gzip);
 *   <li>{@link #gzipped}: the fuzzer's bytes gzip-compressed here, so the decompressor sees valid
 *       gzip of odd content and the readers behind it are fuzzed.
 * </ul>
 *
 * <p>Beyond {@link Invariants}: a {@code .txt.gz} gives one article or an error, never neither, and
 * none if its bytes do not decompress or decode; a {@code .jsonl.gz} gives articles only at lines of
 * what decompresses, each indexing into its record's text.
 */
class GzipIngestFuzzTest {

  @BoundedFuzzTest
  void gzipAsIs(byte[] bytes) {
    both(bytes);
  }

  @BoundedFuzzTest
  void gzipped(byte[] content) {
    byte[] bytes = Originals.gzip(content);
    Originals.Gunzipped g = Originals.gunzip(bytes);
    Invariants.check(g.complete(), "valid gzip did not decompress");
    both(bytes);
  }

  private static void both(byte[] bytes) {
    Originals.Gunzipped g = Originals.gunzip(bytes);
    textGz(bytes, g);
    jsonlGz(bytes, g);
  }

  private static void textGz(byte[] bytes, Originals.Gunzipped g) {
    IngestResult result = Fuzzing.INGESTER.ingest(Fuzzing.SOURCE, "x.txt.gz", bytes);
    Invariants.check(result.articles().size() <= 1, "a .txt.gz gave %s articles", result.articles().size());
    Invariants.check(
        !result.articles().isEmpty() || result.rejected() > 0,
        "a .txt.gz gave neither an article nor an error: %s",
        result.problems());
    if (!g.complete() || g.bytes().length == 0) {
      Invariants.check(result.articles().isEmpty(), "a .txt.gz that does not decompress gave an article");
      Invariants.check(Fuzzing.SOURCE, result, Map.of());
      return;
    }
    Decoding.Decoded decoded;
    try {
      decoded = Decoding.decode(Fuzzing.SOURCE, 0, g.bytes(), Optional.empty(), false);
    } catch (RejectedInputException e) {
      Invariants.check(result.articles().isEmpty(), "rejected content (%s) gave an article", e.problem().message());
      Invariants.check(Fuzzing.SOURCE, result, Map.of());
      return;
    }
    Invariants.check(
        Fuzzing.SOURCE, result, Map.of("file", new Invariants.Original(decoded.text(), true)));
  }

  private static void jsonlGz(byte[] bytes, Originals.Gunzipped g) {
    IngestResult result = Fuzzing.INGESTER.ingest(Fuzzing.SOURCE, "x.jsonl.gz", bytes);
    JsonlIngestFuzzTest.check(result, Originals.jsonl(g.bytes()), JsonlIngestFuzzTest.lines(g.bytes()));
  }
}
