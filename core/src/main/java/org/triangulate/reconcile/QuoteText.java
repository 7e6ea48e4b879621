package org.triangulate.reconcile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.triangulate.text.TextUnits;
import org.triangulate.model.Quote;
import org.triangulate.model.Span;

/**
 * One quote read for grouping: its words after normalising case, punctuation and quote marks, its
 * content words, and its sentences ("segments"), so that a quote of two sentences can be matched
 * against two quotes of one sentence each.
 *
 * @param index the quote's place in the story's quotes, ordered by article id then position
 * @param article the article's id
 * @param quote the annotation
 * @param text the quoted words as the article gives them
 * @param words the normalised words (lower case, typographic apostrophes made plain)
 * @param content the content words: {@code words} without function words
 * @param segments the quote's sentences, at most {@value #MAX_SEGMENTS}
 */
record QuoteText(
    int index,
    String article,
    Quote quote,
    String text,
    List<String> words,
    Set<String> content,
    List<Segment> segments) {

  /** Sentences beyond this are read as part of the last segment (segments are bits of a long). */
  static final int MAX_SEGMENTS = 63;

  /** Function words left out of {@code content}. */
  static final Set<String> FUNCTION_WORDS =
      Set.of(
          "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with",
          "from", "as", "into", "about", "than", "that", "this", "these", "those", "it", "its",
          "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does",
          "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "he",
          "she", "they", "them", "his", "her", "their", "we", "our", "you", "your", "i", "me", "my",
          "which", "who", "whom", "whose", "what", "when", "where", "while", "there", "here",
          "also", "so", "if", "then", "up", "out", "over", "after", "before", "all", "some", "any",
          "more", "most", "such", "other", "just", "only", "very", "s", "am", "not", "no", "us",
          "it's", "we're", "they're", "we've", "they've", "i'm", "that's", "there's");

  QuoteText {
    words = List.copyOf(words);
    content = Collections.unmodifiableSet(new LinkedHashSet<>(content)); // in text order
    segments = List.copyOf(segments);
  }

  /** One sentence of a quote: its span in the article, its text and normalised words. */
  record Segment(Span span, String text, List<String> words, Set<String> content) {
    Segment {
      words = List.copyOf(words);
      content = Collections.unmodifiableSet(new LinkedHashSet<>(content));
    }
  }

  /** Reads {@code quote} of {@code text}. */
  static QuoteText read(int index, String article, Quote quote, String text) {
    Span span = quote.span();
    List<Segment> segments = new ArrayList<>();
    List<Span> sentences = TextUnits.sentences(span.of(text));
    for (int k = 0; k < sentences.size(); k++) {
      Span s = sentences.get(k).shift(span.begin());
      if (k == MAX_SEGMENTS - 1 && sentences.size() > MAX_SEGMENTS) {
        s = new Span(s.begin(), sentences.get(sentences.size() - 1).end() + span.begin());
        segments.add(segment(text, s));
        break;
      }
      segments.add(segment(text, s));
    }
    if (segments.isEmpty()) {
      segments.add(segment(text, span)); // no word: one empty segment keeps the quote comparable
    }
    List<String> words = words(text, span);
    return new QuoteText(index, article, quote, span.of(text), words, content(words), segments);
  }

  private static Segment segment(String text, Span s) {
    List<String> w = words(text, s);
    return new Segment(s, s.of(text), w, content(w));
  }

  /** The normalised words of {@code span}: lower case, punctuation and quote marks dropped. */
  static List<String> words(String text, Span span) {
    List<String> out = new ArrayList<>();
    for (TextUnits.Word w : TextUnits.words(text, span)) {
      String norm = w.norm();
      int last = out.size() - 1;
      if (last >= 0 && CLITICS.contains(norm) && apostropheBefore(text, w.span().begin())) {
        out.set(last, out.get(last) + "'" + norm); // "We ’ ll", as tokenised corpora write it
      } else {
        out.add(norm);
      }
    }
    return out;
  }

  static Set<String> content(List<String> words) {
    Set<String> out = new LinkedHashSet<>();
    for (String w : words) {
      if (!FUNCTION_WORDS.contains(w)) {
        out.add(w);
      }
    }
    return out;
  }

  /** Clitics that tokenised text writes apart: "It ’ s", "we ’ ll". */
  private static final Set<String> CLITICS = Set.of("s", "ll", "ve", "re", "m", "d", "t");

  /** Whether an apostrophe stands just before {@code at}, maybe with white space around it. */
  private static boolean apostropheBefore(String text, int at) {
    int i = at - 1;
    while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
      i--;
    }
    return i >= 0 && (text.charAt(i) == '\'' || text.charAt(i) == '\u2019');
  }

  /** The quote's id. */
  String id() {
    return quote.id();
  }

  /** The wording that {@code variants} counts: the normalised words joined by spaces. */
  String wording() {
    return String.join(" ", words);
  }

  /** A bit set with one bit per segment. */
  long allSegments() {
    return segments.size() >= 64 ? -1L : (1L << segments.size()) - 1;
  }
}
