package org.triangulate.ingest.text;

import java.util.Locale;
import java.util.Optional;
import java.util.List;
import java.util.Set;
import org.triangulate.text.CalendarWords;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.triangulate.text.Dates;

/**
 * Dates that pages print around an article, and datelines. A date line is a line that is only a
 * date, perhaps labelled: "date 2024-12-05", "Published: 5 December 2024", "Updated Thu 5 Dec 2024
 * 10.20 GMT", "December 5, 2024". A glued marker is such a date at the start of a line that goes on
 * with article text ("date 2024-12-05 Syrian insurgents have entered ..."). A dateline opens the
 * first paragraph with the place the story was filed from ("DAMASCUS, Syria (AP) —").
 */
final class DateLines {

  /**
   * A date read from a line.
   *
   * @param iso the date in ISO form, as {@link Dates} writes it; empty for a numeric date that
   *     reads both day-first and month-first ({@code 05/12/2024})
   * @param updated whether the line labels it as an update ("Updated ...")
   * @param labelled whether the line carries a label at all ("Published:", "date")
   * @param end normalised index just after the date (for a glued marker: where the text begins)
   */
  record Found(Optional<String> iso, boolean updated, boolean labelled, int end) {}

  private static final String MONTH =
      "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
  private static final String WEEKDAY =
      "(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\\.?,?";
  private static final String DATE =
      "(?:\\d{4}-\\d{2}-\\d{2}"
          + "(?:T\\d{2}:\\d{2}(?::\\d{2})?(?:\\.\\d{1,9})?(?:Z|[+-]\\d{2}:?\\d{2})?)?"
          + "|(?:"
          + WEEKDAY
          + " )?\\d{1,2}(?:st|nd|rd|th)? "
          + MONTH
          + ",? \\d{4}"
          + "|(?:"
          + WEEKDAY
          + " )?"
          + MONTH
          + " \\d{1,2}(?:st|nd|rd|th)?,? \\d{4})"
          + "(?:,? (?:at )?\\d{1,2}[:.]\\d{2}(?: ?[ap]\\.?m\\.?)?(?: (?-i:[A-Z]{2,4}))?)?";

  /** A labelled date glued to the text after it: "date 2024-12-05 Syrian insurgents ...". */
  private static final Pattern GLUED =
      Pattern.compile(
          "(?i:date|published(?: on)?|posted(?: on)?|updated(?: on)?|last updated(?: on)?"
              + "|first published(?: on)?) ?:? ("
              + DATE
              + ")(?= \\S)",
          Pattern.CASE_INSENSITIVE);

  /** A date that ends a byline: "admin on December 5, 2024", "Jane Doe | 5 Dec 2024". */
  private static final Pattern TRAILING =
      Pattern.compile("(?:,| on| at| ?\\|| [-–—·•])? (" + DATE + ")$", Pattern.CASE_INSENSITIVE);

