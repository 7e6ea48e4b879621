package org.triangulate.ingest.text;

import java.util.Arrays;
import org.triangulate.ingest.SourceLine;

/**
 * One input line as the cleaning rules see it: its normalised text ({@link #norm}) and the way back
 * from each normalised character to the original one, so that removals and repairs can quote the
 * original characters at their original offsets.
 *
 * <p>Normalised means: characters that cannot be text ({@link #isStripped}) dropped, every run of
 * whitespace (NBSP and the other Unicode spaces included) made one ASCII space, leading and
 * trailing whitespace stripped. Most lines need none of this; they share their text and allocate no
 * map.
 */
final class Line {

  final SourceLine source;

  /** The normalised text; empty for a blank line. */
  final String norm;

  /** Whether the line holds characters that {@link #isStripped} drops. */
  final boolean hasStripped;

  /** Number of space-separated tokens of {@link #norm}. */
  final int words;

  /** Normalised index to index in {@code source.text()}; null when that is {@code i + shift}. */
  private final int[] map;

  private final int shift;

  Line(SourceLine source) {
    this.source = source;
    String t = source.text();
    int n = t.length();
    int s = 0;
    while (s < n && isSpace(t.charAt(s))) {
      s++;
    }
    int e = n;
    while (e > s && isSpace(t.charAt(e - 1))) {
      e--;
    }
    boolean simple = true;
    boolean stripped = false;
    int spaces = 0;
    for (int i = 0; i < n; i++) {
      char c = t.charAt(i);
      if (c == ' ') {
        spaces++;
        if (i + 1 < e && i >= s && t.charAt(i + 1) == ' ') {
          simple = false;
        }
      } else if ((c > ' ' && c < '\u007F')
          || (c > '\u00AD' && c < '\u1680')
          || (c > '\u2060' && c < '\u3000')) {
        continue; // the common case: printable, neither space nor stripped
      } else if (isStripped(c)) {
        stripped = true;
        simple = false;
      } else if (isSpace(c)) {
        simple = false;
      }
    }
    this.hasStripped = stripped;
    if (simple) {
      this.norm = t.substring(s, e);
      this.map = null;
      this.shift = s;
      this.words = norm.isEmpty() ? 0 : spaces - (s + n - e) + 1;
    } else {
      StringBuilder b = new StringBuilder(e - s);
      int[] m = new int[n];
      int pendingSpace = -1;
      for (int i = 0; i < n; i++) {
        char c = t.charAt(i);
        if (isStripped(c)) {
          continue;
        }
        if (isSpace(c)) {
          if (b.length() > 0 && pendingSpace < 0) {
            pendingSpace = i;
          }
          continue;
        }
        if (pendingSpace >= 0) {
          m[b.length()] = pendingSpace;
          b.append(' ');
          pendingSpace = -1;
        }
        m[b.length()] = i;
        b.append(c);
      }
      this.norm = b.toString();
      this.map = Arrays.copyOf(m, norm.length());
      this.shift = 0;
      this.words = countWords(norm);
    }
  }

  private Line(Line whole, int from) {
    this.source = whole.source;
    this.norm = whole.norm.substring(from);
    this.hasStripped = whole.hasStripped;
    this.map = whole.map;
    this.shift = whole.shift + from;
    this.words = countWords(norm);
  }

  /** The part of this line from normalised index {@code from}, which must start a token. */
  Line tail(int from) {
    return new Line(this, from);
  }

  boolean blank() {
    return norm.isEmpty();
  }

  /** Index in {@code source.text()} of normalised character {@code i}. */
  int textIndex(int i) {
    return map == null ? i + shift : map[i + shift];
  }

  /** Index in {@code source.text()} just after normalised character {@code end - 1}. */
  int textEnd(int end) {
    return textIndex(end - 1) + 1;
  }

  /** Whether normalised characters {@code [begin, end)} stand side by side in the original. */
  boolean contiguous(int begin, int end) {
    return textIndex(end - 1) - textIndex(begin) == end - 1 - begin;
  }

  /**
   * Offset in the original input of normalised character {@code i} (the line's for inexact lines).
   */
  int offset(int i) {
    return source.exact() ? source.offset() + textIndex(i) : source.offset();
  }

  /** The last character that is not a closing quote or bracket. */
  char lastSignificant() {
    for (int i = norm.length() - 1; i >= 0; i--) {
      char c = norm.charAt(i);
      if (!isCloser(c)) {
        return c;
      }
    }
    return ' ';
  }

  boolean startsLower() {
    return !norm.isEmpty() && Character.isLowerCase(norm.charAt(0));
  }

