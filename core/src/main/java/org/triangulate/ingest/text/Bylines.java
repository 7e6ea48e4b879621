package org.triangulate.ingest.text;

import java.util.Locale;
import java.util.Optional;
import java.util.List;
import java.util.Set;
import org.triangulate.text.CalendarWords;
import java.util.regex.Pattern;

/**
 * Byline shapes: "By Jane Doe", "Written by Jane Doe", "Jane Doe | Reuters", and a lone name. Which
 * of them counts as the article's byline depends on where the line stands, which {@link
 * TextCleaner} decides.
 */
final class Bylines {

  /**
   * A byline read from a line.
   *
   * @param name the author(s) as printed
   * @param outlet the outlet, when the line names one ("Jane Doe | Reuters")
   * @param date the date that ends the line ("By admin on December 5, 2024")
   * @param cmsAccount whether the name is a content management account, not a person
   * @param prefixed whether the line starts "By" or "Written by", which marks a byline anywhere
   */
  record Byline(
      String name,
      Optional<String> outlet,
      Optional<DateLines.Found> date,
      boolean cmsAccount,
      boolean prefixed) {}

  private static final Prefixes BY_PREFIXES =
      new Prefixes("by ", "written by ", "words by ", "text by ", "story by ", "posted by ");

  /**
   * Account names that content management systems print in place of an author ("Written by
   * WebAdmin"): never a byline.
   */
  private static final Set<String> CMS_ACCOUNTS =
      Set.of(
          "admin",
          "administrator",
          "webadmin",
          "web admin",
          "site admin",
          "siteadmin",
          "wpadmin",
          "editor",
          "editors",
          "editorial",
          "editorial team",
          "editorial staff",
          "webmaster",
          "web desk",
          "newsroom",
          "news desk",
          "newsdesk",
          "author",
          "guest",
          "guest author",
          "user",
          "root",
          "publisher",
          "content team",
          "staff");

  /** "admin2", "user123". */
  private static final Pattern NUMBERED_ACCOUNT = Pattern.compile("(?:admin|user|editor)\\d+");

  /** Lower-case words a byline may hold besides names: "Jane Doe and John Roe in Beirut". */
  private static final Set<String> BYLINE_WORDS =
      Set.of(
          "and",
          "&",
          "in",
          "for",
          "of",
          "the",
          "with",
          "at",
          "correspondent",
          "editor",
          "reporter",
          "writer",
          "staff",
          "contributor",
          "producer",
          "analyst",
          "journalist",
          "bureau",
          "chief",
          "senior",
          "special",
          "international",
          "political",
          "diplomatic",
          "security",
          "defence",
          "defense",
          "east",
          "middle");

  /** Lower-case particles of names: "Abu Mohammed al-Jolani", "Ursula von der Leyen". */
  private static final Set<String> PARTICLES =
      Set.of(
          "al", "el", "de", "da", "di", "du", "van", "von", "der", "den", "ter", "bin", "ibn",
          "abu", "la", "le", "y", "dos", "das", "do", "bint", "ben");

  /** Capitalised words that start lines but are not names. */
  private static final Set<String> NOT_NAMES =
      CalendarWords.union(
          List.of(
              "today", "yesterday", "news", "world", "live", "video", "videos", "opinion",
              "analysis", "breaking", "exclusive", "updates", "update", "advertisement",
              "sponsored", "menu", "home", "search", "comments", "share", "reuters",
              "afp", "ap", "politics", "business", "sport", "sports", "photos", "gallery",
              "watch", "listen", "more", "latest", "top", "stories", "story", "read",
              "related", "world news", "middle east", "subscribe", "newsletter",
              "podcast", "explainer", "feature", "features", "editorial", "staff"),
          CalendarWords.MONTHS,
          CalendarWords.WEEKDAYS);

  private Bylines() {}

  /** A "By X" / "Written by X" line, or empty. */
  static Optional<Byline> byPrefix(Line line) {
    String norm = line.norm;
    if (line.words < 2 || line.words > 14 || norm.length() > 140) {
      return Optional.empty();
    }
    String prefix = BY_PREFIXES.find(norm);
    if (prefix == null) {
      return Optional.empty();
    }
    String rest = norm.substring(prefix.length()).strip();
    Optional<DateLines.Found> date = DateLines.trailing(rest);
    if (date.isPresent()) {
      rest = rest.substring(0, date.get().end()).strip();
    }
    if (isCmsAccount(rest)) {
      return Optional.of(new Byline(rest, Optional.empty(), date, true, true));
    }
    if (!nameList(rest)) {
      return Optional.empty();
    }
    int bar = rest.indexOf(" | ");
    if (bar > 0 && rest.indexOf('|', bar + 2) < 0) {
      return Optional.of(
          new Byline(
              rest.substring(0, bar), Optional.of(rest.substring(bar + 3)), date, false, true));
    }
    return Optional.of(new Byline(rest, Optional.empty(), date, false, true));
  }

