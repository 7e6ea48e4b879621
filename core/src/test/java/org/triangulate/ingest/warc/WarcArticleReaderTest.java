package org.triangulate.ingest.warc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.netpreserve.jwarc.WarcCompression;
import org.triangulate.ingest.RawDocument;
import org.triangulate.model.Problem;

class WarcArticleReaderTest {

  private static final int ROUNDS = Integer.getInteger("triangulate.test.rounds", 300);

  private static final WarcFixture.Built PLAIN = WarcFixture.build(WarcCompression.NONE);
  private static final WarcFixture.Built GZIP = WarcFixture.build(WarcCompression.GZIP);

  /** What one read gave. */
  private record Result(List<RawDocument> docs, List<Problem> problems) {
    List<String> ids() {
      return docs.stream().map(d -> d.idHint().orElseThrow()).toList();
    }

    List<Problem> errors() {
      return problems.stream().filter(Problem::rejected).toList();
    }
  }

  private static Result read(byte[] bytes, long max) {
    List<RawDocument> docs = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    new WarcArticleReader(max)
        .read("crawl.warc", new ByteArrayInputStream(bytes), docs::add, problems::add);
    return new Result(docs, problems);
  }

  private static Result read(byte[] bytes) {
    return read(bytes, 10_000_000);
  }

  private static RawDocument doc(Result r, String url) {
    return r.docs().stream()
        .filter(d -> d.metadata().url().orElse("").equals(url))
        .findFirst()
        .orElseThrow();
  }

  @ParameterizedTest
  @EnumSource(
      value = WarcCompression.class,
      names = {"NONE", "GZIP"})
  void takesHtmlResponsesAndSkipsEverythingElse(WarcCompression compression) {
    WarcFixture.Built warc = compression == WarcCompression.NONE ? PLAIN : GZIP;
    Result r = read(warc.bytes());
    assertThat(r.ids()).containsExactlyElementsOf(warc.articleIds()).hasSize(5);
    assertThat(r.docs())
        .allSatisfy(
            d -> {
              assertThat(d.html()).isTrue();
              assertThat(d.format()).isEqualTo("warc");
              assertThat(d.source()).isEqualTo("crawl.warc");
              assertThat(d.metadata().published()).isEmpty();
              assertThat(d.content()).contains("Hama");
            });
    assertThat(r.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("HTTP 404"));
  }

  @ParameterizedTest
  @EnumSource(
      value = WarcCompression.class,
      names = {"NONE", "GZIP"})
  void locatesEachDocumentAtItsRecordsOffset(WarcCompression compression) {
    WarcFixture.Built warc = compression == WarcCompression.NONE ? PLAIN : GZIP;
    Result r = read(warc.bytes());
    for (RawDocument d : r.docs()) {
      long offset = Long.parseLong(d.location().orElseThrow().substring("byte ".length()));
      assertThat(warc.starts()).contains(offset);
    }
    assertThat(r.docs().get(0).location()).contains("byte " + warc.starts().get(2));
  }

  @Test
  void takesRecordIdWithoutBracketsAndTargetUri() {
    RawDocument d = read(PLAIN.bytes()).docs().get(0);
    assertThat(d.idHint()).contains("urn:uuid:00000000-0000-4000-8000-000000000003");
    assertThat(d.metadata().url()).contains("https://www.example.com/hama-insurgents");
  }

  @Test
  void decodesTheCharsetTheHttpHeaderNames() {
    RawDocument d = doc(read(PLAIN.bytes()), "https://www.example.com/hama-insurgents");
    assertThat(d.content())
        .contains("Bashar al-Assad’s control")
        .contains("“This victory will be vengeanceless");
  }

  @Test
  void decodesChunkedTransferEncoding() {
    RawDocument d = doc(read(PLAIN.bytes()), "https://news.example.net/syria/hama-seized");
    assertThat(d.content())
        .startsWith("<!DOCTYPE html>")
        .endsWith("</html>\n")
        .doesNotContain("\r\n2bc\r\n");
    assertThat(d.content()).contains("Guterres called for a UN-backed political process");
  }

  @Test
  void decodesGzipContentEncoding() {
    RawDocument d = doc(read(PLAIN.bytes()), "https://monitor.example.org/20241205-hama/");
    assertThat(d.content()).startsWith("<!DOCTYPE html>").contains("Sawaaeq and Zahiriyeh");
  }

  @Test
  void sniffsHtmlWhenTheResponseHasNoContentType() {
    RawDocument d = doc(read(PLAIN.bytes()), "https://www.example.ae/news/hama");
    assertThat(d.content()).contains("Hayat Tahrir al-Sham, the most powerful insurgent group");
  }

  @Test
  void takesHtmlResourceRecords() {
    RawDocument d = doc(read(PLAIN.bytes()), "https://mayadeen.example/hama");
    assertThat(d.content()).contains("Alameen Templeton");
  }

  @Test
  void reportsHttpErrorsAsWarnings() {
    Problem p = read(PLAIN.bytes()).problems().get(0);
    long at = PLAIN.starts().get(5);
    assertThat(p.rejected()).isFalse();
    assertThat(p.location()).isEqualTo("byte " + at);
    assertThat(p.message())
        .isEqualTo(
            "record at byte " + at + ": HTTP 404 for https://www.example.com/missing, skipped");
  }

  @Test
  void reportsOversizeRecordsAndGoesOn() {
    Result r = read(PLAIN.bytes(), 5000);
    assertThat(r.errors())
        .isNotEmpty()
        .allSatisfy(p -> assertThat(p.message()).contains("over the limit of 5,000 bytes"));
    assertThat(r.docs()).isNotEmpty();
    assertThat(r.docs().size() + r.errors().size()).isEqualTo(5);
  }

