package org.triangulate.web;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.triangulate.report.JsonReportWriter;
import org.triangulate.report.Report;

/**
 * Writes a {@link Report} as one self-contained HTML file, {@code report.html}: the report's JSON
 * (as {@link JsonReportWriter} writes it) in a {@code <script type="application/json">} data block,
 * one inline script that draws the views from it, and one inline style sheet. The file loads
 * nothing from the network and opens from disk in a current browser.
 *
 * <p>Article text is hostile input. It reaches the page only inside the data block, where every
 * {@code <}, {@code >}, {@code &}, U+2028 and U+2029 is written as a JSON {@code \\uXXXX} escape, so
 * no text can end the block or open markup; the script shows it with {@code textContent} only. A
 * Content-Security-Policy names the SHA-256 of the inline script and style sheet and allows nothing
 * else, so even markup that got in could not run.
 *
 * <p>The output is a function of the report and the {@code app} switch alone: same input, same
 * bytes. With {@code app} on (the page {@code triangulate serve} sends) the page also carries a
 * {@code <meta name="triangulate-app">} marker, on which the script shows a form that adds an
 * article through {@code POST /api/articles} and then fetches {@code /api/report}; its policy
 * allows {@code connect-src 'self'} for that, and nothing more. The app page also searches the
 * corpus ({@code GET /api/search}), shows what changed since the reader's last visit ({@code GET
 * /api/changes}, the last generation seen kept in the browser's {@code localStorage}) and links its
 * Atom feed ({@code /feed.xml}) in its head. Without it (report.html) the page makes no request at
 * all.
 */
public final class HtmlReportWriter {

  /** Whether the page is the served app (true) or the offline report.html (false). */
  private final boolean app;

  /** A writer of the offline report.html. */
  public HtmlReportWriter() {
    this(false);
  }

  /**
   * A writer of the offline report.html ({@code app} false) or of the page of the local web app
   * ({@code app} true: an add-an-article form that talks to the same origin).
   */
  public HtmlReportWriter(boolean app) {
    this.app = app;
  }

  /** The inline script, byte for byte as it stands in the page. */
  static final String SCRIPT = resource("report.js");

  /** The inline style sheet, byte for byte as it stands in the page. */
  static final String STYLE = resource("report.css");

  /** Writes {@code report} to {@code out}, which it flushes but does not close. */
  public void write(Report report, OutputStream out) throws IOException {
    BufferedOutputStream buffered = new BufferedOutputStream(new NonClosing(out), 1 << 16);
    buffered.write(head(app).getBytes(StandardCharsets.UTF_8));
    ScriptSafe data = new ScriptSafe(buffered);
    new JsonReportWriter().write(report, data);
    data.finish();
    buffered.write(tail().getBytes(StandardCharsets.UTF_8));
    buffered.flush();
  }

  /**
   * Writes the page around {@code reportJson}, the bytes of a report.json as {@link
   * JsonReportWriter} writes it (so an earlier run's report.json can be shown again); flushes
   * {@code out} but does not close it.
   */
  public void write(byte[] reportJson, OutputStream out) throws IOException {
    BufferedOutputStream buffered = new BufferedOutputStream(new NonClosing(out), 1 << 16);
    buffered.write(head(app).getBytes(StandardCharsets.UTF_8));
    ScriptSafe data = new ScriptSafe(buffered);
    data.write(reportJson, 0, reportJson.length);
    data.finish();
    buffered.write(tail().getBytes(StandardCharsets.UTF_8));
    buffered.flush();
  }

  /**
   * The Content-Security-Policy of report.html: the inline script and style sheet by hash, no
   * more.
   */
  public static String contentSecurityPolicy() {
    return contentSecurityPolicy(false);
  }

  /**
   * The Content-Security-Policy of the page: the inline script and style sheet by hash; for the
   * app page ({@code app} true) also requests to its own origin ({@code connect-src 'self'}).
   */
  public static String contentSecurityPolicy(boolean app) {
    return "default-src 'none'; script-src 'sha256-"
        + sha256(SCRIPT)
        + "'; style-src 'sha256-"
        + sha256(STYLE)
        + "'; img-src data:; "
        + (app ? "connect-src 'self'; " : "")
        + "base-uri 'none'; form-action 'none'";
  }

  /**
   * The app page's pointer to its Atom feed of changes ({@code GET /feed.xml}), for feed readers;
   * the browser fetches nothing for it.
   */
  static final String FEED_LINK =
      "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Changes\" href=\"/feed.xml\">\n";

  private static String head(boolean app) {
    return "<!DOCTYPE html>\n"
        + "<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta http-equiv=\"Content-Security-Policy\" content=\""
        + contentSecurityPolicy(app)
        + "\">\n"
        + (app ? "<meta name=\"triangulate-app\" content=\"1\">\n" + FEED_LINK : "")
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<meta name=\"referrer\" content=\"no-referrer\">\n"
        + "<title>Triangulate report</title>\n"
        + "<style>"
        + STYLE
        + "</style>\n</head>\n<body>\n"
        + "<header id=\"top\"><a href=\"#\">Triangulate report</a></header>\n"
        + "<main id=\"app\"><p>This report needs JavaScript to show its views. The data is in"
        + " report.json next to this file.</p></main>\n"
        + "<script type=\"application/json\" id=\"data\">";
  }

  private static String tail() {
    return "</script>\n<script>" + SCRIPT + "</script>\n</body>\n</html>\n";
  }

  /** Base64 of the SHA-256 of the UTF-8 bytes of {@code text}, as a CSP hash source wants it. */
  static String sha256(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return Base64.getEncoder().encodeToString(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReportWriter.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Passes UTF-8 JSON through, writing {@code <}, {@code >}, {@code &}, U+2028 and U+2029 as
   * {@code \\uXXXX}. In JSON these characters stand only inside strings, where the escape means
   * the same character, so the data stays the same JSON and cannot close the script element.
   */
  private static final class ScriptSafe extends FilterOutputStream {
    /** 0: nothing held; 1: held 0xE2; 2: held 0xE2 0x80 (maybe the start of U+2028/U+2029). */
    private int held;

    ScriptSafe(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int c) throws IOException {
      int b = c & 0xff;
      if (held == 2) {
        held = 0;
        if (b == 0xA8 || b == 0xA9) {
          ascii(b == 0xA8 ? "\\u2028" : "\\u2029");
          return;
        }
        out.write(0xE2);
        out.write(0x80);
      } else if (held == 1) {
        held = 0;
        if (b == 0x80) {
          held = 2;
          return;
        }
        out.write(0xE2);
      }
      switch (b) {
        case '<' -> ascii("\\u003c");
        case '>' -> ascii("\\u003e");
        case '&' -> ascii("\\u0026");
        case 0xE2 -> held = 1;
        default -> out.write(b);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      for (int i = off; i < off + len; i++) {
        write(b[i]);
      }
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() {
      // The page goes on after the data; finish() writes what is held.
    }

    void finish() throws IOException {
      if (held >= 1) {
        out.write(0xE2);
      }
      if (held == 2) {
        out.write(0x80);
      }
      held = 0;
    }

    private void ascii(String s) throws IOException {
      for (int i = 0; i < s.length(); i++) {
        out.write(s.charAt(i));
      }
    }
  }

  /** Keeps the caller's stream open. */
  private static final class NonClosing extends FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
