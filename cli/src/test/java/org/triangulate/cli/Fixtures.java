package org.triangulate.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Real-shaped inputs made from the Hama corpus. */
final class Fixtures {

  static final Path HAMA = Path.of("../examples/hama");

  private Fixtures() {}

  static List<Path> hamaFiles() throws IOException {
    try (Stream<Path> s = Files.list(HAMA)) {
      return s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
  }

  static Path hamaFile(String prefix) throws IOException {
    return hamaFiles().stream()
        .filter(p -> p.getFileName().toString().startsWith(prefix))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no Hama file " + prefix));
  }

  static String hama(String prefix) throws IOException {
    return Files.readString(hamaFile(prefix), StandardCharsets.UTF_8);
  }

  /** An HTML page around the paragraphs of a Hama text. */
  static String html(String title, String text) {
    StringBuilder body = new StringBuilder();
    for (String para : text.split("\n+")) {
      if (!para.isBlank()) {
        body.append("<p>").append(escape(para.strip())).append("</p>\n");
      }
    }
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
        + escape(title)
        + " | The Example Times</title>"
        + "<meta property=\"og:site_name\" content=\"The Example Times\">"
        + "<meta property=\"article:published_time\" content=\"2024-12-05T14:30:00Z\">"
        + "</head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>"
        + "<article><h1>"
        + escape(title)
        + "</h1>\n"
        + body
        + "</article><footer>\u00A9 2024 The Example Times. All rights reserved.</footer></body></html>";
  }

  /** A WARC file with one HTML response record per page, each {@code (uri, html)}. */
  static byte[] warc(String[]... pages) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int n = 0;
    for (String[] page : pages) {
      byte[] body = page[1].getBytes(StandardCharsets.UTF_8);
      byte[] http =
          concat(
              ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "
                      + body.length
                      + "\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII),
              body);
      String header =
          "WARC/1.0\r\n"
              + "WARC-Type: response\r\n"
              + "WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-00000000000"
              + (n++)
              + ">\r\n"
              + "WARC-Date: 2024-12-05T18:00:00Z\r\n"
              + "WARC-Target-URI: "
              + page[0]
              + "\r\n"
              + "Content-Type: application/http; msgtype=response\r\n"
              + "Content-Length: "
              + http.length
              + "\r\n\r\n";
      out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(http);
      out.writeBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    return out.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = new byte[a.length + b.length];
    System.arraycopy(a, 0, c, 0, a.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  static String json(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