  @Test
  void reportsAPageInAnEncodingItCannotDecodeAndGoesOn() throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    var writer = new org.netpreserve.jwarc.WarcWriter(java.nio.channels.Channels.newChannel(out));
    byte[] br = {0x1b, 0x2c, 0x00, (byte) 0xf8, 0x25, 0x00, 0x0c};
    byte[] head =
        ("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: br\r\nContent-Length: "
                + br.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    byte[] http = Arrays.copyOf(head, head.length + br.length);
    System.arraycopy(br, 0, http, head.length, br.length);
    writer.write(
        new org.netpreserve.jwarc.WarcResponse.Builder("https://example.org/br")
            .body(org.netpreserve.jwarc.MediaType.HTTP_RESPONSE, http)
            .build());
    out.write(PLAIN.bytes());
    Result r = read(out.toByteArray());
    assertThat(r.errors())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.location()).isEqualTo("byte 0");
              assertThat(p.message())
                  .contains("https://example.org/br")
                  .contains("compressed as \"br\"");
            });
    assertThat(r.ids()).containsExactlyElementsOf(PLAIN.articleIds());
  }

  @Test
  void reportsGarbageBetweenRecordsAndKeepsWhatCameBefore() {
    int cut = PLAIN.starts().get(4).intValue();
    byte[] junk = "this is not a WARC record\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    byte[] bytes = new byte[PLAIN.bytes().length + junk.length];
    System.arraycopy(PLAIN.bytes(), 0, bytes, 0, cut);
    System.arraycopy(junk, 0, bytes, cut, junk.length);
    System.arraycopy(PLAIN.bytes(), cut, bytes, cut + junk.length, PLAIN.bytes().length - cut);
    Result r = read(bytes);
    assertThat(r.ids()).containsExactlyElementsOf(PLAIN.articleIds().subList(0, 2));
    assertThat(r.errors())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.location()).isEqualTo("byte " + cut);
              assertThat(p.message())
                  .startsWith("cannot read the WARC record at byte " + cut + ": ")
                  .contains("4 records before it were read");
            });
  }

  @Test
  void reportsAFileThatIsNotAWarc() {
    Result r = read("<html><body><p>Hama</p></body></html>".getBytes(StandardCharsets.UTF_8));
    assertThat(r.docs()).isEmpty();
    assertThat(r.errors())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.location()).isEqualTo("byte 0");
              assertThat(p.message()).startsWith("not a WARC file: ");
            });
  }

  @Test
  void readsNothingFromAnEmptyStream() {
    Result r = read(new byte[0]);
    assertThat(r.docs()).isEmpty();
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void survivesTruncationAtEveryByte() {
    byte[] full = PLAIN.bytes();
    List<String> all = PLAIN.articleIds();
    for (int cut = 1; cut < full.length; cut++) {
      Result r;
      try {
        r = read(Arrays.copyOf(full, cut));
      } catch (RuntimeException e) {
        throw new AssertionError("an exception escaped at cut " + cut, e);
      }
      assertPrefix(all, r.ids(), "cut " + cut);
      if (!PLAIN.boundary(cut)) {
        long record = PLAIN.recordAt(cut);
        assertThat(r.problems())
            .as("cut %d", cut)
            .anySatisfy(p -> assertThat(p.location()).isEqualTo("byte " + record));
      } else {
        assertThat(r.errors()).as("cut %d", cut).isEmpty();
      }
      int complete = 0;
      for (int i = 0; i < PLAIN.starts().size(); i++) {
        long end = i + 1 < PLAIN.starts().size() ? PLAIN.starts().get(i + 1) : full.length;
        if (end <= cut) {
          complete = i + 1;
        }
      }
      long articlesComplete = articlesAmong(complete);
      assertThat((long) r.docs().size()).as("cut %d", cut).isGreaterThanOrEqualTo(articlesComplete);
    }
  }

  private static void assertPrefix(List<String> all, List<String> got, String where) {
    assertThat(got.size()).as(where).isLessThanOrEqualTo(all.size());
    assertThat(got).as(where).isEqualTo(all.subList(0, got.size()));
  }

  /** How many of the first {@code records} records of the fixture are articles. */
  private static long articlesAmong(int records) {
    boolean[] article = {false, false, true, true, true, false, false, true, false, true};
    long n = 0;
    for (int i = 0; i < records; i++) {
      n += article[i] ? 1 : 0;
    }
    return n;
  }

  @Test
  void survivesTruncationOfGzipAtRandomPositions() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    byte[] full = GZIP.bytes();
    List<String> all = GZIP.articleIds();
    for (int round = 0; round < 400; round++) {
      int cut = 1 + random.nextInt(full.length - 1);
      try {
        Result r = read(Arrays.copyOf(full, cut));
        assertPrefix(all, r.ids(), "cut " + cut);
        if (!GZIP.boundary(cut)) {
          long record = GZIP.recordAt(cut);
          assertThat(r.errors())
              .anySatisfy(p -> assertThat(p.location()).isEqualTo("byte " + record));
        } else {
          assertThat(r.errors()).isEmpty();
        }
      } catch (RuntimeException | AssertionError e) {
        fail("seed " + seed + ", cut " + cut, e);
      }
    }
  }

  @Test
  void neverThrowsOrHangsOnCorruptedBytes() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    Assertions.assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          for (int round = 0; round < ROUNDS; round++) {
            byte[] bytes = (round % 2 == 0 ? PLAIN : GZIP).bytes().clone();
            for (int flips = 1 + random.nextInt(8); flips > 0; flips--) {
              bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            try {
              Result r = read(bytes);
              assertThat(r.ids()).doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(5);
            } catch (RuntimeException | AssertionError e) {
              fail("seed " + seed + ", round " + round, e);
            }
          }
        },
        () -> "seed " + seed);
  }
}
