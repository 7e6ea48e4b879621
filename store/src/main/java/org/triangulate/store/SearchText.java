package org.triangulate.store;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How the search index reads text: into words, each with its offsets in the text and the term it
 * is indexed under. Both databases index the terms this class makes (joined by spaces), never the
 * text itself, so they agree on what a word is, and the store can find again, in Java, which words
 * of a text a query matched.
 *
 * <p>A word is a run of letters, digits and combining marks (so {@code al-Assad’s} is the words
 * {@code al}, {@code Assad} and {@code s}). Its term is the word in compatibility decomposition
 * (NFKD), lower-cased ({@link Locale#ROOT}), without Latin diacritics (U+0300 to U+036F), Arabic
 * short-vowel marks (U+064B to U+065F, U+0670) and tatweel (U+0640), recomposed (NFC), and cut
 * to {@value #MAX_TERM} code points: {@code Hamā}, {@code HAMA} and {@code hama} are one term, and
 * so are {@code مُحَمَّد} and {@code محمد}. It does not split words of scripts written without
 * spaces (Chinese, Japanese, Thai), does not stem, and keeps every word (no stop words).
 */
final class SearchText {

  /** Code points a term keeps. */
  static final int MAX_TERM = 64;

  /**
   * Words one entry indexes: the first {@value}, which keeps every word's position exact in a
   * PostgreSQL {@code tsvector} (positions end at 16,383).
   */
  static final int MAX_TERMS = 16_383;

  /** UTF-8 bytes of terms one entry indexes, well under a {@code tsvector}'s 1 MB. */
  static final int MAX_TERM_BYTES = 256 * 1024;

  /** Words a query keeps: the first {@value}; the rest are ignored. */
  static final int MAX_QUERY_TERMS = 32;

  private SearchText() {}

  /** A word: {@code [begin, end)} in its text, and its term. */
  record Word(int begin, int end, String term) {}

  /**
   * The words an entry indexes, segment after segment, until {@link #MAX_TERMS} words or {@link
   * #MAX_TERM_BYTES} bytes of terms.
   */
  static final class Words {
    private final List<Word> words = new ArrayList<>();
    private final List<Integer> segmentStarts = new ArrayList<>();
    private int bytes;

    /** Adds the words of {@code text[from, to)}, with offsets into {@code text}. */
    Words add(String text, int from, int to) {
      segmentStarts.add(words.size());
      int i = Math.max(0, from);
      int end = Math.min(text.length(), to);
      while (i < end && words.size() < MAX_TERMS && bytes < MAX_TERM_BYTES) {
        int begin = i;
        while (i < end) {
          int c = text.codePointAt(i);
          if (!isWordChar(c) || i + Character.charCount(c) > end) {
            break;
          }
          i += Character.charCount(c);
        }
        if (i == begin) {
          i++;
          continue;
        }
        String term = term(text.substring(begin, i));
        if (!term.isEmpty()) {
          words.add(new Word(begin, i, term));
          bytes += term.getBytes(StandardCharsets.UTF_8).length + 1;
        }
      }
      return this;
    }

    Words add(String text) {
      return add(text, 0, text.length());
    }

    List<Word> list() {
      return words;
    }

    /** Index in {@link #list()} of the first word of segment {@code n} (in the order added). */
    int segmentStart(int n) {
      return n < segmentStarts.size() ? segmentStarts.get(n) : words.size();
    }

    /** The terms, joined by single spaces: what the databases index. */
    String terms() {
      StringBuilder s = new StringBuilder();
      for (Word w : words) {
        if (s.length() > 0) {
          s.append(' ');
        }
        s.append(w.term());
      }
      return s.toString();
    }
  }

  static boolean isWordChar(int cp) {
    if (Character.isLetterOrDigit(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  /** The term of one word (empty when nothing of it is left: a lone mark). */
  static String term(String word) {
    if (isAsciiWord(word)) {
      return (word.length() <= MAX_TERM ? word : word.substring(0, MAX_TERM)).toLowerCase(Locale.ROOT);
    }
    String d = Normalizer.normalize(word, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
    d = Normalizer.normalize(d, Normalizer.Form.NFKD);
    StringBuilder s = new StringBuilder(d.length());
    int n = 0;
    for (int i = 0; i < d.length() && n < MAX_TERM; ) {
      int cp = d.codePointAt(i);
      i += Character.charCount(cp);
      if (isFolded(cp) || !isWordChar(cp)) {
        continue;
      }
      s.appendCodePoint(cp);
      n++;
    }
    String t = Normalizer.normalize(s, Normalizer.Form.NFC);
    // Recomposition never lengthens a term by code points, but keep the cut exact.
    return t.codePointCount(0, t.length()) <= MAX_TERM ? t : t.substring(0, t.offsetByCodePoints(0, MAX_TERM));
  }

  /** Whether {@code word} is ASCII letters and digits only, which no normalisation changes but case. */
  private static boolean isAsciiWord(String word) {
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return true;
  }

  /** Marks a term drops: Latin diacritics, Arabic short vowels, tatweel. */
  private static boolean isFolded(int cp) {
    return (cp >= 0x0300 && cp <= 0x036F)
        || (cp >= 0x064B && cp <= 0x065F)
        || cp == 0x0670
        || cp == 0x0640;
  }

  /**
   * What a person typed into a search box, as phrases that must all occur: each {@code "quoted
   * phrase"} (straight or typographic double quotes) is one, and so is each run of the rest
   * between spaces ({@code al-Assad} is the phrase {@code al assad}). Everything but words is
   * ignored: punctuation, operators of SQL or of the full-text engines ({@code AND}, {@code
   * NEAR(}, {@code *} are plain words or nothing), control characters, unpaired surrogates. Repeated
   * phrases count once; words after the first {@link #MAX_QUERY_TERMS} are ignored.
   *
   * @param phrases each a list of terms, in the order typed
   */
  record Query(List<List<String>> phrases) {

    Query {
      phrases = phrases.stream().map(List::copyOf).toList();
    }

    boolean isEmpty() {
      return phrases.isEmpty();
    }

    static Query parse(String typed) {
      if (typed == null) {
        return new Query(List.of());
      }
      Set<List<String>> phrases = new LinkedHashSet<>();
      int[] budget = {MAX_QUERY_TERMS};
      boolean quoted = false;
      int start = 0;
      for (int i = 0; i <= typed.length() && budget[0] > 0; i++) {
        char c = i < typed.length() ? typed.charAt(i) : '"';
        if (c == '"' || c == '\u201C' || c == '\u201D' || c == '\u201E') {
          String part = typed.substring(start, i);
          if (quoted) {
            phrase(phrases, part, budget);
          } else {
            for (String chunk : part.split("[\\s\\p{Z}]+")) {
              phrase(phrases, chunk, budget);
            }
          }
          quoted = !quoted;
          start = i + 1;
        }
      }
      return new Query(new ArrayList<>(phrases));
    }

    private static void phrase(Set<List<String>> phrases, String part, int[] budget) {
      List<String> terms = new ArrayList<>();
      for (Word w : new Words().add(part).list()) {
        if (budget[0] == 0) {
          break;
        }
        terms.add(w.term());
        budget[0]--;
      }
      if (!terms.isEmpty() && !phrases.add(terms)) {
        budget[0] += terms.size();
      }
    }
  }
}
