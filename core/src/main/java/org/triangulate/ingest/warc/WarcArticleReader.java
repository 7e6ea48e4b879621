package org.triangulate.ingest.warc;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.netpreserve.jwarc.ParsingException;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.triangulate.ingest.RawDocument;
import org.triangulate.model.Problem;

/**
 * Reads the web pages in a WARC or WARC.gz file: each HTML {@code response} (or {@code resource})
 * record becomes a {@link RawDocument}. Streams: holds one record at a time, never more than the
 * record limit.
 */
public final class WarcArticleReader {

  private static final String STAGE = "ingest";
  private static final String FORMAT = "warc";
  private static final int SNIFF = 1024;
  private static final int MAX_MESSAGE = 160;

  private final WarcPages pages;

  /**
   * @param maxRecordBytes the largest record taken, in bytes; larger HTML records are problems
   */
  public WarcArticleReader(long maxRecordBytes) {
    if (maxRecordBytes < 1) {
      throw new IllegalArgumentException("maxRecordBytes must be >= 1: " + maxRecordBytes);
    }
    this.pages = new WarcPages(maxRecordBytes);
  }

  /**
   * Reads a WARC or WARC.gz stream (jwarc detects gzip); each HTML response record becomes a
   * RawDocument (html=true, format "warc"). Never throws on bad input: a truncated or broken file
   * ends with an error problem naming the byte offset, after every record read before it. Does not
   * close {@code in}.
   */
  public void read(
      String source, InputStream in, Consumer<RawDocument> documents, Consumer<Problem> problems) {
    Objects.requireNonNull(source, "source");
    EndWatch watch = new EndWatch(in);
    WarcReader reader;
    try {
      reader = new WarcReader(watch);
    } catch (IOException | RuntimeException e) {
      problems.accept(broken(source, 0, e, 0));
      return;
    }
    List<Problem> warnings = new ArrayList<>();
    boolean[] trailerBeforeEnd = new boolean[1];
    reader.onWarning(
        w -> {
          trailerBeforeEnd[0] |= w.contains("trailer") && !watch.ended;
          warnings.add(
              Problem.warning(
                  source,
                  location(reader.position()),
                  STAGE,
                  "WARC record at byte " + reader.position() + ": " + shorten(w) + "; read on"));
        });
    long records = 0;
    while (true) {
      Optional<WarcRecord> next;
      boolean endedBefore = watch.ended;
      trailerBeforeEnd[0] = false;
      try {
        next = reader.next();
      } catch (IOException | RuntimeException e) {
        flush(warnings, problems);
        problems.accept(broken(source, reader.position(), e, records));
        return;
      }
      flush(warnings, problems);
      if (next.isEmpty()) {
        return;
      }
      if (trailerBeforeEnd[0] && !endedBefore && watch.ended) {
        // jwarc skipped a bad record end and hit the end of the file: what it returns is not real.
        long at = reader.position();
        problems.accept(
            Problem.error(
                source,
                location(at),
                STAGE,
                "cannot read the WARC record at byte "
                    + at
                    + ": the file ends in bytes that are not a WARC record"
                    + after(records)));
        return;
      }
      records++;
      WarcRecord record = next.get();
      long offset = record.position();
      try {
        pages.article(source, offset, record, problems).ifPresent(documents);
        record.body().consume();
      } catch (IOException | RuntimeException e) {
        if (truncated(record, e) || !consumable(record)) {
          problems.accept(broken(source, offset, e, records - 1));
          return;
        }
        problems.accept(
            Problem.error(
                source,
                location(offset),
                STAGE,
                "record at byte "
                    + offset
                    + WarcPages.target(record).map(t -> " (" + t + ")").orElse("")
                    + " cannot be read: "
                    + message(e)
                    + "; skipped"));
      }
    }
  }

  /**
   * Whether reading the record failed because the file ends inside it. After that jwarc's buffer is
   * not to be trusted, so nothing more may be read. An end of input inside a complete record (a
   * cut-off gzip payload) is the record's problem, not the file's.
   */
  private static boolean truncated(WarcRecord record, Exception e) {
    if (!(e instanceof EOFException) && !isEndOfInput(e)) {
      return false;
    }
    try {
      return record.body().position() < record.body().size();
    } catch (IOException | RuntimeException ex) {
      return true;
    }
  }

  /** Notes when the underlying stream has ended. */
  private static final class EndWatch extends java.io.FilterInputStream {
    volatile boolean ended;

    EndWatch(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      ended |= b < 0;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      ended |= n < 0;
      return n;
    }

    @Override
    public void close() {
      // the caller owns the stream
    }
  }

  /** Whether the rest of the record can be skipped: if not, the file is broken at this record. */
  private static boolean consumable(WarcRecord record) {
    try {
      record.body().consume();
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static Problem broken(String source, long offset, Exception e, long recordsBefore) {
    String what;
    if (e instanceof EOFException || isEndOfInput(e)) {
      what =
          "truncated WARC record at byte "
              + offset
              + ": the file ends inside it ("
              + message(e)
              + ")";
    } else if (recordsBefore == 0 && offset == 0) {
      what = "not a WARC file: " + message(e);
    } else {
      what = "cannot read the WARC record at byte " + offset + ": " + message(e);
    }
    return Problem.error(source, location(offset), STAGE, what + after(recordsBefore));
  }

  private static String after(long recordsBefore) {
    return recordsBefore == 0
        ? "; nothing in the file could be read"
        : "; the "
            + recordsBefore
            + " record"
            + (recordsBefore == 1 ? "" : "s")
            + " before it were read, the rest of the file is skipped";
  }

  private static boolean isEndOfInput(Exception e) {
    String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    return m.contains("unexpected end") || m.contains("end of file") || m.contains("more bytes");
  }

  private static String message(Exception e) {
    String m = e instanceof ParsingException p ? p.getBaseMessage() : e.getMessage();
    if (m == null || m.isBlank()) {
      m = e.getClass().getSimpleName();
    }
    return shorten(m);
  }

  private static String shorten(String m) {
    String s = m.strip().replaceAll("\\s+", " ");
    return s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE - 1) + "…";
  }

  private static void flush(List<Problem> warnings, Consumer<Problem> problems) {
    warnings.forEach(problems);
    warnings.clear();
  }

  static String location(long offset) {
    return "byte " + offset;
  }
}
