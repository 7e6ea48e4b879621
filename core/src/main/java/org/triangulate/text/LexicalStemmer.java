package org.triangulate.text;

/**
 * A tiny English suffix stripper, enough to match the inflections of one word ({@code attacks
 * attacked attacking attack}, {@code cities city}). It is not Porter's stemmer: it removes one
 * inflectional or common derivational suffix, keeps at least three letters, and undoes a doubled
 * final consonant ({@code stopped stop}) and a dropped {@code e} only by removing it on both sides
 * ({@code closed closing close} all give {@code clos}).
 */
public final class LexicalStemmer {

  private LexicalStemmer() {}

  /** Whether a lower-case word is a function word the judge ignores ("the", "has", "said"). */
  public static boolean isStopword(String w) {
    return StopWords.ENGLISH.contains(w);
  }

  /** The word without one inflectional or common derivational suffix. */
  public static String stem(String w) {
    int n = w.length();
    if (n <= 3 || !Character.isLetter(w.charAt(n - 1))) {
      return w;
    }
    String s = w;
    if (s.endsWith("ies") && n > 4) {
      s = s.substring(0, n - 3) + "y";
    } else if (s.endsWith("sses")) {
      s = s.substring(0, n - 2);
    } else if (s.endsWith("ness") && n > 6) {
      s = s.substring(0, n - 4);
    } else if (s.endsWith("ments") && n > 7) {
      s = s.substring(0, n - 5);
    } else if (s.endsWith("ment") && n > 6) {
      s = s.substring(0, n - 4);
    } else if (s.endsWith("ingly") && n > 7) {
      s = s.substring(0, n - 5);
    } else if (s.endsWith("edly") && n > 6) {
      s = s.substring(0, n - 4);
    } else if (s.endsWith("ly") && n > 5) {
      s = s.substring(0, n - 2);
    } else if (s.endsWith("ing") && n > 5) {
      s = undouble(s.substring(0, n - 3));
    } else if (s.endsWith("ed") && n > 4) {
      s = undouble(s.substring(0, n - 2));
    } else if (s.endsWith("ers") && n > 5) {
      s = undouble(s.substring(0, n - 3));
    } else if (s.endsWith("er") && n > 5) {
      s = undouble(s.substring(0, n - 2));
    } else if (s.endsWith("es") && n > 4 && "sxz".indexOf(s.charAt(n - 3)) >= 0) {
      s = s.substring(0, n - 2);
    } else if (s.endsWith("s") && !s.endsWith("ss") && !s.endsWith("us") && !s.endsWith("is")) {
      s = s.substring(0, n - 1);
    }
    if (s.endsWith("e") && s.length() > 3) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.endsWith("y") && s.length() > 3) {
      s = s.substring(0, s.length() - 1) + "i";
    }
    return s;
  }

  private static String undouble(String s) {
    int n = s.length();
    if (n >= 3 && s.charAt(n - 1) == s.charAt(n - 2) && "bdgmnprt".indexOf(s.charAt(n - 1)) >= 0) {
      return s.substring(0, n - 1);
    }
    return s;
  }
}
