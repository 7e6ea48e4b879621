package org.triangulate.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.triangulate.model.Problem;

/**
 * A UTF-8 reader that does not stop at invalid bytes: it replaces each invalid sequence with
 * U+FFFD, as a lenient reader would, and keeps a warning naming the line and byte of each, so that
 * a streamed input (JSONL) can say where its text was repaired.
 */
final class ReportingUtf8Reader extends Reader {

  private static final int MAX_WARNINGS = 100;

  private final InputStream in;
  private final String source;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
  private final CharBuffer chars = CharBuffer.allocate(64 * 1024);
  private final List<Problem> warnings = new ArrayList<>();
  private long consumedBytes; // bytes of the input consumed by the decoder so far
  private long line = 1;
  private int invalid;
  private boolean eof;

  ReportingUtf8Reader(InputStream in, String source) {
    this.in = in;
    this.source = source;
    bytes.flip();
    chars.flip();
  }

  /** Warnings about invalid bytes, after reading; at most 100 are kept, then one that counts the rest. */
  List<Problem> warnings() {
    List<Problem> all = new ArrayList<>(warnings);
    if (invalid > MAX_WARNINGS) {
      all.add(
          Problem.warning(
              source,
              "file",
              "ingest",
              (invalid - MAX_WARNINGS) + " more invalid UTF-8 byte sequences, each replaced with U+FFFD"));
    }
    return all;
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (!chars.hasRemaining()) {
      if (!fill()) {
        return -1;
      }
    }
    int n = Math.min(len, chars.remaining());
    chars.get(buf, off, n);
    return n;
  }

  /** Decodes the next chunk into {@code chars}; false at the end of input. */
  private boolean fill() throws IOException {
    chars.clear();
    try {
      while (chars.position() == 0) {
        if (!bytes.hasRemaining() || needsMoreBytes()) {
          if (eof && !bytes.hasRemaining()) {
            return false;
          }
          if (!eof) {
            bytes.compact();
            int r = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (r < 0) {
              eof = true;
            } else {
              bytes.position(bytes.position() + r);
            }
            bytes.flip();
          }
        }
        int before = bytes.position();
        chars.limit(chars.capacity() - 1); // keep room for one replacement character
        CoderResult result = decoder.decode(bytes, chars, eof);
        chars.limit(chars.capacity());
        countLines(before);
        if (result.isError()) {
          int at = bytes.position();
          note(consumedBytes);
          bytes.position(at + result.length());
          consumedBytes += result.length();
          chars.put('\uFFFD');
        } else if (result.isUnderflow() && eof && !bytes.hasRemaining()) {
          break;
        } else if (result.isUnderflow() && eof) {
          // trailing bytes of an incomplete sequence at the end of the input
          note(consumedBytes);
          consumedBytes += bytes.remaining();
          bytes.position(bytes.limit());
          chars.put('\uFFFD');
        }
      }
    } finally {
      chars.flip();
    }
    return chars.hasRemaining();
  }

  private boolean needsMoreBytes() {
    return !eof && bytes.remaining() < 4;
  }

  private void countLines(int before) {
    byte[] a = bytes.array();
    for (int i = before; i < bytes.position(); i++) {
      if (a[i] == '\n') {
        line++;
      }
    }
    consumedBytes += bytes.position() - before;
  }

  private void note(long byteOffset) {
    invalid++;
    if (invalid <= MAX_WARNINGS) {
      warnings.add(
          Problem.warning(
              source,
              "line " + line,
              "ingest",
              "invalid UTF-8 byte sequence at byte " + byteOffset + "; replaced with U+FFFD"));
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
