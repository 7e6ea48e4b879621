package org.triangulate.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.triangulate.model.Span;

/**
 * Sentences and words of a cleaned article text, with their spans. Plain rules, no model: a
 * paragraph (a line) always ends a sentence; within one, a sentence ends at {@code . ! ?} (and any
 * closing quote) before white space and a capital, a digit or an opening quote, except after an
 * abbreviation ("Maj.", "U.S.", "Jan."). No sentence is longer than {@link #MAX_SENTENCE}
 * characters: a longer run is cut into pieces at white space.
 */
public final class TextUnits {

  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "mr", "mrs", "ms", "dr", "prof", "gen", "maj", "col", "lt", "capt", "sgt", "rep", "sen",
          "gov", "st", "jr", "sr", "vs", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr",
          "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "approx", "est", "fig",
          "al", "rev", "hon", "adm", "cmdr", "brig", "messrs");

  /** The longest sentence given out, in characters; longer runs are cut at white space. */
  public static final int MAX_SENTENCE = 1_000;

  private TextUnits() {}

  /** The sentences of {@code text}, trimmed, in order; blank ones left out. */
  public static List<Span> sentences(String text) {
    List<Span> out = new ArrayList<>();
    int lineStart = 0;
    while (lineStart <= text.length()) {
      int lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) {
        lineEnd = text.length();
      }
      int start = lineStart;
      for (int i = lineStart; i < lineEnd; i++) {
        char c = text.charAt(i);
        if (c != '.' && c != '!' && c != '?') {
          continue;
        }
        int end = i + 1;
        while (end < lineEnd && isClosing(text.charAt(end))) {
          end++;
        }
        if (end >= lineEnd || !Character.isWhitespace(text.charAt(end))) {
          continue;
        }
        int next = end;
        while (next < lineEnd && Character.isWhitespace(text.charAt(next))) {
          next++;
        }
        if (next >= lineEnd) {
          continue;
        }
        char n = text.charAt(next);
        if (!(Character.isUpperCase(n) || Character.isDigit(n) || isOpening(n))) {
          continue;
        }
        if (c == '.' && isAbbreviation(text, start, i)) {
          continue;
        }
        add(text, start, end, out);
        start = next;
        i = next - 1;
      }
      add(text, start, lineEnd, out);
      lineStart = lineEnd + 1;
    }
    return out;
  }

  private static boolean isClosing(char c) {
    return c == '”' || c == '"' || c == '’' || c == '\'' || c == ')' || c == ']';
  }

  private static boolean isOpening(char c) {
    return c == '“' || c == '"' || c == '‘' || c == '(' || c == '[';
  }

  private static boolean isAbbreviation(String text, int from, int dot) {
    int b = dot;
    while (b > from && Character.isLetter(text.charAt(b - 1))) {
      b--;
    }
    String word = text.substring(b, dot);
    if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
      return true; // "U.S.", "J. Smith"
    }
    return ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
  }

  private static void add(String text, int from, int to, List<Span> out) {
    // A "sentence" longer than any real one (a pasted table, a line of figures, hostile input) is
    // cut at white space into pieces: what compares sentences costs at most a bounded amount each.
    while (to - from > MAX_SENTENCE) {
      int cut = from + MAX_SENTENCE;
      while (cut > from + MAX_SENTENCE / 2 && !Character.isWhitespace(text.charAt(cut))) {
        cut--;
      }
      if (!Character.isWhitespace(text.charAt(cut))) {
        cut = from + MAX_SENTENCE;
      }
      addTrimmed(text, from, cut, out);
      from = cut;
    }
    addTrimmed(text, from, to, out);
  }

  private static void addTrimmed(String text, int from, int to, List<Span> out) {
    while (from < to && Character.isWhitespace(text.charAt(from))) {
      from++;
    }
    while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
      to--;
    }
    boolean word = false;
    for (int i = from; i < to && !word; i++) {
      word = Character.isLetterOrDigit(text.charAt(i));
    }
    if (word) {
      out.add(new Span(from, to));
    }
  }

  /** A word: its span and its lower-case form with typographic apostrophes made plain. */
  public record Word(Span span, String norm) {}

  /** The words of {@code text} within {@code within}: letters and digits, with inner ' ’ - kept. */
  public static List<Word> words(String text, Span within) {
    List<Word> out = new ArrayList<>();
    int i = within.begin();
    int end = within.end();
    while (i < end) {
      if (!Character.isLetterOrDigit(text.charAt(i))) {
        i++;
        continue;
      }
      int j = i + 1;
      while (j < end) {
        char c = text.charAt(j);
        if (Character.isLetterOrDigit(c)) {
          j++;
        } else if ((c == '\'' || c == '’' || c == '-' || c == '.' || c == ',') && j + 1 < end
            && Character.isLetterOrDigit(text.charAt(j + 1))
            && (c != '.' && c != ',' || Character.isDigit(text.charAt(j - 1)) && Character.isDigit(text.charAt(j + 1)))) {
          j++;
        } else {
          break;
        }
      }
      out.add(new Word(new Span(i, j), text.substring(i, j).toLowerCase(Locale.ROOT).replace('’', '\'')));
      i = j;
    }
    return out;
  }
}
