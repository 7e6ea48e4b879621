package org.triangulate.fuzz;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.triangulate.ingest.IngestOptions;
import org.triangulate.ingest.RawDocument;
import org.triangulate.ingest.jsonl.JsonlReader;
import org.triangulate.ingest.warc.WarcArticleReader;

/**
 * Reads a container again, apart from the ingester, to learn what each of its articles was cleaned
 * from: the documents by location, so that {@link Invariants} can check removal offsets against
 * them.
 */
final class Originals {

  private static final int HEAD = 8192;

  private Originals() {}

  /** The documents of a JSONL input, by location ({@code "line N"}); none if it is binary. */
  static Map<String, Invariants.Original> jsonl(byte[] bytes) {
    for (int i = 0; i < Math.min(bytes.length, HEAD); i++) {
      if (bytes[i] == 0) {
        return Map.of(); // the ingester rejects it whole
      }
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    List<RawDocument> docs = new ArrayList<>();
    try {
      new JsonlReader(IngestOptions.DEFAULT_MAX_BYTES)
          .read(Fuzzing.SOURCE, new BufferedReader(new StringReader(text)), docs::add, p -> {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Invariants.byLocation(docs);
  }

  /** The documents of a WARC input, by location ({@code "byte N"}). */
  static Map<String, Invariants.Original> warc(byte[] bytes) {
    List<RawDocument> docs = new ArrayList<>();
    new WarcArticleReader(IngestOptions.DEFAULT_MAX_BYTES)
        .read(Fuzzing.SOURCE, new ByteArrayInputStream(bytes), docs::add, p -> {});
    return Invariants.byLocation(docs);
  }

  /** What gzip decompresses to. */
  record Gunzipped(byte[] bytes, boolean complete) {}

  /** Decompresses as much of {@code bytes} as decompresses. */
  static Gunzipped gunzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    boolean complete = true;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      byte[] buf = new byte[8192];
      int n;
      while ((n = in.read(buf)) > 0) {
        out.write(buf, 0, n);
      }
    } catch (IOException | RuntimeException e) {
      complete = false;
    }
    return new Gunzipped(out.toByteArray(), complete);
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
