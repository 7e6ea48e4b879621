package org.triangulate.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Ingester#ingest(String, String, InputStream, long)} (a file of a Hadoop file system, in
 * the Spark job) reads what {@link Ingester#ingest(Path, String)} reads from the same bytes, with
 * the same problems, including when the stream hands out a few bytes at a time.
 */
class IngesterStreamTest {

  private static final Path HAMA = Path.of("../examples/hama");

  private static List<Path> files(Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    byte[] hama;
    try (Stream<Path> s = Files.list(HAMA)) {
      List<Path> sorted = s.sorted().toList();
      hama = Files.readAllBytes(sorted.get(0));
      for (Path f : sorted) {
        Path copy = dir.resolve(f.getFileName());
        Files.copy(f, copy);
        out.add(copy);
      }
    }
    String text = new String(hama, StandardCharsets.UTF_8);
    out.add(write(dir.resolve("page.html"), ("<html><head><title>Hama</title></head><body><p>"
        + text.replace("\n", "</p><p>") + "</p></body></html>").getBytes(StandardCharsets.UTF_8)));
    String line = "{\"id\":\"a\",\"text\":" + quoted(text) + "}\n{\"id\":\"b\",\"text\":\"short\"}\nnot json\n";
    out.add(write(dir.resolve("two.jsonl"), line.getBytes(StandardCharsets.UTF_8)));
    out.add(write(dir.resolve("two.jsonl.gz"), gzip(line.getBytes(StandardCharsets.UTF_8))));
    out.add(write(dir.resolve("hama.txt.gz"), gzip(hama)));
    out.add(write(dir.resolve("cut.txt.gz"), java.util.Arrays.copyOf(gzip(hama), 40)));
    out.add(write(dir.resolve("empty.txt"), new byte[0]));
    out.add(write(dir.resolve("latin1.txt"), "Caf\u00e9 in Hama\nThe r\u00e9gime fell.".getBytes(StandardCharsets.ISO_8859_1)));
    out.add(write(dir.resolve("junk.bin"), new byte[] {0, 1, 2, (byte) 0xff, 0, 9}));
    return out;
  }

  @Test
  void aStreamReadsAsTheFileReads(@TempDir Path dir) throws IOException {
    Ingester ingester = new Ingester(IngestOptions.basic());
    for (Path f : files(dir)) {
      IngestResult fromFile = ingester.ingest(f, f.toString());
      for (boolean trickle : new boolean[] {false, true}) {
        try (InputStream in = trickle ? new Trickle(Files.newInputStream(f)) : Files.newInputStream(f)) {
          IngestResult fromStream =
              ingester.ingest(f.toString(), f.getFileName().toString(), in, Files.size(f));
          assertThat(fromStream).as(f.getFileName() + (trickle ? ", a few bytes at a time" : "")).isEqualTo(fromFile);
        }
      }
    }
  }

  @Test
  void aFileOverTheLimitIsAProblemNotAnArticle(@TempDir Path dir) throws IOException {
    Ingester small = new Ingester(IngestOptions.basic().withMaxBytes(100));
    Path f = Files.copy(HAMA.resolve(Files.list(HAMA).sorted().findFirst().orElseThrow().getFileName()), dir.resolve("big.txt"));
    IngestResult fromFile = small.ingest(f, "big.txt");
    try (InputStream in = Files.newInputStream(f)) {
      IngestResult fromStream = small.ingest("big.txt", "big.txt", in, Files.size(f));
      assertThat(fromStream).isEqualTo(fromFile);
      assertThat(fromStream.articles()).isEmpty();
      assertThat(fromStream.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("over the limit of 100 bytes"));
    }
  }

  /** Hands out at most 7 bytes per read. */
  private static final class Trickle extends FilterInputStream {
    Trickle(InputStream in) {
      super(in);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return super.read(b, off, Math.min(len, 7));
    }
  }

  private static Path write(Path p, byte[] bytes) throws IOException {
    return Files.write(p, bytes);
  }

  private static byte[] gzip(byte[] b) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(b);
    }
    return out.toByteArray();
  }

  private static String quoted(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
