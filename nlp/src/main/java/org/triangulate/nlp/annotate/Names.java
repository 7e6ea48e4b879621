package org.triangulate.nlp.annotate;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Spelling-tolerant keys for names: what makes al-Jolani, al-Golani and Julani one name, and
 * Bashar al-Assad, Bashar Al Assad and Bashar Assad one person, while Hassan and Hussein stay two.
 */
final class Names {

  /** Arabic articles and particles that news attaches to names in several ways. */
  private static final Set<String> PARTICLES =
      Set.of("al", "el", "ad", "as", "ash", "an", "ar", "at", "az", "ul", "il");

  /** Titles and honorifics that may open a name span. */
  static final Set<String> TITLES =
      Set.of(
          "president", "former", "late", "prime", "minister", "mr", "mr.", "mrs", "mrs.", "ms",
          "ms.", "dr", "dr.", "sheikh", "gen", "gen.", "general", "maj", "maj.", "major", "col",
          "col.", "colonel", "lt", "lt.", "capt", "capt.", "captain", "sgt", "sgt.", "father",
          "king", "queen", "prince", "emir", "sen", "sen.", "senator", "rep", "rep.", "secretary",
          "chancellor", "spokesman", "spokeswoman", "leader", "commander", "chief", "pope",
          "ayatollah", "imam", "rev", "rev.", "sir", "lord", "lady", "judge", "mayor", "governor");

  private Names() {}

  /** Lower case, no accents, no apostrophes; hyphens and dots become spaces. */
  static String fold(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFKD);
    StringBuilder b = new StringBuilder(n.length());
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue;
      }
      if (c == '\'' || c == '’' || c == '‘' || c == '`' || c == 'ʿ' || c == 'ʾ') {
        continue;
      }
      if (c == '-' || c == '‐' || c == '–' || c == '—' || c == '.' || Character.isWhitespace(c)) {
        b.append(' ');
      } else {
        b.append(Character.toLowerCase(c));
      }
    }
    return b.toString().trim().replaceAll(" +", " ");
  }

  /** The words of a name without titles and Arabic particles: "President Bashar al-Assad" → [bashar, assad]. */
  static List<String> words(String name) {
    List<String> out = new ArrayList<>();
    String[] ws = fold(name).split(" ");
    boolean started = false;
    for (String w : ws) {
      if (w.isEmpty()) {
        continue;
      }
      if (!started && TITLES.contains(w)) {
        continue;
      }
      started = true;
      if (PARTICLES.contains(w)) {
        continue;
      }
      out.add(w);
    }
    return out;
  }

  /**
   * A transliteration-tolerant form of one word: vowels reduced to a, i, u; g and j, q and k, and
   * doubled letters merged. Jolani, Golani and Julani give "julani".
   */
  static String translit(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    w = w.replace("ou", "u").replace("ee", "i").replace("oo", "u");
    StringBuilder b = new StringBuilder(w.length());
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      char m =
          switch (c) {
            case 'o' -> 'u';
            case 'e' -> 'i';
            case 'y' -> i == w.length() - 1 ? 'i' : 'y';
            case 'g' -> 'j';
            case 'q' -> 'k';
            default -> c;
          };
      if (b.length() > 0 && b.charAt(b.length() - 1) == m) {
        continue;
      }
      b.append(m);
    }
    return b.toString();
  }

  /** The consonants of a transliterated word. */
  static String consonants(String translit) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < translit.length(); i++) {
      char c = translit.charAt(i);
      if ("aiu".indexOf(c) < 0) {
        b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * Whether two words are spellings of one name: the same transliterated form, or the same
   * consonants with at most one vowel changed (Mohammed, Muhammad).
   */
  static boolean sameWord(String a, String b) {
    String ta = translit(a);
    String tb = translit(b);
    if (ta.equals(tb)) {
      return true;
    }
    return consonants(ta).equals(consonants(tb)) && distance(ta, tb) <= 1;
  }

  /** Whether two lists of name words are spellings of one name, word for word. */
  static boolean sameName(List<String> a, List<String> b) {
    if (a.size() != b.size() || a.isEmpty()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!sameWord(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** Lower-case hyphenated slug for ids: "Bashar al-Assad" → "bashar-al-assad". */
  static String slug(String name) {
    String f = fold(name).replaceAll("[^a-z0-9 ]", "").trim().replace(' ', '-');
    return f.isEmpty() ? "x" : f;
  }

  /** The initials of a name's capitalised words and particle-free parts: Hayat Tahrir al-Sham → HTS. */
  static String initials(String name) {
    StringBuilder b = new StringBuilder();
    for (String w : name.split("[\\s\\-]+")) {
      if (w.isEmpty()) {
        continue;
      }
      String lw = w.toLowerCase(Locale.ROOT);
      if (PARTICLES.contains(lw) || Set.of("of", "for", "the", "and", "in", "on", "de", "du", "la").contains(lw)) {
        continue;
      }
      char c = w.charAt(0);
      if (Character.isLetter(c)) {
        b.append(Character.toUpperCase(c));
      }
    }
    return b.toString();
  }
}
