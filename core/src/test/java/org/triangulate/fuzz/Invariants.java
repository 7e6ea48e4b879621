package org.triangulate.fuzz;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.triangulate.ingest.IngestResult;
import org.triangulate.ingest.RawDocument;
import org.triangulate.model.Article;
import org.triangulate.model.Problem;
import org.triangulate.model.Removal;
import org.triangulate.model.Repair;
import org.triangulate.model.Span;

/**
 * What must hold for whatever bytes ingest is given, checked on one {@link IngestResult}. A broken
 * invariant throws an {@link AssertionError} naming it, which Jazzer reports as a finding.
 *
 * <ul>
 *   <li>every problem and every article names the source it came from;
 *   <li>an article's text is not blank, holds no NUL, and has the cleaner's form: paragraphs
 *       separated by exactly {@code "\n\n"}, each one stripped line with single spaces;
 *   <li>every repair's span lies inside the text and holds the repair's replacement;
 *   <li>every removal is non-empty and its offset lies inside the original it indexes (the decoded
 *       file, the HTML markup, the JSONL text field); where the original was cleaned line by line
 *       (plain text), each removal quotes the original exactly at its offset, each repair's original
 *       stands there too, and the text with the repairs undone holds, in order, every non-space
 *       character of the original that no removal took.
 * </ul>
 */
final class Invariants {

  private Invariants() {}

  /**
   * The input an article was cleaned from.
   *
   * @param text the original its removals and repairs index into
   * @param exact whether it was cleaned as exact lines (plain text), so that removals quote it
   */
  record Original(String text, boolean exact) {
    static Original of(RawDocument doc) {
      return new Original(doc.content(), !doc.html());
    }
  }

  /** Checks a result whose articles' originals are unknown or given by {@code originals}. */
  static void check(String source, IngestResult result, Map<String, Original> originals) {
    for (Problem p : result.problems()) {
      check(p.source().equals(source), "problem names another source: %s", p);
      check(!p.location().isBlank(), "problem without a location: %s", p);
      check(!p.message().isBlank(), "problem without a message: %s", p);
    }
    for (Article a : result.articles()) {
      Original original = originals.get(key(a));
      check(a, source, original);
    }
  }

  /** Where an article stood in its input: its location, or {@code "file"} for a whole file. */
  static String key(Article a) {
    return a.location().orElse("file");
  }

  /** The documents of a container by location, for {@link #check(String, IngestResult, Map)}. */
  static Map<String, Original> byLocation(List<RawDocument> docs) {
    Map<String, Original> out = new HashMap<>();
    for (RawDocument d : docs) {
      out.put(d.location().orElse("file"), Original.of(d));
    }
    return out;
  }

  static void check(Article a, String source, Original original) {
    check(a.source().equals(source), "article %s names another source: %s", a.id(), a.source());
    String text = a.text();
    check(!text.isBlank(), "article %s has a blank text", a.id());
    check(text.indexOf('\0') < 0, "article %s text holds a NUL at %s", a.id(), text.indexOf('\0'));
    checkFormat(a.id(), text);
    for (Repair r : a.repairs()) {
      Span s = r.span();
      check(s.end() <= text.length(), "repair %s runs past a text of length %s", r, text.length());
      if (!s.of(text).equals(r.replacement())) {
        fail("repair %s: its span holds %s", r, quote(s, text));
      }
    }
    for (Removal r : a.removed()) {
      check(!r.text().isEmpty(), "article %s: removal %s is empty", a.id(), r);
    }
    if (original == null) {
      return;
    }
    String o = original.text();
    for (Removal r : a.removed()) {
      check(r.offset() < o.length(), "removal %s starts past an original of length %s", r, o.length());
    }
    for (Repair r : a.repairs()) {
      check(r.offset() < o.length(), "repair %s starts past an original of length %s", r, o.length());
    }
    if (original.exact()) {
      accounting(a.id(), o, text, a.removed(), a.repairs());
    }
  }

