package org.triangulate.cli;

/**
 * Makes text from inputs (file names, article text in messages) safe to print on one line: a
 * newline or carriage return in a file name could otherwise forge a line of the command's output,
 * and terminal control sequences or bidirectional overrides could hide or reorder what is shown.
 * Control characters, line and paragraph separators and bidirectional formatting characters are
 * written as escapes ({@code \n}, {@code \r}, {@code \t}, {@code \u001b}); everything else is kept.
 */
final class Printable {

  private Printable() {}

  static String of(Object o) {
    String s = String.valueOf(o);
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String esc = escape(c);
      if (esc != null && b == null) {
        b = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (b != null) {
        b.append(esc != null ? esc : String.valueOf(c));
      }
    }
    return b == null ? s : b.toString();
  }

  private static String escape(char c) {
    switch (c) {
      case '\n':
        return "\\n";
      case '\r':
        return "\\r";
      case '\t':
        return "\\t";
      default:
        break;
    }
    boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
    boolean separator = c == '\u2028' || c == '\u2029' || c == '\u0085';
    boolean bidi = (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')
        || c == '\u200e' || c == '\u200f' || c == '\u061c';
    return control || separator || bidi ? String.format(java.util.Locale.ROOT, "\\u%04x", (int) c) : null;
  }
}
