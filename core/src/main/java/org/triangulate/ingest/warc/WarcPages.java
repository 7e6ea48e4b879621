package org.triangulate.ingest.warc;

import static org.triangulate.ingest.warc.WarcArticleReader.location;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.triangulate.ingest.Decoding;
import org.triangulate.ingest.RawDocument;
import org.triangulate.ingest.RejectedInputException;
import org.triangulate.model.ArticleMetadata;
import org.triangulate.model.Problem;

/**
 * Tells which WARC records hold web pages and reads them: the HTTP status, the content type (or the
 * payload's first bytes), the transfer and content encodings, the size limit, the charset.
 */
final class WarcPages {

  private static final String STAGE = "ingest";
  private static final String FORMAT = "warc";
  private static final int SNIFF = 1024;

  private final long maxRecordBytes;

  WarcPages(long maxRecordBytes) {
    this.maxRecordBytes = maxRecordBytes;
  }

  /** The article in {@code record}, if it is an HTML page; problems for pages it cannot take. */
  Optional<RawDocument> article(
      String source, long offset, WarcRecord record, Consumer<Problem> problems)
      throws IOException {
    Optional<String> url = target(record);
    MediaType type;
    MessageBody body;
    Optional<String> identified = record.headers().first("WARC-Identified-Payload-Type");
    if (record instanceof WarcResponse response) {
      if (!mediaType(record.headers().first("Content-Type"))
          .map(t -> t.base().equals(MediaType.HTTP))
          .orElse(false)) {
        return Optional.empty(); // dns:, gemini:, ... not a web page
      }
      HttpResponse http = response.http();
      type = mediaType(http.headers().first("Content-Type")).orElse(null);
      if (!maybeHtml(type, identified)) {
        return Optional.empty();
      }
      int status = http.status();
      if (status < 200 || status > 299) {
        problems.accept(
            Problem.warning(
                source,
                location(offset),
                STAGE,
                "record at byte "
                    + offset
                    + ": HTTP "
                    + status
                    + " for "
                    + url.orElse("a page without a URL")
                    + ", skipped"));
        return Optional.empty();
      }
      if (tooLarge(source, offset, record, problems)) {
        return Optional.empty();
      }
      try {
        body = http.bodyDecoded();
      } catch (IOException e) {
        String encoding = String.join(", ", http.headers().all("Content-Encoding"));
        problems.accept(
            Problem.error(
                source,
                location(offset),
                STAGE,
                "record at byte "
                    + offset
                    + url.map(u -> " (" + u + ")").orElse("")
                    + ": the page is compressed as \""
                    + encoding
                    + "\", which this build cannot decode; skipped"));
        return Optional.empty();
      }
    } else if (record instanceof WarcResource) {
      type = mediaType(record.headers().first("Content-Type")).orElse(null);
      if (!maybeHtml(type, identified) || tooLarge(source, offset, record, problems)) {
        return Optional.empty();
      }
      body = record.body();
    } else {
      return Optional.empty(); // warcinfo, request, metadata, revisit: not articles
    }
    byte[] bytes = readAtMost(body, maxRecordBytes + 1);
    if (bytes.length > maxRecordBytes) {
      problems.accept(
          Problem.error(
              source,
              location(offset),
              STAGE,
              String.format(
                  Locale.ROOT,
                  "record at byte %d: the decoded page is over the limit of %,d bytes (raise it"
                      + " with --max-bytes); skipped",
                  offset,
                  maxRecordBytes)));
      return Optional.empty();
    }
    if (!isHtml(type, identified) && !looksLikeHtml(bytes)) {
      return Optional.empty();
    }
    Optional<String> charset = Optional.ofNullable(type).map(t -> t.parameters().get("charset"));
    Decoding.Decoded decoded;
    try {
      decoded = Decoding.decode(source, offset, bytes, charset, true);
    } catch (RejectedInputException e) {
      Problem p = e.problem();
      problems.accept(
          Problem.error(
              p.source(),
              p.location(),
              p.stage(),
              "record at byte "
                  + offset
                  + url.map(u -> " (" + u + ")").orElse("")
                  + ": "
                  + p.message()));
      return Optional.empty();
    }
    decoded.warnings().forEach(problems);
    Optional<String> id =
        record
            .headers()
            .first("WARC-Record-ID")
            .map(WarcPages::unbracket)
            .filter(s -> !s.isEmpty());
    return Optional.of(
        new RawDocument(
            source,
            Optional.of(location(offset)),
            id.or(() -> url),
            FORMAT,
            decoded.text(),
            true,
            ArticleMetadata.EMPTY.withUrl(url)));
  }

  private boolean tooLarge(
      String source, long offset, WarcRecord record, Consumer<Problem> problems)
      throws IOException {
    long size = record.body().size();
    if (size <= maxRecordBytes) {
      return false;
    }
    problems.accept(
        Problem.error(
            source,
            location(offset),
            STAGE,
            String.format(
                Locale.ROOT,
                "record at byte %d is %,d bytes, over the limit of %,d bytes (raise it with"
                    + " --max-bytes); skipped",
                offset,
                size,
                maxRecordBytes)));
    return true;
  }

  private static boolean maybeHtml(MediaType type, Optional<String> identified) {
    if (type == null || type.base().equals(MediaType.OCTET_STREAM) || !type.isValid()) {
      return identified.isEmpty() || isHtml(null, identified);
    }
    return isHtml(type, identified);
  }

  private static boolean isHtml(MediaType type, Optional<String> identified) {
    if (type != null && type.isValid()) {
      String base = type.base().toString().toLowerCase(Locale.ROOT);
      if (base.equals("text/html") || base.equals("application/xhtml+xml")) {
        return true;
      }
    }
    return identified
        .flatMap(s -> mediaType(Optional.of(s)))
        .map(t -> isHtml(t, Optional.empty()))
        .orElse(false);
  }

  /** Whether bytes begin, after white space and a byte-order mark, like an HTML document. */
  static boolean looksLikeHtml(byte[] bytes) {
    String head =
        new String(bytes, 0, Math.min(bytes.length, SNIFF), StandardCharsets.ISO_8859_1)
            .replace("\u00ef\u00bb\u00bf", "")
            .stripLeading()
            .toLowerCase(Locale.ROOT);
    return head.startsWith("<!doctype html")
        || head.startsWith("<html")
        || head.startsWith("<head")
        || (head.startsWith("<!--") && head.contains("<html"));
  }

  private static Optional<MediaType> mediaType(Optional<String> header) {
    return header.map(String::strip).filter(s -> !s.isEmpty()).map(MediaType::parseLeniently);
  }

  static Optional<String> target(WarcRecord record) {
    return record
        .headers()
        .first("WARC-Target-URI")
        .map(WarcPages::unbracket)
        .filter(s -> !s.isEmpty());
  }

  private static String unbracket(String s) {
    String t = s.strip();
    if (t.startsWith("<") && t.endsWith(">")) {
      t = t.substring(1, t.length() - 1).strip();
    }
    return t;
  }

  private static byte[] readAtMost(ReadableByteChannel channel, long max) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
    int idle = 0;
    while (out.size() <= max) {
      buffer.clear();
      int n = channel.read(buffer);
      if (n < 0) {
        break;
      }
      if (n == 0 && ++idle > 1000) {
        throw new IOException("the record body stopped giving bytes");
      }
      out.write(buffer.array(), 0, n);
    }
    return out.toByteArray();
  }
}