  /**
   * The cleaner's accounting on an input cleaned as exact lines: each removal quotes the original at
   * its offset, no character is removed twice, each repair's original stands at its offset, and the
   * non-space characters no removal took are, in order, those of the text with the repairs undone.
   */
  static void accounting(
      String id, String original, String text, List<Removal> removals, List<Repair> repairs) {
    boolean[] removed = new boolean[original.length()];
    for (Removal r : removals) {
      int end = r.offset() + r.text().length();
      check(end <= original.length(), "%s: removal %s runs past the original", id, r);
      if (!original.startsWith(r.text(), r.offset())) {
        fail("%s: removal %s does not quote the original, which holds %s there",
            id, r, quote(new Span(r.offset(), end), original));
      }
      for (int k = r.offset(); k < end; k++) {
        check(!removed[k], "%s: character %s removed twice, the second time by %s", id, k, r);
        removed[k] = true;
      }
    }
    StringBuilder undone = new StringBuilder(text);
    List<Repair> sorted = new ArrayList<>(repairs);
    sorted.sort(Comparator.comparingInt((Repair r) -> r.span().begin()).reversed());
    int lastBegin = Integer.MAX_VALUE;
    for (Repair r : sorted) {
      check(r.span().end() <= lastBegin, "%s: repair %s overlaps the next one", id, r);
      lastBegin = r.span().begin();
      if (r.reason().equals(Repair.Reasons.JOINED_LINE)) {
        check(isLineBreak(r.original()), "%s: joined line %s: its original is not a line break", id, r);
      }
      if (!original.startsWith(r.original(), r.offset())) {
        fail("%s: repair %s: its original is not at its offset, which holds %s", id, r,
            quote(new Span(r.offset(), r.offset() + r.original().length()), original));
      }
      undone.replace(r.span().begin(), r.span().end(), r.original());
    }
    String kept = nonSpace(original, removed);
    String got = nonSpace(undone, null);
    if (!kept.equals(got)) {
      int d = 0;
      while (d < kept.length() && d < got.length() && kept.charAt(d) == got.charAt(d)) {
        d++;
      }
      throw new AssertionError(
          String.format(
              "%s: the text with repairs undone does not account for the original: they differ at"
                  + " non-space character %d: kept %s, text %s",
              id, d, around(kept, d), around(got, d)));
    }
  }

  /**
   * The cleaner's form: paragraphs separated by exactly one blank line, each a stripped line whose
   * words are separated by single ASCII spaces.
   */
  static void checkFormat(String id, String text) {
    if (text.isEmpty()) {
      return;
    }
    for (String paragraph : text.split("\n\n", -1)) {
      if (paragraph.isEmpty()) {
        fail("%s: empty paragraph (more than one blank line) in %s", id,
            around(text, text.indexOf("\n\n\n")));
      }
      for (int i = 0; i < paragraph.length(); i++) {
        char c = paragraph.charAt(i);
        if (c != ' ' && isSpace(c)) {
          fail("%s: paragraph holds space character U+%04X: %s", id, (int) c, around(paragraph, i));
        }
        if (c == ' ' && (i == 0 || i == paragraph.length() - 1 || paragraph.charAt(i - 1) == ' ')) {
          fail("%s: paragraph is not stripped or has a double space: %s", id, around(paragraph, i));
        }
      }
    }
  }

  /** A line end as {@link org.triangulate.ingest.SourceLine} splits at. */
  static boolean isLineBreak(String s) {
    return s.equals("\n") || s.equals("\r\n") || s.equals("\r");
  }

  /** Whitespace as the cleaner counts it. */
  static boolean isSpace(char c) {
    return org.triangulate.ingest.text.TextCleaner.isSpace(c);
  }

  private static String nonSpace(CharSequence s, boolean[] skip) {
    StringBuilder b = new StringBuilder(s.length());
    for (int k = 0; k < s.length(); k++) {
      if ((skip == null || !skip[k]) && !isSpace(s.charAt(k))) {
        b.append(s.charAt(k));
      }
    }
    return b.toString();
  }

  static String quote(Span s, String text) {
    int end = Math.min(s.end(), text.length());
    int begin = Math.min(s.begin(), end);
    return "\"" + escape(text.substring(begin, end)) + "\"";
  }

  static String around(CharSequence s, int at) {
    int from = Math.max(0, at - 30);
    int to = Math.min(s.length(), Math.max(at, 0) + 30);
    return "\"" + escape(s.subSequence(from, to).toString()) + "\" (at " + at + ")";
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < ' ' || (c >= 0x7F && c < 0xA0) || Character.isSpaceChar(c) && c != ' ') {
        b.append(String.format("\\u%04X", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** Throws the finding {@code format} describes unless {@code ok}; keep its arguments cheap. */
  static void check(boolean ok, String format, Object... args) {
    if (!ok) {
      fail(format, args);
    }
  }

  /** Throws the finding {@code format} describes, with control characters escaped. */
  static void fail(String format, Object... args) {
    throw new AssertionError(escape(String.format(format, args)));
  }
}
