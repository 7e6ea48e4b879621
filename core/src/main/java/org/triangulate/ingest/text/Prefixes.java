package org.triangulate.ingest.text;

/**
 * Lower-case line beginnings, matched ignoring case. Most lines are rejected on their first
 * character, so a long list costs little on article paragraphs.
 */
final class Prefixes {

  private final String[] prefixes;
  private final String firsts;

  Prefixes(String... prefixes) {
    this.prefixes = prefixes.clone();
    StringBuilder f = new StringBuilder();
    for (String p : prefixes) {
      if (p.isEmpty() || !p.equals(p.toLowerCase(java.util.Locale.ROOT))) {
        throw new IllegalArgumentException("prefix must be lower case and not empty: '" + p + "'");
      }
      if (f.indexOf(p.substring(0, 1)) < 0) {
        f.append(p.charAt(0));
      }
    }
    this.firsts = f.toString();
  }

  /** The prefix {@code s} starts with (ignoring case), or null. */
  String find(String s) {
    if (s.isEmpty() || firsts.indexOf(Character.toLowerCase(s.charAt(0))) < 0) {
      return null;
    }
    for (String p : prefixes) {
      if (s.regionMatches(true, 0, p, 0, p.length())) {
        return p;
      }
    }
    return null;
  }

  boolean matches(String s) {
    return find(s) != null;
  }
}
