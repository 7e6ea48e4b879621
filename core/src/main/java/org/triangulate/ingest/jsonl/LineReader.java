package org.triangulate.ingest.jsonl;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines ({@code \n}, {@code \r\n} or {@code \r} ends) from a reader without ever holding more
 * than {@code maxChars} characters of one: a longer line is counted to its end and dropped. A
 * byte-order mark at the start is skipped.
 */
final class LineReader {

  private static final int KEEP_CAPACITY = 1 << 20;

  private final Reader in;
  private final long maxChars;
  private final char[] buffer = new char[1 << 16];
  private int pos;
  private int limit;
  private boolean eof;
  private boolean first = true;
  private boolean skipLf;
  private StringBuilder line = new StringBuilder();
  private long length;

  LineReader(Reader in, long maxChars) {
    this.in = in;
    this.maxChars = maxChars;
  }

  /** Reads the next line; false at the end of the input. */
  boolean next() throws IOException {
    if (line.capacity() > KEEP_CAPACITY) {
      line = new StringBuilder();
    }
    line.setLength(0);
    length = 0;
    boolean any = false;
    while (true) {
      if (pos == limit && !fill()) {
        return any;
      }
      any = true;
      int start = pos;
      if (skipLf) {
        skipLf = false;
        if (buffer[pos] == '\n') {
          pos++;
          start = pos;
          if (pos == limit) {
            any = false;
            continue;
          }
        }
      }
      if (first) {
        first = false;
        if (buffer[pos] == '\uFEFF') {
          pos++;
          start = pos;
        }
      }
      while (pos < limit) {
        char c = buffer[pos];
        if (c == '\n' || c == '\r') {
          append(start, pos);
          pos++;
          skipLf = c == '\r';
          return true;
        }
        pos++;
      }
      append(start, pos);
    }
  }

  /** The line just read; empty when it was over the limit. */
  String line() {
    return line.toString();
  }

  /** The length of the line just read, in characters, also when it was over the limit. */
  long length() {
    return length;
  }

  boolean overLimit() {
    return length > maxChars;
  }

  private void append(int from, int to) {
    int n = to - from;
    length += n;
    if (length <= maxChars) {
      line.append(buffer, from, n);
    } else if (line.length() > 0) {
      line = new StringBuilder();
    }
  }

  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    int n;
    do {
      n = in.read(buffer, 0, buffer.length);
    } while (n == 0);
    if (n < 0) {
      eof = true;
      return false;
    }
    pos = 0;
    limit = n;
    return true;
  }
}