  /** Whether the line ends a sentence, for the line-joining rule: . ! ? : … or a closer. */
  boolean endsSentence() {
    char c = norm.charAt(norm.length() - 1);
    return c == '.' || c == '!' || c == '?' || c == ':' || c == '…' || isCloser(c);
  }

  /** A full article paragraph: at least five words, ending in . ! ? or … before any closers. */
  boolean isParagraph() {
    if (words < 5) {
      return false;
    }
    char c = lastSignificant();
    return c == '.' || c == '!' || c == '?' || c == '…';
  }

  /** Starts as a headline does: an upper-case letter, a digit or an opening quote. */
  boolean startsLikeHeadline() {
    char c = norm.charAt(0);
    return Character.isUpperCase(c)
        || Character.isDigit(c)
        || ((c == '“' || c == '"' || c == '‘' || c == '\'')
            && norm.length() > 1
            && Character.isUpperCase(norm.charAt(1)));
  }

  /** Ends without punctuation: in a letter or digit, or a closer right after one. */
  boolean endsBare() {
    char c = lastSignificant();
    return Character.isLetterOrDigit(c);
  }

  /** Headline-shaped: 3 to 20 words, at most 200 characters, no final period, comma or colon. */
  boolean headlineShaped() {
    if (words < 3 || words > 20 || norm.length() > 200 || !startsLikeHeadline()) {
      return false;
    }
    return ".,;:…-–—".indexOf(lastSignificant()) < 0;
  }

  /**
   * Shaped as a link to another article: 3 to 15 words, at most 200 characters, starting as a
   * headline and ending without punctuation; and when over nine words, in title case or opening
   * with a cue of linked headlines ("What ...", "How ...", "Watch ..."). A long sentence-case line
   * is more often a sentence whose period was lost than a link, and a lost link costs less than a
   * lost sentence.
   */
  boolean relatedLinkShaped() {
    if (words < 3 || words > 15 || norm.length() > 200 || !startsLikeHeadline() || !endsBare()) {
      return false;
    }
    return words <= 9 || titleCase() || LINK_CUES.contains(firstWord());
  }

  private static final java.util.Set<String> LINK_CUES =
      java.util.Set.of(
          "what", "how", "why", "who", "where", "when", "watch", "video", "read", "opinion",
          "analysis", "explainer", "explained", "live", "photos", "related", "more", "see", "inside");

  private String firstWord() {
    int i = 0;
    while (i < norm.length() && !Character.isLetter(norm.charAt(i))) {
      i++;
    }
    int j = i;
    while (j < norm.length() && Character.isLetter(norm.charAt(j))) {
      j++;
    }
    return norm.substring(i, j).toLowerCase(java.util.Locale.ROOT);
  }

  /** Most words of four letters or more start in upper case: "Iran Prepares To Send Troops". */
  private boolean titleCase() {
    int longWords = 0;
    int capitalised = 0;
    for (String w : norm.split(" ")) {
      int k = 0;
      while (k < w.length() && !Character.isLetter(w.charAt(k))) {
        k++;
      }
      if (w.length() - k >= 4) {
        longWords++;
        if (Character.isUpperCase(w.charAt(k))) {
          capitalised++;
        }
      }
    }
    return longWords > 0 && capitalised * 10 >= longWords * 7;
  }

  static boolean isCloser(char c) {
    return c == '”' || c == '"' || c == '’' || c == '\'' || c == ')' || c == ']' || c == '»';
  }

  /** Whitespace, including NBSP and the other Unicode space separators. */
  static boolean isSpace(char c) {
    if (c <= ' ') {
      return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001C' && c <= '\u001F');
    }
    if (c < '\u0085') {
      return false;
    }
    return c == '\u0085' || Character.isSpaceChar(c) || Character.isWhitespace(c);
  }

  /**
   * Characters that cannot be article text and are removed with reason {@code control}: control
   * characters other than whitespace, DEL, C1 controls, soft hyphen, zero-width space, word joiner,
   * byte-order mark and the replacement character U+FFFD.
   */
  static boolean isStripped(char c) {
    if (c < ' ') {
      return !isSpace(c);
    }
    if (c < '\u007F') {
      return false;
    }
    return (c <= '\u009F' && c != '\u0085')
        || c == '\u00AD'
        || c == '\u200B'
        || c == '\u2060'
        || c == '\uFEFF'
        || c == '\uFFFD';
  }

  private static int countWords(String s) {
    if (s.isEmpty()) {
      return 0;
    }
    int w = 1;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == ' ') {
        w++;
      }
    }
    return w;
  }

  @Override
  public String toString() {
    return norm;
  }
}
