package org.triangulate.text;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * English month and weekday names, full and abbreviated, in lower case: the calendar words that
 * cleaning, date reading and grouping each need to tell apart from names and places.
 */
public final class CalendarWords {

  public static final Set<String> MONTHS =
      Set.of(
          "january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december");

  public static final Set<String> MONTH_ABBREVIATIONS =
      Set.of("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");

  public static final Set<String> WEEKDAYS =
      Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

  public static final Set<String> WEEKDAY_ABBREVIATIONS =
      Set.of("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun");

  private CalendarWords() {}

  /** The union of {@code sets} and {@code more}, unmodifiable. */
  @SafeVarargs
  public static Set<String> union(List<String> more, Set<String>... sets) {
    Set<String> all = new HashSet<>(more);
    for (Set<String> s : sets) {
      all.addAll(s);
    }
    return Set.copyOf(all);
  }
}
