package org.triangulate.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.triangulate.model.Problem;

/** A gzip bomb is one located problem, read no further than the limits; real gzip still reads. */
class BoundedGzipTest {

  @TempDir Path dir;

  private static byte[] gzip(byte[] chunk, long times) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
      for (long i = 0; i < times; i++) {
        gz.write(chunk);
      }
    }
    return out.toByteArray();
  }

  @Test
  void aTextBombStopsAtTheSizeLimit() throws IOException {
    byte[] bomb = gzip(new byte[1 << 20], 512); // 512 MB of zeros in about half a megabyte
    Path f = dir.resolve("zeros.txt.gz");
    Files.write(f, bomb);
    IngestResult r = new Ingester(IngestOptions.basic()).ingest(f, "zeros.txt.gz");
    assertThat(r.articles()).isEmpty();
    assertThat(r.problems()).singleElement().satisfies(p -> {
      assertThat(p.source()).isEqualTo("zeros.txt.gz");
      assertThat(p.severity()).isEqualTo(Problem.Severity.ERROR);
      assertThat(p.message()).contains("decompresses to more than 10,000,000 bytes");
    });
  }

  @Test
  void aJsonlBombStopsAtTheRatioAndKeepsTheRecordsBeforeIt() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
      gz.write(
          ("{\"id\":\"good\",\"text\":\"Rebels entered the city of Hama on Thursday, the army said."
                  + " Thousands of residents fled south towards Homs.\"}\n")
              .getBytes(StandardCharsets.UTF_8));
      byte[] spaces = new byte[1 << 20];
      java.util.Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < 300; i++) {
        gz.write(spaces);
      }
    }
    Path f = dir.resolve("news.jsonl.gz");
    Files.write(f, out.toByteArray());
    IngestResult r = new Ingester(IngestOptions.basic()).ingest(f, "news.jsonl.gz");
    assertThat(r.articles()).extracting(a -> a.id()).containsExactly("good");
    assertThat(r.problems()).anySatisfy(p -> assertThat(p.message()).contains("compression bomb"));
  }

  @Test
  void realCompressedTextReadsAsBefore() throws IOException {
    String text =
        Files.readString(Path.of("../examples/hama/002_cd28b6654e9fce99.txt"), StandardCharsets.UTF_8);
    Path f = dir.resolve("002.txt.gz");
    Files.write(f, gzip(text.getBytes(StandardCharsets.UTF_8), 1));
    IngestResult r = new Ingester(IngestOptions.basic()).ingest(f, "002.txt.gz");
    assertThat(r.problems()).isEmpty();
    assertThat(r.articles()).hasSize(1);
    Path plain = dir.resolve("002.txt");
    Files.writeString(plain, text);
    assertThat(r.articles().get(0).text())
        .isEqualTo(new Ingester(IngestOptions.basic()).ingest(plain, "002.txt").articles().get(0).text());
  }
}
