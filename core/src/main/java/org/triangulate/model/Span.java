package org.triangulate.model;

/**
 * A half-open range {@code [begin, end)} of Java {@code String} indices into the text it belongs to.
 *
 * <p>Every finding that quotes a source carries a span, so {@code text.substring(begin, end)} is
 * exactly the words cited.
 */
public record Span(int begin, int end) implements Comparable<Span> {

  public Span {
    if (begin < 0) {
      throw new IllegalArgumentException("span begin must be >= 0: " + begin);
    }
    if (end < begin) {
      throw new IllegalArgumentException("span end must be >= begin: [" + begin + ", " + end + ")");
    }
  }

  public int length() {
    return end - begin;
  }

  public boolean isEmpty() {
    return begin == end;
  }

  /** The cited characters of {@code text}. */
  public String of(CharSequence text) {
    if (end > text.length()) {
      throw new IllegalArgumentException(
          "span [" + begin + ", " + end + ") runs past a text of length " + text.length());
    }
    return text.subSequence(begin, end).toString();
  }

  public Span shift(int delta) {
    return new Span(begin + delta, end + delta);
  }

  @Override
  public int compareTo(Span other) {
    int c = Integer.compare(begin, other.begin);
    return c != 0 ? c : Integer.compare(end, other.end);
  }
}
