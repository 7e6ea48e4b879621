package org.triangulate.ingest.warc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.Warcinfo;

/**
 * Builds a small, real-shaped WARC in memory from the Hama corpus: a warcinfo, a request, HTML
 * responses (plain in windows-1252, chunked, gzip-encoded, without a content type), a 404, a PDF, a
 * metadata record and an HTML resource record.
 */
final class WarcFixture {

  static final Instant DATE = Instant.parse("2024-12-05T20:00:00Z");

  /** The bytes, where each record starts, and the record ids expected as documents, in order. */
  record Built(byte[] bytes, List<Long> starts, List<String> articleIds) {
    /** Whether {@code cut} falls between two records (or at the start or the end). */
    boolean boundary(long cut) {
      return starts.contains(cut) || cut == bytes.length;
    }

    /** The start of the record {@code cut} falls in. */
    long recordAt(long cut) {
      long at = 0;
      for (long s : starts) {
        if (s <= cut) {
          at = s;
        }
      }
      return at;
    }
  }

  private final WarcCompression compression;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final List<Long> starts = new ArrayList<>();
  private final List<String> ids = new ArrayList<>();
  private int serial;

  private WarcFixture(WarcCompression compression) {
    this.compression = compression;
  }

  static Built build(WarcCompression compression) {
    try {
      return new WarcFixture(compression).write();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String corpus(String name) {
    try {
      Path dir = Path.of("../examples/hama"); // tests run in the core module
      if (!Files.isDirectory(dir)) {
        dir = Path.of("examples/hama");
      }
      return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String page(String title, String text) {
    StringBuilder b =
        new StringBuilder("<!DOCTYPE html>\n<html lang=en><head><title>")
            .append(title)
            .append(
                "</title></head>\n"
                    + "<body><nav><a href=/>Home</a> <a href=/world>World</a></nav>\n"
                    + "<article><h1>")
            .append(title)
            .append("</h1>\n");
    for (String p : text.split("\\n+")) {
      if (!p.isBlank()) {
        b.append("<p>").append(p.strip()).append("</p>\n");
      }
    }
    return b.append("</article><footer>Copyright 2024</footer></body></html>\n").toString();
  }

  private Built write() throws IOException {
    org.netpreserve.jwarc.WarcWriter writer =
        new org.netpreserve.jwarc.WarcWriter(Channels.newChannel(out), compression);
    Charset cp1252 = Charset.forName("windows-1252");

    add(
        writer,
        new Warcinfo.Builder()
            .recordId(id())
            .date(DATE)
            .fields(
                Map.of(
                    "software",
                    List.of("triangulate-test"),
                    "format",
                    List.of("WARC File Format 1.1")))
            .build(),
        false);
    add(
        writer,
        new WarcRequest.Builder("https://www.example.com/hama-insurgents")
            .recordId(id())
            .date(DATE)
            .body(
                MediaType.HTTP_REQUEST,
                http("GET /hama-insurgents HTTP/1.1\r\nHost: www.example.com\r\n\r\n", new byte[0]))
            .build(),
        false);

    byte[] a =
        page("Islamist insurgents enter Hama", corpus("000_5f845e8b32303230.txt")).getBytes(cp1252);
    add(
        writer,
        response(
            "https://www.example.com/hama-insurgents",
            http(
                "HTTP/1.1 200 OK\r\n"
                    + "Content-Type: text/html; charset=windows-1252\r\n"
                    + "Content-Length: "
                    + a.length
                    + "\r\n\r\n",
                a)),
        true);

    byte[] b =
        page("Islamist rebels seize Hama", corpus("001_558042633266138b.txt"))
            .getBytes(StandardCharsets.UTF_8);
    add(
        writer,
        response(
            "https://news.example.net/syria/hama-seized",
            http(
                "HTTP/1.1 200 OK\r\n"
                    + "Content-Type: text/html; charset=UTF-8\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n",
                chunked(b))),
        true);

    byte[] c =
        page("Syrian insurgents reportedly enter Hama", corpus("004_caf67864382cb7e1.txt"))
            .getBytes(StandardCharsets.UTF_8);
    byte[] cz = gzip(c);
    add(
        writer,
        response(
            "https://monitor.example.org/20241205-hama/",
            http(
                "HTTP/1.1 200 OK\r\n"
                    + "Content-Type: text/html\r\n"
                    + "Content-Encoding: gzip\r\n"
                    + "Content-Length: "
                    + cz.length
                    + "\r\n\r\n",
                cz)),
        true);

    byte[] missing =
        "<html><body><h1>Not found</h1><p>The page you asked for is not here.</p></body></html>"
            .getBytes(StandardCharsets.UTF_8);
    add(
        writer,
        response(
            "https://www.example.com/missing",
            http(
                "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\nContent-Length: "
                    + missing.length
                    + "\r\n\r\n",
                missing)),
        false);

    byte[] pdf =
        "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    add(
        writer,
        response(
            "https://www.example.com/report.pdf",
            http(
                "HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\nContent-Length: "
                    + pdf.length
                    + "\r\n\r\n",
                pdf)),
        false);

    byte[] d =
        page("Syrian insurgents enter Hama", corpus("002_cd28b6654e9fce99.txt"))
            .getBytes(StandardCharsets.UTF_8);
    add(
        writer,
        response(
            "https://www.example.ae/news/hama",
            http("HTTP/1.1 200 OK\r\nContent-Length: " + d.length + "\r\n\r\n", d)),
        true);

    add(
        writer,
        new WarcMetadata.Builder()
            .recordId(id())
            .date(DATE)
            .body(
                MediaType.parse("application/warc-fields"),
                "outlinks: https://www.example.com/\r\n".getBytes(StandardCharsets.UTF_8))
            .build(),
        false);

    byte[] e =
        page("Hama city falls to HTS", corpus("003_fa5c466642b5d1e0.txt"))
            .getBytes(StandardCharsets.UTF_8);
    add(
        writer,
        new WarcResource.Builder(URI.create("https://mayadeen.example/hama"))
            .recordId(id())
            .date(DATE)
            .body(MediaType.parse("text/html; charset=utf-8"), e)
            .build(),
        true);

    return new Built(out.toByteArray(), List.copyOf(starts), List.copyOf(ids));
  }

  private WarcRecord response(String uri, byte[] http) {
    return new WarcResponse.Builder(uri)
        .recordId(id())
        .date(DATE)
        .body(MediaType.HTTP_RESPONSE, http)
        .build();
  }

  private void add(org.netpreserve.jwarc.WarcWriter writer, WarcRecord record, boolean article)
      throws IOException {
    starts.add((long) out.size());
    writer.write(record);
    if (article) {
      ids.add(record.id().toString().replaceAll("^<|>$", ""));
    }
  }

  private URI id() {
    return URI.create(String.format("urn:uuid:00000000-0000-4000-8000-%012d", ++serial));
  }

  private static byte[] http(String head, byte[] body) {
    byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[h.length + body.length];
    System.arraycopy(h, 0, all, 0, h.length);
    System.arraycopy(body, 0, all, h.length, body.length);
    return all;
  }

  private static byte[] chunked(byte[] body) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int pos = 0;
    int size = 700;
    while (pos < body.length) {
      int n = Math.min(size, body.length - pos);
      b.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      b.write(body, pos, n);
      b.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
      pos += n;
      size += 333;
    }
    b.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    return b.toByteArray();
  }

  private static byte[] gzip(byte[] body) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(b)) {
      z.write(body);
    }
    return b.toByteArray();
  }
}
