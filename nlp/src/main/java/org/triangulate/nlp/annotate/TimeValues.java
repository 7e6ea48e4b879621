package org.triangulate.nlp.annotate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SUTime's unresolved TIMEX3 values, resolved against a reference date.
 *
 * <p>Values: day {@code 2024-12-05}, ISO week {@code 2024-W49}, weekend {@code 2024-W48-WE}
 * (granularity week), month {@code 2024-11}, season {@code 2024-FA} (TIMEX3 codes SP, SU, FA, WI;
 * spring = March-May, summer = June-August, fall = September-November, winter of year Y =
 * December Y to February Y+1), year {@code 2011}, decade {@code 198X}, century {@code 19XX},
 * interval {@code 2023-12-05/2024-12-05}. With no reference, a relative value keeps its pattern:
 * {@code XXXX-WXX-4}, {@code XXXX-11-27}, {@code XXXX-11}, {@code XXXX-FA}, {@code XXXX-WXX},
 * {@code XXXX-XX-XX}, {@code XXXX-XX}, {@code XXXX}, {@code XX8X}, {@code P1Y/XXXX-XX-XX}.
 */
final class TimeValues {

  /** How far past the reference a past or tenseless month-day may fall ("November 27"). */
  static final int SLACK_DAYS = 7;

  /** A resolved value; {@code relative} when it needed (or would have needed) the reference. */
  record Value(String value, String granularity, boolean relative) {}

  private static final Pattern TIME_OF_DAY =
      Pattern.compile("^(?:THIS )?(?:T?(?:MO|AF|EV|NI|MI|DT)|T\\d.*)$");
  private static final Pattern STRIP_CLOCK =
      Pattern.compile("^((?:XXXX|\\d{4})-(?:WXX-\\d|\\d{2}-\\d{2}))T\\S*");
  private static final Pattern THIS_WEEK = Pattern.compile("^THIS P1W(?: OFFSET P(-?\\d+)W)?$");
  private static final Pattern PREV_NEXT =
      Pattern.compile("^(PREV|NEXT) (?:P1([DWMY])|XXXX-WXX-([1-7]))$");
  private static final Pattern WEEKDAY_ONLY = Pattern.compile("^(?:THIS )?XXXX-WXX-([1-7])$");

