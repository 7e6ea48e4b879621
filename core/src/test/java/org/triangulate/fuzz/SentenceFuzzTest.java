package org.triangulate.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.triangulate.model.Span;
import org.triangulate.text.TextUnits;

/**
 * Fuzzes the sentence and word splitter of core ({@link TextUnits#sentences}, {@link
 * TextUnits#words}) on any text (the fuzzer's bytes read as UTF-8).
 *
 * <p>Invariants: sentences lie inside the text, in order, without overlap, each non-empty, trimmed,
 * on one line and holding a letter or digit; every letter and digit of the text is in a sentence;
 * words lie inside their sentence, in order, without overlap, start and end with a letter or digit,
 * cover every letter and digit of the sentence, and carry their lower-case form.
 */
class SentenceFuzzTest {

  @BoundedFuzzTest
  void sentences(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    List<Span> sentences = TextUnits.sentences(text);
    boolean[] covered = new boolean[text.length()];
    int previousEnd = 0;
    for (Span s : sentences) {
      Invariants.check(s.end() <= text.length(), "sentence %s runs past a text of length %s", s, text.length());
      Invariants.check(s.begin() >= previousEnd, "sentence %s overlaps or precedes the one before", s);
      Invariants.check(!s.isEmpty(), "empty sentence %s", s);
      String t = s.of(text);
      if (Character.isWhitespace(t.charAt(0)) || Character.isWhitespace(t.charAt(t.length() - 1))) {
        Invariants.fail("sentence %s is not trimmed: %s", s, Invariants.quote(s, text));
      }
      Invariants.check(t.indexOf('\n') < 0, "sentence %s spans a line break", s);
      Invariants.check(t.chars().anyMatch(Character::isLetterOrDigit), "sentence %s has no letter or digit", s);
      previousEnd = s.end();
      words(text, s, covered);
    }
    for (int i = 0; i < text.length(); i++) {
      if (!covered[i] && Character.isLetterOrDigit(text.charAt(i))) {
        Invariants.fail("letter or digit at %s is in no word: %s", i, Invariants.around(text, i));
      }
    }
  }

  private static void words(String text, Span sentence, boolean[] covered) {
    int previousEnd = sentence.begin();
    for (TextUnits.Word w : TextUnits.words(text, sentence)) {
      Span s = w.span();
      Invariants.check(s.begin() >= previousEnd && s.end() <= sentence.end() && !s.isEmpty(),
          "word %s is outside sentence %s, overlaps, or is empty", s, sentence);
      String t = s.of(text);
      if (!Character.isLetterOrDigit(t.charAt(0)) || !Character.isLetterOrDigit(t.charAt(t.length() - 1))) {
        Invariants.fail("word %s does not start and end in a letter or digit: %s", s, Invariants.quote(s, text));
      }
      Invariants.check(w.norm().equals(t.toLowerCase(Locale.ROOT).replace('’', '\'')),
          "word %s: norm %s", s, w.norm());
      for (int i = s.begin(); i < s.end(); i++) {
        covered[i] = true;
      }
      previousEnd = s.end();
    }
  }
}
