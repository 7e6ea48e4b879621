package org.triangulate.ingest;

import java.util.Objects;

/**
 * One line of an input as cleaning sees it: a line of a text file, or one block (paragraph,
 * heading, list item) of a web page.
 *
 * @param text the line's characters, without its line terminator
 * @param offset index in the original input of the line's first character (for a web page block,
 *     of the element that holds it)
 * @param exact whether {@code text} stands character for character at {@code offset} in the
 *     original input; false for web page blocks, whose text is read from markup
 * @param end the line terminator that follows {@code text} in the original input ({@code "\n"},
 *     {@code "\r\n"} or {@code "\r"}), empty for the last line and for web page blocks
 */
public record SourceLine(String text, int offset, boolean exact, String end) {

  public SourceLine {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(end, "end");
    if (offset < 0) {
      throw new IllegalArgumentException("line offset must be >= 0: " + offset);
    }
  }

  /** A line with no terminator: a web page block, or the last line of a text. */
  public SourceLine(String text, int offset, boolean exact) {
    this(text, offset, exact, "");
  }

  /**
   * Splits a text into its lines, each with its offset. Accepts {@code \n}, {@code \r\n} and
   * {@code \r} line ends. A final line end does not open an empty last line.
   */
  public static java.util.List<SourceLine> split(String text) {
    java.util.List<SourceLine> lines = new java.util.ArrayList<>();
    int start = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        int lineEnd = i;
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        lines.add(new SourceLine(text.substring(start, lineEnd), start, true, text.substring(lineEnd, i + 1)));
        start = i + 1;
      }
    }
    if (start < n) {
      lines.add(new SourceLine(text.substring(start), start, true));
    }
    return lines;
  }
}
