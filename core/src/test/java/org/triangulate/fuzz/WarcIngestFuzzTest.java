package org.triangulate.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.triangulate.ingest.IngestOptions;
import org.triangulate.ingest.IngestResult;
import org.triangulate.ingest.RawDocument;
import org.triangulate.ingest.warc.WarcArticleReader;
import org.triangulate.model.Article;
import org.triangulate.model.Problem;

/**
 * Fuzzes the WARC reader ({@link WarcArticleReader}, on jwarc) through the ingester, name {@code
 * x.warc}.
 *
 * <ul>
 *   <li>{@link #warcFile}: the fuzzer's bytes as they come (jwarc also takes them for gzip when they
 *       start like it);
 *   <li>{@link #warcRecord}: the fuzzer's bytes as the HTTP message of one well-formed {@code
 *       response} record, so that the HTTP parsing, the content types, the transfer and content
 *       encodings and the HTML behind them are fuzzed rather than the WARC header.
 * </ul>
 *
 * <p>Beyond {@link Invariants}: the reader read alone gives documents only at byte offsets inside
 * the input, each document names the source; every article stands at the location of one of them,
 * with its removals inside that document's markup; every problem stands at a byte inside the input
 * (or at the whole file).
 */
class WarcIngestFuzzTest {

  @BoundedFuzzTest
  void warcFile(byte[] bytes) {
    check(bytes);
  }

  @BoundedFuzzTest
  void warcRecord(byte[] http) {
    check(record(http));
  }

  private static void check(byte[] bytes) {
    List<RawDocument> docs = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    new WarcArticleReader(IngestOptions.DEFAULT_MAX_BYTES)
        .read(Fuzzing.SOURCE, new java.io.ByteArrayInputStream(bytes), docs::add, problems::add);
    for (RawDocument d : docs) {
      Invariants.check(d.source().equals(Fuzzing.SOURCE), "document names another source: %s", d.source());
      Invariants.check(d.location().isPresent(), "a WARC document without a location");
      Invariants.check(byteWithin(d.location().get(), bytes.length), "document at %s of %s bytes",
          d.location().get(), bytes.length);
    }
    for (Problem p : problems) {
      Invariants.check(p.source().equals(Fuzzing.SOURCE), "problem names another source: %s", p);
    }
    IngestResult result = Fuzzing.INGESTER.ingest(Fuzzing.SOURCE, "x.warc", bytes);
    Map<String, Invariants.Original> originals = Invariants.byLocation(docs);
    for (Article a : result.articles()) {
      Invariants.check(originals.containsKey(Invariants.key(a)),
          "article %s at %s matches no document the reader gives", a.id(), Invariants.key(a));
    }
    for (Problem p : result.problems()) {
      Invariants.check(p.location().equals("file") || byteWithin(p.location(), bytes.length),
          "problem at %s, outside the %s bytes: %s", p.location(), bytes.length, p);
    }
    Invariants.check(Fuzzing.SOURCE, result, originals);
  }

  private static boolean byteWithin(String where, long length) {
    if (!where.startsWith("byte ")) {
      return false;
    }
    long n = Long.parseLong(where.substring(5));
    return n >= 0 && n <= length;
  }

  /** One WARC/1.1 response record whose HTTP message is {@code http}. */
  static byte[] record(byte[] http) {
    String header =
        "WARC/1.1\r\n"
            + "WARC-Type: response\r\n"
            + "WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000001>\r\n"
            + "WARC-Date: 2024-12-05T20:00:00Z\r\n"
            + "WARC-Target-URI: https://news.example/2024/12/05/hama.html\r\n"
            + "Content-Type: application/http;msgtype=response\r\n"
            + "Content-Length: " + http.length + "\r\n"
            + "\r\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(http);
    out.writeBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }
}
