package org.triangulate.align;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The things two sentences that say the same thing must agree on. Each check looks for a
 * substitution, not for mere absence: a sentence that leaves a number or a name out can still say
 * the same thing, one that puts another number in its place cannot.
 *
 * <ul>
 *   <li>{@code number}: a number of one sentence and a number of the other are followed by the same
 *       content word ({@code five days} and {@code three days}, {@code 23 troops} and {@code 26
 *       troops}) or by two units of length ({@code 25 miles} and {@code 200 kilometers}), and
 *       neither agrees with any number of the other sentence. Numbers agree when equal, when one is
 *       the other rounded ({@code 1.5} and {@code 1.52}, {@code 770} and {@code 767}), when they are
 *       within {@value #TOLERANCE} of each other (relative), or within {@value #HEDGED_TOLERANCE}
 *       when one is hedged ({@code about}, {@code nearly}, {@code at least}...). Two lengths in
 *       different units agree when, converted, they are within {@value #CONVERTED_TOLERANCE} (a
 *       conversion is rounded: {@code 40 kilometers (25 miles)}), or {@value #HEDGED_TOLERANCE}
 *       when one is hedged.
 *   <li>{@code negation}: one sentence has a negation ({@link SentenceTokens#negations}) and the
 *       other has none, and the first content word in the four words after the negation is in the
 *       other sentence ({@code had not withdrawn} and {@code had withdrawn}, {@code denied that the
 *       insurgents} and {@code said the insurgents}).
 *   <li>{@code date}: both name a month and none in common, or both name a day of the week and none
 *       in common, not counting a day within two words after a verb or noun of saying ({@code said
 *       Tuesday}, {@code in an interview Tuesday}), which dates the report rather than the fact.
 *   <li>{@code name}: a capitalised name of one sentence that the other lacks stands between the
 *       same two words as a name of the other that the first lacks ({@code expects Ford to} and
 *       {@code expects Chrysler to}), and the two are not spellings of one name (they share no
 *       three-letter start and differ in more than a third of their letters; nationality words and
 *       initialisms are let through: {@code U.S.} and {@code American}).
 *   <li>{@code direction}: both give a compass direction of the same place ({@code south of Hama}
 *       and {@code north of Hama}, {@code northern Syria} and {@code southern Syria}) and no
 *       direction of one shares a point with a direction of the other ({@code north} and {@code
 *       northwest} agree, {@code north} and {@code east} do not). A place located from two
 *       different places is not compared: {@code Homs is south of Hama} and {@code Hama is north of
 *       Homs} say the same thing.
 * </ul>
 */
final class SentenceChecks {

  /** Numbers within this relative difference agree (a price quoted a little later). */
  static final double TOLERANCE = 0.01;

  /** Hedged numbers ("about 25") agree with numbers within this relative difference. */
  static final double HEDGED_TOLERANCE = 0.2;

  /** Lengths in two units agree, converted, within this relative difference. */
  static final double CONVERTED_TOLERANCE = 0.1;

  /** Units of length as {@link SentenceTokens#words} spells them, in meters. */
  private static final Map<String, Double> LENGTHS =
      Map.of(
          "kilometers", 1000.0, "miles", 1609.344, "meters", 1.0, "feet", 0.3048, "yards", 0.9144,
          "yard", 0.9144);

  /** Compass directions as words and adjectives, by the points they name. */
  private static final Map<String, String> DIRECTIONS =
      Map.ofEntries(
          Map.entry("north", "n"), Map.entry("south", "s"), Map.entry("east", "e"), Map.entry("west", "w"),
          Map.entry("northeast", "ne"), Map.entry("northwest", "nw"), Map.entry("southeast", "se"),
          Map.entry("southwest", "sw"), Map.entry("northern", "n"), Map.entry("southern", "s"),
          Map.entry("eastern", "e"), Map.entry("western", "w"), Map.entry("northeastern", "ne"),
          Map.entry("northwestern", "nw"), Map.entry("southeastern", "se"), Map.entry("southwestern", "sw"));

  private static final Set<String> HEDGES =
      Set.of(
          "about", "nearly", "almost", "around", "roughly", "some", "approximately", "approached",
          "over", "than", "least", "most", "estimated", "close", "under", "just");

  private static final Set<String> SAYING =
      Set.of(
          "said", "says", "say", "told", "announced", "reported", "added", "stated", "confirmed",
          "statement", "interview", "comment", "comments", "briefing", "conference");

  private SentenceChecks() {}

  /** The names of the checks that fail, in the order {@code number negation date name direction}. */
  static List<String> failures(SentenceTokens a, SentenceTokens b) {
    List<String> out = new ArrayList<>(5);
    if (numberConflict(a, b) || numberConflict(b, a)) {
      out.add("number");
    }
    if (negationFlip(a, b) || negationFlip(b, a)) {
      out.add("negation");
    }
    if (dateConflict(a, b)) {
      out.add("date");
    }
    if (nameConflict(a, b)) {
      out.add("name");
    }
    if (directionConflict(a, b)) {
      out.add("direction");
    }
    return out;
  }

  /** Whether no check fails. */
  static boolean agree(SentenceTokens a, SentenceTokens b) {
    return !numberConflict(a, b) && !numberConflict(b, a) && !negationFlip(a, b) && !negationFlip(b, a)
        && !dateConflict(a, b) && !nameConflict(a, b) && !directionConflict(a, b);
  }

  private static boolean numberConflict(SentenceTokens a, SentenceTokens b) {
    List<String> wa = a.words;
    List<String> wb = b.words;
    for (int i = 0; i + 1 < wa.size(); i++) {
      if (!a.numbers.contains(wa.get(i)) || agreesWithAny(a, i, b)) {
        continue;
      }
      String after = wa.get(i + 1);
      if (SentenceTokens.STOPWORDS.contains(after) || a.numbers.contains(after)) {
        continue;
      }
      boolean length = LENGTHS.containsKey(after);
      for (int j = 0; j + 1 < wb.size(); j++) {
        if (b.numbers.contains(wb.get(j))
            && (wb.get(j + 1).equals(after) || length && LENGTHS.containsKey(wb.get(j + 1)))
            && !agreesWithAny(b, j, a)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether the number at {@code a.words[i]} agrees with some number of {@code b}; a length and a
   * length in another unit agree only converted.
   */
  private static boolean agreesWithAny(SentenceTokens a, int i, SentenceTokens b) {
    String x = a.words.get(i);
    boolean hedged = i > 0 && HEDGES.contains(a.words.get(i - 1));
    Double unit = i + 1 < a.words.size() ? LENGTHS.get(a.words.get(i + 1)) : null;
    for (int j = 0; j < b.words.size(); j++) {
      String y = b.words.get(j);
      if (!b.numbers.contains(y)) {
        continue;
      }
      boolean eitherHedged = hedged || (j > 0 && HEDGES.contains(b.words.get(j - 1)));
      Double other = unit != null && j + 1 < b.words.size() ? LENGTHS.get(b.words.get(j + 1)) : null;
      if (other != null && !other.equals(unit)
          ? lengthsAgree(x, unit, y, other, eitherHedged)
          : numbersAgree(x, y, eitherHedged)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code x} units of {@code ux} meters and {@code y} of {@code uy} are one length. */
  private static boolean lengthsAgree(String x, double ux, String y, double uy, boolean hedged) {
    double a;
    double b;
    try {
      a = Double.parseDouble(x) * ux;
      b = Double.parseDouble(y) * uy;
    } catch (NumberFormatException e) {
      return false;
    }
    double tolerance = hedged ? Math.max(HEDGED_TOLERANCE, CONVERTED_TOLERANCE) : CONVERTED_TOLERANCE;
    return Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b));
  }

  static boolean numbersAgree(String x, String y, boolean hedged) {
    if (x.equals(y)) {
      return true;
    }
    BigDecimal a;
    BigDecimal b;
    try {
      a = new BigDecimal(x).stripTrailingZeros();
      b = new BigDecimal(y).stripTrailingZeros();
    } catch (NumberFormatException e) {
      return false;
    }
    if (a.compareTo(b) == 0) {
      return true;
    }
    // Rounded: the coarser number is within one unit of its last digit of the finer one.
    if (a.scale() != b.scale()) {
      BigDecimal unit = BigDecimal.ONE.scaleByPowerOfTen(-Math.min(a.scale(), b.scale()));
      if (a.subtract(b).abs().compareTo(unit) < 0) {
        return true;
      }
    }
    double difference = Math.abs(a.doubleValue() - b.doubleValue());
    double scale = Math.max(Math.abs(a.doubleValue()), Math.abs(b.doubleValue()));
    return difference <= (hedged ? HEDGED_TOLERANCE : TOLERANCE) * scale;
  }

  private static boolean negationFlip(SentenceTokens a, SentenceTokens b) {
    if (a.negations == 0 || b.negations > 0) {
      return false;
    }
    Terms stems = b.stemTerms;
    List<String> wa = a.words;
    for (int i = 0; i < wa.size(); i++) {
      if (!SentenceTokens.isNegation(wa, i)) {
        continue;
      }
      for (int k = i + 1; k < Math.min(wa.size(), i + 5); k++) {
        if (SentenceTokens.STOPWORDS.contains(wa.get(k)) || SentenceTokens.isNegation(wa, k)) {
          continue;
        }
        if (stems.contains(a.stems.get(k))) {
          return true;
        }
        break;
      }
    }
    return false;
  }

  private static boolean dateConflict(SentenceTokens a, SentenceTokens b) {
    if (!a.months.isEmpty() && !b.months.isEmpty() && Collections.disjoint(a.months, b.months)) {
      return true;
    }
    Set<String> da = factDays(a);
    Set<String> db = factDays(b);
    return !da.isEmpty() && !db.isEmpty() && Collections.disjoint(da, db);
  }

  /** The weekdays of a sentence, without those within two words after a word of saying. */
  private static Set<String> factDays(SentenceTokens t) {
    if (t.weekdays.isEmpty()) {
      return t.weekdays;
    }
    Set<String> out = new HashSet<>();
    for (int i = 0; i < t.words.size(); i++) {
      String w = t.words.get(i);
      if (!t.weekdays.contains(w)) {
        continue;
      }
      boolean reportDate = false;
      for (int k = Math.max(0, i - 2); k < i; k++) {
        reportDate |= SAYING.contains(t.words.get(k));
      }
      if (!reportDate) {
        out.add(w);
      }
    }
    return out;
  }

  private static boolean nameConflict(SentenceTokens a, SentenceTokens b) {
    List<String> wa = a.words;
    List<String> wb = b.words;
    for (int i : a.namePositions) {
      String n = wa.get(i);
      if (i == 0 || i + 1 >= wa.size() || b.wordTerms.contains(n)) {
        continue;
      }
      for (int j : b.namePositions) {
        if (j == 0 || j + 1 >= wb.size()) {
          continue;
        }
        String m = wb.get(j);
        if (wa.get(i - 1).equals(wb.get(j - 1)) && wa.get(i + 1).equals(wb.get(j + 1))
            && !a.wordTerms.contains(m) && !spellings(n, m)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean directionConflict(SentenceTokens a, SentenceTokens b) {
    Map<String, String> da = a.directions;
    Map<String, String> db = b.directions;
    if (da.isEmpty() || db.isEmpty()) {
      return false;
    }
    for (Map.Entry<String, String> e : da.entrySet()) {
      String other = db.get(e.getKey());
      if (other != null && !sharesPoint(e.getValue(), other)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The places a sentence gives directions of, each with the points of those directions: {@code
   * south of (the) X}, {@code north-east of X} (two words), {@code southern X}.
   */
  static Map<String, String> directions(List<String> words) {
    Map<String, String> out = Map.of();
    for (int k = 0; k + 1 < words.size(); k++) {
      String d = DIRECTIONS.get(words.get(k));
      if (d == null) {
        continue;
      }
      String place;
      if (words.get(k).endsWith("ern")) {
        place = words.get(k + 1);
      } else if (words.get(k + 1).equals("of") && k + 2 < words.size()) {
        int p = k + 2;
        if (words.get(p).equals("the") && p + 1 < words.size()) {
          p++;
        }
        place = words.get(p);
      } else {
        continue;
      }
      if (k > 0 && (d.equals("e") || d.equals("w"))) {
        String before = DIRECTIONS.get(words.get(k - 1));
        if ("n".equals(before) || "s".equals(before)) {
          d = before + d; // "north-east": hyphens split words
        }
      }
      if (out.isEmpty()) {
        out = new java.util.HashMap<>();
      }
      out.merge(place, d, String::concat);
    }
    return Map.copyOf(out);
  }

  /** Whether two sets of compass points (as letters) have a point in common. */
  private static boolean sharesPoint(String x, String y) {
    for (int i = 0; i < x.length(); i++) {
      if (y.indexOf(x.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** Whether two names may be spellings of one name: a common start, or few letters apart. */
  static boolean spellings(String x, String y) {
    if (nationality(x) || nationality(y)) {
      return true; // "U.S." and "American", "UK" and "British" name one country
    }
    if (x.length() >= 3 && y.length() >= 3 && x.regionMatches(0, y, 0, 3)) {
      return true;
    }
    return letterDistance(x, y) * 3 <= Math.max(x.length(), y.length());
  }

  /** Initialisms of up to three letters and words that look like nationality adjectives. */
  private static boolean nationality(String w) {
    return w.length() <= 3 || w.endsWith("an") || w.endsWith("ish") || w.endsWith("ese") || w.endsWith("i");
  }

  private static int letterDistance(String x, String y) {
    int[] prev = new int[y.length() + 1];
    int[] cur = new int[y.length() + 1];
    for (int j = 0; j <= y.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= x.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= y.length(); j++) {
        int sub = prev[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[y.length()];
  }
}