  /** A "Jane Doe | Reuters" line, or empty. */
  static Optional<Byline> piped(Line line) {
    String norm = line.norm;
    int bar = norm.indexOf(" | ");
    if (bar < 0 || norm.indexOf('|', bar + 2) >= 0 || line.words > 10) {
      return Optional.empty();
    }
    String name = norm.substring(0, bar);
    String outlet = norm.substring(bar + 3);
    int nameWords = name.split(" ").length;
    if (nameWords < 2
        || !isName(name, nameWords)
        || outlet.isEmpty()
        || !Character.isUpperCase(outlet.charAt(0))
        || !Character.isLetterOrDigit(outlet.charAt(outlet.length() - 1))) {
      return Optional.empty();
    }
    return Optional.of(new Byline(name, Optional.of(outlet), Optional.empty(), false, false));
  }

  /** "admin", "WebAdmin", "editor2": accounts, not people. */
  static boolean isCmsAccount(String name) {
    String account = name.toLowerCase(Locale.ROOT);
    return CMS_ACCOUNTS.contains(account) || NUMBERED_ACCOUNT.matcher(account).matches();
  }

  /**
   * A byline without "By" in the header: names joined by "and", commas, "in" and a place ("William
   * Christou in Beirut"), two to eight words.
   */
  static boolean isNameList(Line line) {
    return line.words >= 2 && line.words <= 8 && line.endsBare() && nameList(line.norm);
  }

  /** A lone name: one to four capitalised words, no digits, no final punctuation. */
  static boolean isName(Line line) {
    return isName(line.norm, line.words);
  }

  private static boolean isName(String s, int words) {
    if (words < 1 || words > 4 || s.length() > 60) {
      return false;
    }
    if (NOT_NAMES.contains(s.toLowerCase(Locale.ROOT))) {
      return false;
    }
    int i = 0;
    int index = 0;
    while (i < s.length()) {
      int j = s.indexOf(' ', i);
      if (j < 0) {
        j = s.length();
      }
      if (!nameWord(s, i, j, index == 0)) {
        return false;
      }
      index++;
      i = j + 1;
    }
    return Character.isLetter(s.charAt(s.length() - 1));
  }

  /** One word of a name: capitalised (or a particle, not first), letters and ' ’ - . only. */
  private static boolean nameWord(String s, int b, int e, boolean first) {
    String w = s.substring(b, e);
    String lower = w.toLowerCase(Locale.ROOT);
    if (NOT_NAMES.contains(lower)) {
      return false;
    }
    for (int k = 0; k < w.length(); k++) {
      char c = w.charAt(k);
      if (!Character.isLetter(c) && c != '\'' && c != '’' && c != '-' && c != '.') {
        return false;
      }
    }
    if (Character.isUpperCase(w.charAt(0))) {
      return true;
    }
    if (first) {
      return false;
    }
    int dash = lower.indexOf('-');
    return PARTICLES.contains(dash > 0 ? lower.substring(0, dash) : lower);
  }

  /** Names joined by "and", commas, roles and places: "Jane Doe and John Roe, Reuters". */
  private static boolean nameList(String rest) {
    if (rest.isEmpty() || !Character.isUpperCase(rest.charAt(0))) {
      return false;
    }
    char last = rest.charAt(rest.length() - 1);
    if (!Character.isLetter(last) && last != ')') {
      return false;
    }
    int i = 0;
    boolean firstWord = true;
    while (i < rest.length()) {
      int j = rest.indexOf(' ', i);
      if (j < 0) {
        j = rest.length();
      }
      String w = rest.substring(i, j);
      i = j + 1;
      String bare = trim(w);
      if (bare.isEmpty()) {
        continue; // "|", "-", "—"
      }
      String lower = bare.toLowerCase(Locale.ROOT);
      if (firstWord && NOT_NAMES.contains(lower)) {
        return false;
      }
      firstWord = false;
      if (Character.isUpperCase(bare.charAt(0))) {
        continue;
      }
      int dash = lower.indexOf('-');
      if (!BYLINE_WORDS.contains(lower)
          && !PARTICLES.contains(dash > 0 ? lower.substring(0, dash) : lower)) {
        return false;
      }
    }
    return true;
  }

  private static String trim(String w) {
    int b = 0;
    int e = w.length();
    while (b < e && !Character.isLetterOrDigit(w.charAt(b)) && w.charAt(b) != '&') {
      b++;
    }
    while (e > b && !Character.isLetterOrDigit(w.charAt(e - 1))) {
      e--;
    }
    return w.substring(b, e);
  }
}
