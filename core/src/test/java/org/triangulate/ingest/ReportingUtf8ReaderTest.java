package org.triangulate.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReportingUtf8ReaderTest {

  private static final String LINES =
      "{\"id\": \"a\", \"text\": \"Syria\u2019s army \u2014 \u201Credeployed\u201D\"}\n"
          + "{\"id\": \"b\", \"text\": \"\u062D\u0645\u0627\u0629 \uD83D\uDE00 caf\u00E9\"}\n";

  @Test
  void readsValidUtf8ExactlyWhateverTheChunking() throws IOException {
    String big = LINES.repeat(5000);
    long seed = new Random().nextLong();
    Random r = new Random(seed);
    for (int trial = 0; trial < 5; trial++) {
      ReportingUtf8Reader in =
          new ReportingUtf8Reader(chunked(big.getBytes(StandardCharsets.UTF_8), r), "t.jsonl");
      assertThat(readAll(in)).as("seed %d", seed).isEqualTo(big);
      assertThat(in.warnings()).isEmpty();
    }
  }

  @Test
  void replacesInvalidBytesAndNamesLineAndByte() throws IOException {
    byte[] good = LINES.getBytes(StandardCharsets.UTF_8);
    byte[] bad = new byte[good.length * 2];
    System.arraycopy(good, 0, bad, 0, good.length);
    System.arraycopy(good, 0, bad, good.length, good.length);
    int at = good.length + 2; // an ASCII byte in line 3
    bad[at] = (byte) 0xFF;
    ReportingUtf8Reader in = new ReportingUtf8Reader(new ByteArrayInputStream(bad), "t.jsonl");
    String text = readAll(in);
    assertThat(text).contains("\uFFFD");
    assertThat(text.lines()).hasSize(4);
    long line = text.substring(0, text.indexOf('\uFFFD')).chars().filter(c -> c == '\n').count() + 1;
    assertThat(in.warnings())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.location()).isEqualTo("line " + line);
              assertThat(p.message()).contains("at byte " + at);
            });
  }

  @Test
  void replacesATruncatedSequenceAtTheEnd() throws IOException {
    byte[] b = "caf\u00E9".getBytes(StandardCharsets.UTF_8);
    byte[] cut = java.util.Arrays.copyOf(b, b.length - 1);
    ReportingUtf8Reader in = new ReportingUtf8Reader(new ByteArrayInputStream(cut), "t.jsonl");
    assertThat(readAll(in)).isEqualTo("caf\uFFFD");
    assertThat(in.warnings()).hasSize(1);
  }

  @Test
  void keepsAHundredWarningsThenCounts() throws IOException {
    byte[] b = new byte[300];
    for (int i = 0; i < b.length; i++) {
      b[i] = (i % 2 == 0) ? (byte) 0xFF : (byte) '\n';
    }
    ReportingUtf8Reader in = new ReportingUtf8Reader(new ByteArrayInputStream(b), "t.jsonl");
    readAll(in);
    assertThat(in.warnings()).hasSize(101);
    assertThat(in.warnings().get(100).message()).startsWith("50 more invalid");
  }

  private static String readAll(Reader in) throws IOException {
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[777];
    int n;
    while ((n = in.read(buf, 0, buf.length)) >= 0) {
      sb.append(buf, 0, n);
    }
    return sb.toString();
  }

  /** An input stream that hands out bytes in random small chunks, as a network or gzip stream does. */
  private static InputStream chunked(byte[] b, Random r) {
    return new FilterInputStream(new ByteArrayInputStream(b)) {
      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        return super.read(buf, off, Math.min(len, 1 + r.nextInt(7)));
      }
    };
  }

}