  private static final Pattern ISO_DATE =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}(?:T[\\d:.Z+-]{5,25})?");

  private static final Set<String> LABELS =
      Set.of(
          "date",
          "dated",
          "published",
          "posted",
          "updated",
          "last",
          "first",
          "modified",
          "created");

  /** Words a date line may hold besides numbers: labels, weekdays, months, zones. */
  private static final Set<String> DATE_WORDS =
      CalendarWords.union(
          List.of(
              "on", "at", "am", "pm", "a.m", "p.m", "a.m.", "p.m.", "gmt", "utc", "bst",
              "cet", "cest", "eet", "eest", "est", "edt", "cst", "cdt", "mst", "mdt",
              "pst", "pdt", "et", "pt", "ist", "ast", "msk", "trt", "jst", "aest", "aedt",
              "local", "time"),
          LABELS,
          CalendarWords.MONTHS,
          CalendarWords.MONTH_ABBREVIATIONS,
          CalendarWords.WEEKDAYS,
          CalendarWords.WEEKDAY_ABBREVIATIONS);

  private static final Set<String> UPDATE_LABELS = Set.of("updated", "last", "modified");

  private static final Pattern NUMBERISH =
      Pattern.compile(
          "\\d{1,4}(?:st|nd|rd|th)?|\\d{1,2}[:.]\\d{2}(?:[:.]\\d{2})?(?:[ap]m)?"
              + "|\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{1,4}|\\d{4}-\\d{2}-\\d{2}(?:t[\\d:.z+-]{5,25})?"
              + "|(?:gmt|utc)[+-]\\d{1,2}(?::?\\d{2})?");

  private static final Pattern NUMERIC_DATE = Pattern.compile("\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{1,4}");

  /**
   * A dateline: an upper-case place (with an optional region and agency) and a dash, as in
   * "WASHINGTON —", "BEIRUT (Reuters) -", "DAMASCUS, Syria (AP) —", "LONDON, Dec 5 (Reuters) -",
   * "BEIRUT, Dec 5, 2024 (Reuters) -".
   */
  private static final Pattern DATELINE_CAPS =
      Pattern.compile(
          "(\\p{Lu}[\\p{Lu}'’.\\-]{1,30}(?: \\p{Lu}[\\p{Lu}'’.\\-]{1,30}){0,3})"
              + "(?:, (\\p{Lu}[\\p{L}'’.\\-]{1,30}(?: \\p{Lu}[\\p{L}'’.\\-]{1,30}){0,2}))?"
              + "(?:,? (?<date>\\p{Lu}[a-z]{2,8}\\.? \\d{1,2}(?:, \\d{4})?))?"
              + "(?: \\((?:[\\p{L}&.\\- ]{1,30})\\))? ?[—–-]{1,2} ");

  /** A mixed-case place needs the agency to be a dateline: "Beirut, Lebanon (CNN) —". */
  private static final Pattern DATELINE_AGENCY =
      Pattern.compile(
          "(\\p{Lu}[\\p{Ll}'’.\\-]{1,30}(?: \\p{Lu}[\\p{Ll}'’.\\-]{1,30}){0,2})"
              + "(?:, (\\p{Lu}[\\p{L}'’.\\-]{1,30}(?: \\p{Lu}[\\p{L}'’.\\-]{1,30}){0,2}))?"
              + " \\((?:[\\p{Lu}][\\p{L}&.\\- ]{0,29})\\) ?[—–-]{1,2} ");

  private DateLines() {}

  /** The date of a line that is only a date, perhaps labelled; empty otherwise. */
  static Optional<Found> wholeLine(Line line) {
    String norm = line.norm;
    if (norm.length() > 100 || line.words > 14 || !hasDigit(norm)) {
      return Optional.empty();
    }
    String lower = norm.toLowerCase(Locale.ROOT);
    boolean digit = false;
    boolean numericDate = false;
    String firstLabel = null;
    int i = 0;
    while (i < lower.length()) {
      int j = lower.indexOf(' ', i);
      if (j < 0) {
        j = lower.length();
      }
      String token = trim(lower.substring(i, j));
      i = j + 1;
      if (token.isEmpty()) {
        continue;
      }
      if (NUMBERISH.matcher(token).matches()) {
        digit = true;
        numericDate |= NUMERIC_DATE.matcher(token).matches();
      } else if (!DATE_WORDS.contains(token)) {
        return Optional.empty();
      } else if (firstLabel == null && LABELS.contains(token)) {
        firstLabel = token;
      }
    }
    if (!digit) {
      return Optional.empty();
    }
    Optional<String> iso = read(norm);
    if (iso.isEmpty() && !numericDate) {
      return Optional.empty();
    }
    boolean updated = firstLabel != null && UPDATE_LABELS.contains(firstLabel);
    return Optional.of(new Found(iso, updated, firstLabel != null, norm.length()));
  }

  /** A labelled date at the start of a line that goes on with text; empty otherwise. */
  static Optional<Found> gluedMarker(Line line) {
    Matcher m = GLUED.matcher(line.norm);
    if (!m.lookingAt()) {
      return Optional.empty();
    }
    String label = line.norm.substring(0, Math.min(4, line.norm.length())).toLowerCase(Locale.ROOT);
    boolean updated = label.startsWith("upda") || label.startsWith("last");
    return Dates.normalize(m.group(1))
        .or(() -> Dates.findTextualDate(m.group(1)))
        .map(iso -> new Found(Optional.of(iso), updated, true, m.end()));
  }

  /**
   * The date that ends {@code s} after a separator (", ", " on ", " | "), with the index where the
   * separator begins; empty when {@code s} does not end in a date.
   */
  static Optional<Found> trailing(String s) {
    if (s.length() > 160
        || s.isEmpty()
        || !Character.isDigit(s.charAt(s.length() - 1))
            && !Character.isLetter(s.charAt(s.length() - 1))) {
      return Optional.empty();
    }
    Matcher m = TRAILING.matcher(s);
    if (!m.find()) {
      return Optional.empty();
    }
    int start = m.start();
    return Dates.normalize(m.group(1))
        .or(() -> Dates.findTextualDate(m.group(1)))
        .map(iso -> new Found(Optional.of(iso), false, true, start));
  }

  /** The place of the dateline that opens a paragraph, as printed; empty when there is none. */
  static Optional<String> dateline(String paragraph) {
    for (Pattern p : new Pattern[] {DATELINE_CAPS, DATELINE_AGENCY}) {
      Matcher m = p.matcher(paragraph);
      if (m.lookingAt()) {
        String place = m.group(1);
        if (place.length() < 3 || !Character.isLetter(place.charAt(place.length() - 1))) {
          continue;
        }
        return Optional.of(m.group(2) == null ? place : place + ", " + m.group(2));
      }
    }
    return Optional.empty();
  }

  /**
   * The date a dateline prints, when it gives the year too ("BEIRUT, Dec 5, 2024 (Reuters) -");
   * empty otherwise: a day without a year is not resolved here.
   */
  static Optional<String> datelineDate(String paragraph) {
    Matcher m = DATELINE_CAPS.matcher(paragraph);
    if (!m.lookingAt() || m.group("date") == null) {
      return Optional.empty();
    }
    return Dates.findTextualDate(m.group("date"));
  }

  private static Optional<String> read(String norm) {
    Optional<String> textual = Dates.findTextualDate(norm);
    if (textual.isPresent()) {
      return textual;
    }
    Matcher iso = ISO_DATE.matcher(norm);
    if (iso.find()) {
      return Dates.normalize(iso.group());
    }
    String lower = norm.toLowerCase(Locale.ROOT);
    int i = 0;
    while (i < lower.length()) {
      int j = lower.indexOf(' ', i);
      if (j < 0) {
        j = lower.length();
      }
      String token = trim(lower.substring(i, j));
      i = j + 1;
      if (token.indexOf('/') > 0 || token.indexOf('.') > 0) {
        Optional<String> d = Dates.normalize(token);
        if (d.isPresent() && d.get().length() == 10) {
          return d;
        }
      }
    }
    return Optional.empty();
  }

  private static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static String trim(String token) {
    int b = 0;
    int e = token.length();
    while (b < e && !Character.isLetterOrDigit(token.charAt(b))) {
      b++;
    }
    while (e > b && ",;|:·•—–-".indexOf(token.charAt(e - 1)) >= 0) {
      e--;
    }
    if (e > b + 1 && token.charAt(e - 1) == '.' && token.indexOf('.', b) == e - 1) {
      e--;
    }
    return token.substring(b, e);
  }

}
