package org.triangulate.ingest.text;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.triangulate.model.Removal;

/**
 * Photo captions and credits. A line is a caption when it ends in a credit ("... military. Credit:
 * AP", "(AP Photo/Ghaith Alsayed)", "AFP via Getty Images", "REUTERS/Mahmoud Hassano") or starts
 * with a caption label ("Photo: ...", "Image: ..."); it is a bare credit when the credit is all
 * there is ("Credit: AP", "Photo: Reuters"). The whole line goes either way: a caption describes a
 * picture the copy-paste did not keep.
 */
final class Captions {

  /**
   * Labels that end a caption, longest first with the name of the photographer or agency: "Credit:
   * AP".
   */
  private static final List<String> CREDIT_LABELS =
      List.of(
          "photo credit",
          "image credit",
          "image source",
          "picture credit",
          "photograph",
          "pictures",
          "picture",
          "credits",
          "credit",
          "photos",
          "photo",
          "images",
          "image");

  /** Labels that open a caption line. */
  private static final Prefixes CAPTION_OPENERS =
      new Prefixes(
          "photo:",
          "image:",
          "picture:",
          "photograph:",
          "caption:",
          "image caption",
          "media caption");

  /** Labels that open a credit line. */
  private static final Prefixes CREDIT_OPENERS =
      new Prefixes(
          "credit:",
          "photo credit:",
          "image credit:",
          "image source:",
          "picture credit:",
          "source image:");

  /** Agencies whose name starts or ends a slashed credit: "REUTERS/Name", "Name/AFP". */
  private static final String AGENCY =
      "(?:REUTERS|Reuters|AFP|AP|EPA(?:-EFE)?|Anadolu(?: Agency)?|ANADOLU|Xinhua|XINHUA|SANA|UPI"
          + "|Getty Images|Getty|Shutterstock|Alamy|Bloomberg|NurPhoto|SOPA Images|dpa)";

  /** A slashed credit at the end of a line; tried on the last 70 characters only. */
  private static final Pattern SLASHED_CREDIT =
      Pattern.compile(
          "(?:^|[\\s(])(?:"
              + AGENCY
              + " ?/ ?\\p{Lu}[\\p{L}.'’\\- ]{1,50}|\\p{Lu}[\\p{L}.'’\\-]{0,30}(?:"
              + " [\\p{L}.'’\\-]{1,30}){0,3} ?/ ?"
              + AGENCY
              + ")\\)?$");

  private static final int MAX_CAPTION_WORDS = 80;

  private Captions() {}

  /** {@code caption}, {@code credit}, or null when the line is neither. */
  static String classify(Line line) {
    if (line.words > MAX_CAPTION_WORDS) {
      return null;
    }
    String norm = line.norm;
    if (CREDIT_OPENERS.matches(norm)) {
      return Removal.Reasons.CREDIT;
    }
    String opener = CAPTION_OPENERS.find(norm);
    if (opener != null && Character.isUpperCase(norm.charAt(0))) {
      int rest = line.words - (opener.indexOf(' ') < 0 ? 1 : 2);
      return rest <= 4 && line.lastSignificant() != '.'
          ? Removal.Reasons.CREDIT
          : Removal.Reasons.CAPTION;
    }
    int before = creditStart(norm);
    if (before < 0) {
      return null;
    }
    return hasWords(norm, before) ? Removal.Reasons.CAPTION : Removal.Reasons.CREDIT;
  }

  /** Where the credit at the end of the line begins, or -1 when it ends in no credit. */
  private static int creditStart(String norm) {
    int n = norm.length();
    // "... Credit: AP", "... Photograph: Omar Haj Kadour/AFP/Getty Images"
    int colon = norm.lastIndexOf(':');
    if (colon > 0 && n - colon <= 80) {
      int labelStart = labelStart(norm, colon);
      String tail = norm.substring(colon + 1).strip();
      if (labelStart >= 0
          && Character.isUpperCase(norm.charAt(labelStart))
          && !tail.isEmpty()
          && Character.isUpperCase(tail.charAt(0))
          && countWords(tail) <= 8
          && (tail.charAt(tail.length() - 1) != '.' || countWords(tail) <= 3)
          && !tail.contains(". ")) {
        return labelStart;
      }
    }
    // "... (AP Photo/Ghaith Alsayed)", "(Photo by Name/AFP via Getty Images)"
    int end = norm.endsWith(").") ? n - 1 : n;
    if (end > 0 && norm.charAt(end - 1) == ')') {
      int open = norm.lastIndexOf('(', end - 1);
      if (open >= 0 && end - open <= 100) {
        String inner = norm.substring(open + 1, end - 1).toLowerCase(Locale.ROOT);
        if (inner.contains("photo/")
            || inner.contains("photo /")
            || inner.startsWith("photo by ")
            || inner.startsWith("photo:")
            || inner.startsWith("image:")
            || inner.startsWith("picture:")
            || inner.startsWith("credit:")
            || inner.endsWith("getty images")) {
          return open;
        }
      }
    }
    if (norm.charAt(n - 1) == '.') {
      return -1;
    }
    // "... AFP via Getty Images", "Name/Getty Images"
    if (norm.endsWith("Getty Images") || norm.endsWith("GETTY IMAGES")) {
      int g = n - "Getty Images".length();
      if (g == 0) {
        return 0;
      }
      char c = norm.charAt(g - 1);
      if (c == '/') {
        return wordStart(norm, g - 1);
      }
      if (g >= 4 && norm.regionMatches(true, g - 4, "via ", 0, 4)) {
        return wordStart(norm, g - 5);
      }
      if (c == ' ' && g >= 2 && (norm.charAt(g - 2) == ',' || norm.charAt(g - 2) == ':')) {
        return g;
      }
    }
    // "... REUTERS/Mahmoud Hassano", "... Ghaith Alsayed/AP"
    int from = Math.max(0, n - 70);
    if (norm.indexOf('/', from) < 0) {
      return -1;
    }
    java.util.regex.Matcher m = SLASHED_CREDIT.matcher(norm).region(from, n);
    m.useTransparentBounds(true).useAnchoringBounds(false);
    if (m.find()) {
      int s = m.start();
      while (s < n && (norm.charAt(s) == ' ' || norm.charAt(s) == '(')) {
        s++;
      }
      return s;
    }
    return -1;
  }

  /** Start of the credit label that ends just before {@code colon}, or -1. */
  private static int labelStart(String norm, int colon) {
    for (String label : CREDIT_LABELS) {
      int s = colon - label.length();
      if (s >= 0
          && norm.regionMatches(true, s, label, 0, label.length())
          && (s == 0 || " .|(-–—".indexOf(norm.charAt(s - 1)) >= 0)) {
        return s;
      }
    }
    return -1;
  }

  /** Start of the space-separated token that ends at or before {@code i}. */
  private static int wordStart(String s, int i) {
    int b = Math.min(i, s.length() - 1);
    while (b > 0 && s.charAt(b - 1) != ' ') {
      b--;
    }
    return b;
  }

  private static boolean hasWords(String s, int end) {
    for (int i = 0; i < end; i++) {
      if (Character.isLetterOrDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static int countWords(String s) {
    int w = s.isEmpty() ? 0 : 1;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == ' ') {
        w++;
      }
    }
    return w;
  }
}
