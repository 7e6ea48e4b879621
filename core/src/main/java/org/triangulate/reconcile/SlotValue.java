package org.triangulate.reconcile;

import java.util.Locale;
import java.util.Optional;
import org.triangulate.model.Span;

/**
 * A value a sentence gives for something other sources may also state: a number with its unit, a
 * rank, a compass direction, a date.
 *
 * @param kind what sort of value
 * @param key what the value is of ("duration|fighting", "rank|place/aleppo|largest city"): values
 *     with the same key are compared; a key ending in {@code |} is compared only within one claim
 * @param value the value in normal form, for the report ("5 day", "second-largest", "2024-W48")
 * @param low the smallest value the words allow, in the kind's comparable unit (base units for
 *     numbers, the rank, epoch days for dates)
 * @param high the largest value the words allow
 * @param span the words that state it
 * @param relative for a time, whether the words are relative ("last week") and were resolved
 *     against a date
 * @param reference for a relative time, the date it was resolved against
 * @param subject for a distance, the place named just before it, whose distance it is ("Homs is
 *     located just 40 km south of Hama")
 */
record SlotValue(
    Kind kind,
    String key,
    String value,
    double low,
    double high,
    Span span,
    boolean relative,
    Optional<String> reference,
    Optional<String> subject) {

  SlotValue(Kind kind, String key, String value, double low, double high, Span span, boolean relative) {
    this(kind, key, value, low, high, span, relative, Optional.empty(), Optional.empty());
  }

  /** What sort of value, and so how two compare. */
  enum Kind {
    QUANTITY,
    DURATION,
    DISTANCE,
    RANK,
    DIRECTION,
    TIME,
    STATUS;

    String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Two tellings of whether a place was taken: a denial contradicts an unhedged telling that it
   * was entered or taken; entering parts of it contradicts an unhedged telling that it was taken.
   * For a status, {@code low} is the level (0 denied, 1 partial, 2 entered, 3 captured) and {@code
   * high} is 1 when the telling is hedged ("reportedly").
   */
  private static boolean statusCompatible(SlotValue a, SlotValue b) {
    SlotValue lo = a.low <= b.low ? a : b;
    SlotValue hi = lo == a ? b : a;
    if (lo.low == 0) {
      return hi.low == 0 || hi.high == 1;
    }
    if (lo.low == 1) {
      return hi.low < 3 || hi.high == 1;
    }
    return true;
  }

  /** Whether two values of the same key can both be true. */
  boolean compatible(SlotValue o) {
    return switch (kind) {
      case RANK -> low == o.low;
      case DIRECTION -> value.equals(o.value);
      case STATUS -> statusCompatible(this, o);
      case TIME -> low <= o.high && o.low <= high;
      default -> {
        double tol = 0.03 * Math.max(Math.abs(low), Math.abs(o.low));
        yield low <= o.high + tol && o.low <= high + tol;
      }
    };
  }
}
