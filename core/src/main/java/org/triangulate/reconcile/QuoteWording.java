package org.triangulate.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whether two renderings of a quote differ materially, and in which words. Contractions are spelled
 * out first ("it's" is "it is"); a rendering that only leaves words out of the other (a cut, at
 * either end or inside) does not differ materially.
 */
final class QuoteWording {

  /** At most this many differences are spelled out per rendering. */
  static final int MAX_HUNKS = 3;

  /** At most this many words are shown per side of a difference. */
  static final int MAX_WORDS = 8;

  private static final Set<String> IS_AFTER =
      Set.of("it", "that", "he", "she", "there", "what", "who", "here", "where", "this");

  private QuoteWording() {}

  /** {@code words} with contractions spelled out. */
  static List<String> expand(List<String> words) {
    List<String> out = new ArrayList<>(words.size());
    for (String w : words) {
      int apos = w.lastIndexOf('\'');
      if (apos <= 0 || apos == w.length() - 1) {
        out.add(w);
        continue;
      }
      String head = w.substring(0, apos);
      String tail = w.substring(apos + 1);
      switch (tail) {
        case "s" -> {
          if (IS_AFTER.contains(head)) {
            out.add(head);
            out.add("is");
          } else {
            out.add(w); // a possessive
          }
        }
        case "re" -> add(out, head, "are");
        case "ve" -> add(out, head, "have");
        case "ll" -> add(out, head, "will");
        case "m" -> add(out, head, "am");
        case "d" -> add(out, head, "would");
        case "t" -> {
          if (head.endsWith("n")) {
            String base = head.substring(0, head.length() - 1);
            base =
                switch (base) {
                  case "wo" -> "will";
                  case "ca" -> "can";
                  case "sha" -> "shall";
                  case "ai" -> "is";
                  default -> base;
                };
            add(out, base, "not");
          } else {
            out.add(w);
          }
        }
        default -> out.add(w);
      }
    }
    return out;
  }

  private static void add(List<String> out, String head, String word) {
    if (!head.isEmpty()) {
      out.add(head);
    }
    out.add(word);
  }

  /**
   * Whether two renderings differ in words: some words of one stand where the other has other words
   * (not a spelling variant: "realised" and "realized", "devil's" and "devil"), or each has words
   * the other lacks. A rendering that only leaves out words of the other is a cut.
   */
  static boolean material(List<String> a, List<String> b) {
    boolean onlyA = false;
    boolean onlyB = false;
    for (List<List<String>> h : hunks(a, b)) {
      List<String> x = h.get(0);
      List<String> y = h.get(1);
      if (!x.isEmpty() && !y.isEmpty()) {
        if (x.size() != 1 || y.size() != 1 || !spellings(x.get(0), y.get(0))) {
          return true;
        }
      } else if (x.isEmpty()) {
        onlyB = true;
      } else {
        onlyA = true;
      }
    }
    return onlyA && onlyB;
  }

  /**
   * Whether two words are spellings of one: the same but for a possessive, or British and American
   * spellings of a word of five letters or more ("realised" and "realized", "defence" and
   * "defense", "neighbour" and "neighbor", "travelled" and "traveled", "centre" and "center").
   * "filed" and "fired" are two words.
   */
  static boolean spellings(String x, String y) {
    if (x.equals(y + "'s") || y.equals(x + "'s")) {
      return true;
    }
    if (Math.min(x.length(), y.length()) < 5) {
      return false;
    }
    if (x.length() == y.length()) {
      if (x.endsWith("re") && y.endsWith("er") || x.endsWith("er") && y.endsWith("re")) {
        return x.substring(0, x.length() - 2).equals(y.substring(0, y.length() - 2));
      }
      int diff = -1;
      for (int i = 0; i < x.length(); i++) {
        if (x.charAt(i) != y.charAt(i)) {
          if (diff >= 0) {
            return false;
          }
          diff = i;
        }
      }
      return diff >= 0 && "sz".indexOf(x.charAt(diff)) >= 0 && "sz".indexOf(y.charAt(diff)) >= 0
          || diff >= 0 && "cs".indexOf(x.charAt(diff)) >= 0 && "cs".indexOf(y.charAt(diff)) >= 0;
    }
    String l = x.length() > y.length() ? x : y;
    String sh = l == x ? y : x;
    if (l.length() != sh.length() + 1) {
      return false;
    }
    int i = 0;
    while (i < sh.length() && l.charAt(i) == sh.charAt(i)) {
      i++;
    }
    if (!l.substring(i + 1).equals(sh.substring(i))) {
      return false;
    }
    char extra = l.charAt(i);
    return extra == 'u' || extra == 'e' || i > 0 && l.charAt(i - 1) == extra;
  }

  /**
   * The words {@code other} has where {@code reference} has others or none, as {@code "x" for "y"}
   * and {@code adds "x"}; the words it only leaves out are cuts and are not listed.
   */
  static String differences(List<String> reference, List<String> other) {
    List<String> parts = new ArrayList<>();
    for (List<List<String>> h : hunks(reference, other)) {
      String x = shown(h.get(0));
      String y = shown(h.get(1));
      if (y.isEmpty() || h.get(0).size() == 1 && h.get(1).size() == 1 && spellings(x, y)) {
        continue;
      }
      parts.add(x.isEmpty() ? "adds \"" + y + "\"" : "\"" + y + "\" for \"" + x + "\"");
    }
    if (parts.size() > MAX_HUNKS) {
      int more = parts.size() - MAX_HUNKS;
      parts = new ArrayList<>(parts.subList(0, MAX_HUNKS));
      parts.add("and " + more + " more");
    }
    return String.join(", ", parts);
  }

  /** The runs of unmatched words of a longest-common-subsequence alignment: {in a, in b}. */
  static List<List<List<String>>> hunks(List<String> a, List<String> b) {
    int n = a.size();
    int m = b.size();
    int[][] t = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        t[i][j] =
            a.get(i).equals(b.get(j)) ? t[i + 1][j + 1] + 1 : Math.max(t[i + 1][j], t[i][j + 1]);
      }
    }
    List<List<List<String>>> out = new ArrayList<>();
    List<String> ra = new ArrayList<>();
    List<String> rb = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a.get(i).equals(b.get(j))) {
        flush(ra, rb, out);
        i++;
        j++;
      } else if (j >= m || i < n && t[i + 1][j] >= t[i][j + 1]) {
        ra.add(a.get(i++));
      } else {
        rb.add(b.get(j++));
      }
    }
    flush(ra, rb, out);
    return out;
  }

  private static void flush(List<String> ra, List<String> rb, List<List<List<String>>> out) {
    if (ra.isEmpty() && rb.isEmpty()) {
      return;
    }
    out.add(List.of(List.copyOf(ra), List.copyOf(rb)));
    ra.clear();
    rb.clear();
  }

  private static String shown(List<String> words) {
    if (words.size() <= MAX_WORDS) {
      return String.join(" ", words);
    }
    return String.join(" ", words.subList(0, MAX_WORDS)) + " …";
  }
}
