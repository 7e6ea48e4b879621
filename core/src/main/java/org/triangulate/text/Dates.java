package org.triangulate.text;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the publication dates that news pages and datasets carry, in their many spellings, and
 * writes them in one ISO-8601 form: {@code yyyy-MM-dd} when only the day is known, {@code
 * yyyy-MM-ddTHH:mm:ssZ} (UTC) when the time is known too.
 *
 * <p>It does not guess between day-first and month-first numeric dates ({@code 05/12/2024}); those
 * are read only when one reading is impossible.
 */
public final class Dates {

  private static final DateTimeFormatter ISO_OUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT);

  private static final Pattern ISO_LIKE =
      Pattern.compile(
          "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?\\s*(Z|UTC|GMT|[+-]\\d{2}:?\\d{2})?)?");

  private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(?:T?(\\d{2})(\\d{2})(\\d{2})Z?)?");

  private static final Pattern SLASHED = Pattern.compile("(\\d{1,4})[/.](\\d{1,2})[/.](\\d{1,4})");

  private static final List<DateTimeFormatter> TEXTUAL_DATE_TIMES =
      List.of(
          DateTimeFormatter.RFC_1123_DATE_TIME,
          new DateTimeFormatterBuilder()
              .parseCaseInsensitive()
              .appendPattern("[EEE, ][EEEE, ]d MMM uuuu HH:mm[:ss] ")
              .appendOffset("+HHMM", "GMT")
              .toFormatter(Locale.ENGLISH));

  private static final Pattern MONTH_NAME =
      Pattern.compile(
          "(?i)\\b(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?)?"
              + "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?"
              + "(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?)?,?\\s+(\\d{4})\\b");

  private Dates() {}

  /**
   * Reads a date or date-time written in any of the common forms: ISO-8601 (with or without time
   * and offset), RFC 1123 ({@code Thu, 05 Dec 2024 10:20:00 GMT}), compact ({@code 20241205}),
   * English with a month name ({@code December 5, 2024}, {@code 5 Dec 2024}), and unambiguous
   * numeric forms ({@code 2024/12/05}, {@code 25/12/2024}). Returns the ISO form, or empty when the
   * value is not a date this reads.
   */
  public static Optional<String> normalize(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String s = value.strip();
    if (s.isEmpty() || s.length() > 200) {
      return Optional.empty();
    }
    try {
      Matcher m = ISO_LIKE.matcher(s);
      if (m.lookingAt()) {
        return isoLike(m);
      }
      m = COMPACT.matcher(s);
      if (m.matches()) {
        LocalDate d = LocalDate.of(num(m.group(1)), num(m.group(2)), num(m.group(3)));
        if (m.group(4) == null) {
          return Optional.of(d.toString());
        }
        return Optional.of(
            ISO_OUT.format(d.atTime(num(m.group(4)), num(m.group(5)), num(m.group(6)))));
      }
      for (DateTimeFormatter f : TEXTUAL_DATE_TIMES) {
        try {
          ZonedDateTime z = ZonedDateTime.parse(s, f);
          return Optional.of(ISO_OUT.format(z.withZoneSameInstant(ZoneOffset.UTC)));
        } catch (DateTimeParseException ignored) {
          // try the next form
        }
      }
      m = MONTH_NAME.matcher(s);
      if (m.find()) {
        String day = m.group(1) != null ? m.group(1) : m.group(3);
        if (day != null) {
          return Optional.of(
              LocalDate.of(num(m.group(4)), month(m.group(2)), num(day)).toString());
        }
      }
      m = SLASHED.matcher(s);
      if (m.lookingAt()) {
        return slashed(num(m.group(1)), num(m.group(2)), num(m.group(3)), m.group(1).length());
      }
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** The first date with a month name found anywhere in {@code text}, as in a dateline. */
  public static Optional<String> findTextualDate(String text) {
    Matcher m = MONTH_NAME.matcher(text);
    while (m.find()) {
      String day = m.group(1) != null ? m.group(1) : m.group(3);
      if (day == null) {
        continue;
      }
      try {
        return Optional.of(LocalDate.of(num(m.group(4)), month(m.group(2)), num(day)).toString());
      } catch (DateTimeException e) {
        // not a real date; look further
      }
    }
    return Optional.empty();
  }

  private static Optional<String> isoLike(Matcher m) {
    LocalDate d = LocalDate.of(num(m.group(1)), num(m.group(2)), num(m.group(3)));
    if (m.group(4) == null) {
      return Optional.of(d.toString());
    }
    LocalDateTime t =
        d.atTime(num(m.group(4)), num(m.group(5)), m.group(6) == null ? 0 : num(m.group(6)));
    String zone = m.group(7);
    if (zone == null) {
      // A local time with no offset: the day is certain, the instant is not.
      return Optional.of(d.toString());
    }
    ZoneOffset offset =
        switch (zone) {
          case "Z", "UTC", "GMT" -> ZoneOffset.UTC;
          default -> ZoneOffset.of(zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone);
        };
    return Optional.of(
        ISO_OUT.format(OffsetDateTime.of(t, offset).withOffsetSameInstant(ZoneOffset.UTC)));
  }

  private static Optional<String> slashed(int a, int b, int c, int firstDigits) {
    if (firstDigits == 4) {
      return Optional.of(LocalDate.of(a, b, c).toString());
    }
    if (c < 1000) {
      return Optional.empty();
    }
    if (a > 12 && b <= 12) {
      return Optional.of(LocalDate.of(c, b, a).toString());
    }
    if (b > 12 && a <= 12) {
      return Optional.of(LocalDate.of(c, a, b).toString());
    }
    if (a == b) {
      return Optional.of(LocalDate.of(c, a, b).toString());
    }
    return Optional.empty();
  }

  private static int month(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return switch (n.substring(0, 3)) {
      case "jan" -> 1;
      case "feb" -> 2;
      case "mar" -> 3;
      case "apr" -> 4;
      case "may" -> 5;
      case "jun" -> 6;
      case "jul" -> 7;
      case "aug" -> 8;
      case "sep" -> 9;
      case "oct" -> 10;
      case "nov" -> 11;
      case "dec" -> 12;
      default -> throw new DateTimeException("not a month: " + name);
    };
  }

  private static int num(String digits) {
    return Integer.parseInt(digits);
  }

}
