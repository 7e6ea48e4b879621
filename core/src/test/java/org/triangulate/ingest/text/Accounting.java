package org.triangulate.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.triangulate.model.Removal;
import org.triangulate.model.Repair;

/**
 * Checks the cleaner's accounting on an input that was split into exact lines: every removal quotes
 * the original at its offset, no character is removed twice, and the non-whitespace characters of
 * the original that no removal took are, in order, those of the text once every repair is undone.
 */
final class Accounting {

  private Accounting() {}

  static void check(String original, CleanedText cleaned) {
    boolean[] removed = new boolean[original.length()];
    for (Removal r : cleaned.removed()) {
      assertThat(r.offset() + r.text().length())
          .as("removal %s ends inside the input", r)
          .isLessThanOrEqualTo(original.length());
      assertThat(original.substring(r.offset(), r.offset() + r.text().length()))
          .as("the text of %s at its offset", r)
          .isEqualTo(r.text());
      assertThat(r.text()).as("removal %s", r).isNotBlank();
      for (int k = r.offset(); k < r.offset() + r.text().length(); k++) {
        if (removed[k]) {
          throw new AssertionError("character " + k + " removed twice, the second time by " + r);
        }
        removed[k] = true;
      }
    }
    StringBuilder text = new StringBuilder(cleaned.text());
    List<Repair> repairs = new ArrayList<>(cleaned.repairs());
    repairs.sort(Comparator.comparingInt((Repair r) -> r.span().begin()).reversed());
    for (Repair r : repairs) {
      assertThat(r.span().of(text)).as("replacement of %s", r).isEqualTo(r.replacement());
      if (r.reason().equals(Repair.Reasons.JOINED_LINE)) {
        assertThat(original.charAt(r.offset())).as("line break of %s", r).isIn('\n', '\r');
      } else {
        assertThat(original.startsWith(r.original(), r.offset())).as("original of %s", r).isTrue();
      }
      text.replace(r.span().begin(), r.span().end(), r.original());
    }
    StringBuilder kept = new StringBuilder();
    for (int k = 0; k < original.length(); k++) {
      if (!removed[k] && !Line.isSpace(original.charAt(k))) {
        kept.append(original.charAt(k));
      }
    }
    assertThat(nonSpace(text)).as("text with repairs undone").isEqualTo(kept.toString());
    checkFormat(cleaned.text());
  }

  /** Paragraphs separated by exactly one blank line, each one stripped line with single spaces. */
  static void checkFormat(String text) {
    if (text.isEmpty()) {
      return;
    }
    for (String paragraph : text.split("\n\n", -1)) {
      assertThat(paragraph).as("paragraph").isNotEmpty().doesNotContain("\n", "  ", "\r", "\t");
      assertThat(paragraph.strip()).as("paragraph is stripped").isEqualTo(paragraph);
    }
  }

  static String nonSpace(CharSequence s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int k = 0; k < s.length(); k++) {
      if (!Line.isSpace(s.charAt(k))) {
        b.append(s.charAt(k));
      }
    }
    return b.toString();
  }
}
