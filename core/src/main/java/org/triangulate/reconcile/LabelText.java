package org.triangulate.reconcile;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.triangulate.model.Mention;
import org.triangulate.model.Span;

/**
 * How a label's words become its term: lower case, except the names inside it (the words of a
 * name mention: "Britain-based war monitor", "HTS leader") and acronyms (two or more capitals:
 * "MI6"); a leading article dropped ("a war monitor run by MI6" is "war monitor run by MI6");
 * curly apostrophes straightened; spaces collapsed.
 */
final class LabelText {

  private static final Pattern LEADING_ARTICLE =
      Pattern.compile("^(?:a|an|the)\\s+", Pattern.CASE_INSENSITIVE);

  private LabelText() {}

  /**
   * The term for the words of {@code span} in {@code text}.
   *
   * @param names the article's name mentions, whose words keep their case
   */
  static String term(String text, Span span, List<Mention> names) {
    int b = span.begin();
    int e = Math.min(span.end(), text.length());
    while (b < e && !Character.isLetterOrDigit(text.charAt(b))) {
      b++;
    }
    while (e > b && !Character.isLetterOrDigit(text.charAt(e - 1))) {
      e--;
    }
    if (e < span.end() && text.charAt(e) == '.' && e - b <= 4 && text.substring(b, e).chars().allMatch(Character::isLetter)) {
      e++; // an abbreviated title: "Maj.", "Gen."
    }
    var m = LEADING_ARTICLE.matcher(text.substring(b, e));
    if (m.find() && m.end() < e - b) {
      b += m.end();
    }
    StringBuilder out = new StringBuilder(e - b);
    int i = b;
    while (i < e) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        int j = i;
        int capitals = 0;
        while (j < e && Character.isLetterOrDigit(text.charAt(j))) {
          capitals += Character.isUpperCase(text.charAt(j)) ? 1 : 0;
          j++;
        }
        String part = text.substring(i, j);
        out.append(capitals >= 2 || inName(i, j, names) ? part : part.toLowerCase(Locale.ROOT));
        i = j;
      } else if (Character.isWhitespace(c)) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
          out.append(' ');
        }
        i++;
      } else {
        out.append(c == '’' ? '\'' : c);
        i++;
      }
    }
    return out.toString().strip();
  }

  private static boolean inName(int begin, int end, List<Mention> names) {
    for (Mention n : names) {
      if (n.span().begin() <= begin && end <= n.span().end()) {
        return true;
      }
      if (n.span().begin() >= end) {
        break;
      }
    }
    return false;
  }

  /** The words of a term, lower case, split at anything but letters, digits and apostrophes. */
  static List<String> words(String term) {
    String w =
        term.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("[^\\p{L}\\p{N}']+", " ");
    return w.isBlank() ? List.of() : List.of(w.strip().split(" "));
  }

  /**
   * Whether {@code words} holds {@code part} as a run of whole words; a word of {@code part} also
   * matches its plural.
   */
  static boolean containsWords(List<String> words, List<String> part) {
    if (part.isEmpty()) {
      return false;
    }
    for (int i = 0; i + part.size() <= words.size(); i++) {
      boolean all = true;
      for (int j = 0; j < part.size() && all; j++) {
        String w = words.get(i + j);
        String p = part.get(j);
        all = w.equals(p) || w.equals(LabelLexicon.plural(p));
      }
      if (all) {
        return true;
      }
    }
    return false;
  }
}