  private static final Pattern ABS_DAY = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})$");
  private static final Pattern ABS_MONTH = Pattern.compile("^(\\d{4})-(\\d{2})$");
  private static final Pattern ABS_YEAR = Pattern.compile("^(\\d{4})$");
  private static final Pattern ABS_DECADE = Pattern.compile("^(\\d{3})X$");
  private static final Pattern ABS_CENTURY = Pattern.compile("^(\\d{2})XX$");
  private static final Pattern ABS_SEASON = Pattern.compile("^(\\d{4})-(SP|SU|FA|WI)$");
  private static final Pattern ABS_WEEK = Pattern.compile("^(\\d{4})-W(\\d{2})$");
  private static final Pattern ABS_QUARTER = Pattern.compile("^(\\d{4})-(?:FY)?Q([1-4])$");
  private static final Pattern WEEKDAY =
      Pattern.compile("^(?:THIS )?XXXX-WXX-([1-7])(?: OFFSET P(-?\\d+)W)?$");
  private static final Pattern MONTH_DAY = Pattern.compile("^XXXX-(\\d{2})-(\\d{2})$");
  private static final Pattern MONTH = Pattern.compile("^XXXX-(\\d{2})$");
  private static final Pattern SEASON =
      Pattern.compile("^(?:XXXX-|THIS )(SP|SU|FA|WI)(?: OFFSET P(-?1)Y)?$");
  private static final Pattern WEEKEND =
      Pattern.compile("^(XXXX-|THIS )WE(?: OFFSET P(-?\\d+)W)?$");
  private static final Pattern THIS_UNIT =
      Pattern.compile("^THIS P(1|10|100)([DWMY])(?: OFFSET P(-?\\d+)([DWMY]))?$");
  private static final Pattern OFFSET = Pattern.compile("^OFFSET P(-?\\d+)([DWMY])$");
  private static final Pattern DAY_PART =
      Pattern.compile("^(?:THIS T?(?:MO|AF|EV|NI)|T?(?:MO|AF|EV|NI) OFFSET P(-?\\d+)D)$");
  private static final Pattern IMMEDIATE =
      Pattern.compile("^(PREV|NEXT)_IMMEDIATE P(\\d+)([DWMY])$");
  private static final Pattern PARTIAL_DECADE = Pattern.compile("^XX(\\d)X$");

  private TimeValues() {}

  /**
   * The value of SUTime expression {@code expr} ({@code XXXX-WXX-4}, {@code THIS P1W OFFSET
   * P-1W}, {@code 2011-03}...) against {@code ref}, or empty when it is not a time this component
   * reports (durations, times of day alone, PAST_REF, shapes it does not know).
   */
  static Optional<Value> resolve(String expr, Optional<LocalDate> ref, TimeTense tense) {
    String e = simplify(expr);
    if (e == null) {
      return Optional.empty();
    }
    Matcher m;
    // Absolute.
    if ((m = ABS_DAY.matcher(e)).matches()) {
      return valid(m.group(1), m.group(2), m.group(3))
          .map(d -> new Value(d.toString(), "day", false));
    }
    if ((m = ABS_MONTH.matcher(e)).matches()) {
      int month = Integer.parseInt(m.group(2));
      return month >= 1 && month <= 12
          ? Optional.of(new Value(e, "month", false)) : Optional.empty();
    }
    if (ABS_YEAR.matcher(e).matches()) {
      return Optional.of(new Value(e, "year", false));
    }
    if (ABS_DECADE.matcher(e).matches()) {
      return Optional.of(new Value(e, "decade", false));
    }
    if (ABS_CENTURY.matcher(e).matches()) {
      return Optional.of(new Value(e, "century", false));
    }
    if (ABS_SEASON.matcher(e).matches()) {
      return Optional.of(new Value(e, "season", false));
    }
    if (ABS_WEEK.matcher(e).matches()) {
      return Optional.of(new Value(e, "week", false));
    }
    if ((m = ABS_QUARTER.matcher(e)).matches()) {
      int y = Integer.parseInt(m.group(1));
      int q = Integer.parseInt(m.group(2));
      LocalDate start = LocalDate.of(y, 3 * q - 2, 1);
      LocalDate end = YearMonth.of(y, 3 * q).atEndOfMonth();
      return Optional.of(new Value(start + "/" + end, "interval", false));
    }
    // Relative.
    if ((m = WEEKDAY.matcher(e)).matches()) {
      DayOfWeek dow = DayOfWeek.of(Integer.parseInt(m.group(1)));
      String pattern = "XXXX-WXX-" + dow.getValue();
      if (ref.isEmpty()) {
        return rel(pattern, "day");
      }
      LocalDate r = ref.get();
      LocalDate d = m.group(2) != null
          ? r.plusWeeks(Integer.parseInt(m.group(2))).with(ChronoField.DAY_OF_WEEK, dow.getValue())
          : weekday(r, dow, tense);
      return rel(d.toString(), "day");
    }
    if ((m = MONTH_DAY.matcher(e)).matches()) {
      int month = Integer.parseInt(m.group(1));
      int day = Integer.parseInt(m.group(2));
      if (month < 1 || month > 12 || day < 1 || day > 31) {
        return Optional.empty();
      }
      if (ref.isEmpty()) {
        return rel(e, "day");
      }
      return monthDay(ref.get(), month, day, tense).flatMap(d -> rel(d.toString(), "day"));
    }
    if ((m = MONTH.matcher(e)).matches()) {
      int month = Integer.parseInt(m.group(1));
      if (month < 1 || month > 12) {
        return Optional.empty();
      }
      if (ref.isEmpty()) {
        return rel(e, "month");
      }
      return rel(month(ref.get(), month, tense).toString(), "month");
    }
    if ((m = SEASON.matcher(e)).matches()) {
      String s = m.group(1);
      if (ref.isEmpty()) {
        return rel("XXXX-" + s, "season");
      }
      boolean bare = e.startsWith("XXXX-") && m.group(2) == null;
      boolean thisSeason = e.startsWith("THIS ") && m.group(2) == null;
      int y;
      if (bare) {
        y = season(ref.get(), s, tense);
      } else if (thisSeason) {
        y = ref.get().getYear() - (s.equals("WI") && ref.get().getMonthValue() <= 2 ? 1 : 0);
      } else if (m.group(2).startsWith("-")) {
        y = lastSeason(ref.get(), s);
      } else {
        y = nextSeason(ref.get(), s);
      }
      return rel(y + "-" + s, "season");
    }
    if ((m = WEEKEND.matcher(e)).matches()) {
      if (ref.isEmpty()) {
        return rel("XXXX-WXX-WE", "week");
      }
      LocalDate r = ref.get();
      LocalDate saturday;
      if (m.group(1).equals("THIS ") || m.group(2) != null) {
        int n = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        saturday = r.plusWeeks(n).with(DayOfWeek.SATURDAY);
      } else {
        saturday = weekend(r, tense);
      }
      return rel(week(saturday) + "-WE", "week");
    }
    if ((m = THIS_UNIT.matcher(e)).matches()) {
      int n = Integer.parseInt(m.group(1));
      String unit = m.group(2);
      if (n != 1 && !unit.equals("Y")) {
        return Optional.empty();
      }
      String gran = n == 10 ? "decade" : n == 100 ? "century" : granularity(unit);
      if (ref.isEmpty()) {
        return rel(pattern(gran), gran);
      }
      LocalDate d = ref.get();
      if (m.group(3) != null) {
        d = plus(d, Integer.parseInt(m.group(3)), m.group(4));
      }
      return rel(format(d, gran), gran);
    }
    if ((m = OFFSET.matcher(e)).matches()) {
      String gran = granularity(m.group(2));
      if (ref.isEmpty()) {
        return rel(pattern(gran), gran);
      }
      return rel(format(plus(ref.get(), Integer.parseInt(m.group(1)), m.group(2)), gran), gran);
    }
    if ((m = DAY_PART.matcher(e)).matches()) {
      if (ref.isEmpty()) {
        return rel(pattern("day"), "day");
      }
      int n = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
      return rel(ref.get().plusDays(n).toString(), "day");
    }
    if ((m = IMMEDIATE.matcher(e)).matches()) {
      boolean prev = m.group(1).equals("PREV");
      int n = Integer.parseInt(m.group(2));
      String length = "P" + n + m.group(3);
      if (ref.isEmpty()) {
        return rel(prev ? length + "/XXXX-XX-XX" : "XXXX-XX-XX/" + length, "interval");
      }
      LocalDate r = ref.get();
      LocalDate other = plus(r, prev ? -n : n, m.group(3));
      return rel(prev ? other + "/" + r : r + "/" + other, "interval");
    }
    if ((m = PARTIAL_DECADE.matcher(e)).matches()) {
      if (ref.isEmpty()) {
        return rel(e, "decade");
      }
      int refYear = ref.get().getYear();
      int start = refYear / 100 * 100 + 10 * Integer.parseInt(m.group(1));
      if (start > refYear) {
        start -= 100;
      }
      return rel((start / 10) + "X", "decade");
    }
    return Optional.empty();
  }

  /**
   * {@code expr} without clock times and times of day, with SUTime's INTERSECT of a week and a
   * weekday folded into one weekday; null when nothing datable is left.
   */
  private static String simplify(String expr) {
    if (expr == null || expr.contains("_REF")) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    for (String p : expr.trim().split(" INTERSECT ")) {
      p = STRIP_CLOCK.matcher(p.trim()).replaceFirst("$1");
      Matcher pn = PREV_NEXT.matcher(p);
      if (pn.matches()) {
        // SUTime's other spelling of "last week", "next Friday".
        String sign = pn.group(1).equals("PREV") ? "-" : "";
        p = pn.group(3) != null
            ? "XXXX-WXX-" + pn.group(3) + " OFFSET P" + sign + "1W"
            : "THIS P1" + pn.group(2) + " OFFSET P" + sign + "1" + pn.group(2);
      }
      if (!TIME_OF_DAY.matcher(p).matches() || DAY_PART.matcher(p).matches()) {
        parts.add(p);
      }
    }
    // "last Thursday night": the night is a time of day of the weekday.
    if (parts.size() > 1) {
      parts.removeIf(p -> DAY_PART.matcher(p).matches());
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    if (parts.size() == 2) {
      for (int i = 0; i < 2; i++) {
        Matcher week = THIS_WEEK.matcher(parts.get(i));
        Matcher day = WEEKDAY_ONLY.matcher(parts.get(1 - i));
        if (week.matches() && day.matches()) {
          return "XXXX-WXX-" + day.group(1) + " OFFSET P"
              + (week.group(1) == null ? "0" : week.group(1)) + "W";
        }
      }
      for (String p : parts) {
        if (!p.isEmpty() && Character.isDigit(p.charAt(0))) {
          return p;
        }
      }
    }
    return null;
  }

  /** Past: the latest such weekday on or before ref; future: the next on or after; else nearest. */
  static LocalDate weekday(LocalDate ref, DayOfWeek dow, TimeTense tense) {
    LocalDate past = ref.with(TemporalAdjusters.previousOrSame(dow));
    LocalDate future = ref.with(TemporalAdjusters.nextOrSame(dow));
    return switch (tense) {
      case PAST -> past;
      case FUTURE -> future;
      case NONE -> ChronoUnit.DAYS.between(past, ref) <= ChronoUnit.DAYS.between(ref, future)
          ? past : future;
    };
  }

  /**
   * Future: the first such day on or after ref; otherwise the last on or before ref plus {@link
   * #SLACK_DAYS}.
   */
  static Optional<LocalDate> monthDay(LocalDate ref, int month, int day, TimeTense tense) {
    if (tense == TimeTense.FUTURE) {
      for (int y = ref.getYear(); y <= ref.getYear() + 8; y++) {
        Optional<LocalDate> d = valid(y, month, day);
        if (d.isPresent() && !d.get().isBefore(ref)) {
          return d;
        }
      }
    } else {
      LocalDate limit = ref.plusDays(SLACK_DAYS);
      for (int y = limit.getYear(); y >= ref.getYear() - 8; y--) {
        Optional<LocalDate> d = valid(y, month, day);
        if (d.isPresent() && !d.get().isAfter(limit)) {
          return d;
        }
      }
    }
    return Optional.empty();
  }

  /** Future: the first such month not over by ref; otherwise the last begun by ref. */
  static YearMonth month(LocalDate ref, int month, TimeTense tense) {
    int y = ref.getYear();
    if (tense == TimeTense.FUTURE) {
      return YearMonth.of(month >= ref.getMonthValue() ? y : y + 1, month);
    }
    return YearMonth.of(month <= ref.getMonthValue() ? y : y - 1, month);
  }

  /** The year of a bare season: future, the first not over by ref; else the last begun by ref. */
  static int season(LocalDate ref, String s, TimeTense tense) {
    int y = ref.getYear();
    if (tense == TimeTense.FUTURE) {
      for (int i = y - 1; ; i++) {
        if (!seasonEnd(i, s).isBefore(ref)) {
          return i;
        }
      }
    }
    for (int i = y; ; i--) {
      if (!seasonStart(i, s).isAfter(ref)) {
        return i;
      }
    }
  }

  /** "last fall": the latest such season over before ref. */
  static int lastSeason(LocalDate ref, String s) {
    for (int i = ref.getYear(); ; i--) {
      if (seasonEnd(i, s).isBefore(ref)) {
        return i;
      }
    }
  }

  /** "next spring": the first such season beginning after ref. */
  static int nextSeason(LocalDate ref, String s) {
    for (int i = ref.getYear() - 1; ; i++) {
      if (seasonStart(i, s).isAfter(ref)) {
        return i;
      }
    }
  }

  private static LocalDate seasonStart(int y, String s) {
    return switch (s) {
      case "SP" -> LocalDate.of(y, Month.MARCH, 1);
      case "SU" -> LocalDate.of(y, Month.JUNE, 1);
      case "FA" -> LocalDate.of(y, Month.SEPTEMBER, 1);
      default -> LocalDate.of(y, Month.DECEMBER, 1);
    };
  }

  private static LocalDate seasonEnd(int y, String s) {
    return switch (s) {
      case "SP" -> LocalDate.of(y, Month.MAY, 31);
      case "SU" -> LocalDate.of(y, Month.AUGUST, 31);
      case "FA" -> LocalDate.of(y, Month.NOVEMBER, 30);
      default -> YearMonth.of(y + 1, Month.FEBRUARY).atEndOfMonth();
    };
  }

  /** The Saturday of "the weekend": past, the last begun by ref; future, the next; else nearest. */
  static LocalDate weekend(LocalDate ref, TimeTense tense) {
    LocalDate past = ref.with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
    if (ref.getDayOfWeek() == DayOfWeek.SATURDAY || ref.getDayOfWeek() == DayOfWeek.SUNDAY) {
      return past;
    }
    LocalDate future = ref.with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
    return switch (tense) {
      case PAST -> past;
      case FUTURE -> future;
      case NONE -> ChronoUnit.DAYS.between(past.plusDays(1), ref)
          <= ChronoUnit.DAYS.between(ref, future) ? past : future;
    };
  }

  static String week(LocalDate d) {
    return String.format(
        "%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  private static String format(LocalDate d, String gran) {
    return switch (gran) {
      case "day" -> d.toString();
      case "week" -> week(d);
      case "month" -> YearMonth.from(d).toString();
      case "year" -> Integer.toString(d.getYear());
      case "decade" -> (d.getYear() / 10) + "X";
      default -> (d.getYear() / 100) + "XX";
    };
  }

  private static String pattern(String gran) {
    return switch (gran) {
      case "day" -> "XXXX-XX-XX";
      case "week" -> "XXXX-WXX";
      case "month" -> "XXXX-XX";
      case "year" -> "XXXX";
      default -> "XXXX";
    };
  }

  private static String granularity(String unit) {
    return switch (unit) {
      case "D" -> "day";
      case "W" -> "week";
      case "M" -> "month";
      default -> "year";
    };
  }

  private static LocalDate plus(LocalDate d, int n, String unit) {
    return switch (unit) {
      case "D" -> d.plusDays(n);
      case "W" -> d.plusWeeks(n);
      case "M" -> d.plusMonths(n);
      default -> d.plusYears(n);
    };
  }

  private static Optional<Value> rel(String value, String gran) {
    return Optional.of(new Value(value, gran, true));
  }

  private static Optional<LocalDate> valid(String y, String m, String d) {
    return valid(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
  }

  private static Optional<LocalDate> valid(int y, int m, int d) {
    try {
      return Optional.of(LocalDate.of(y, m, d));
    } catch (java.time.DateTimeException ex) {
      return Optional.empty();
    }
  }
}
