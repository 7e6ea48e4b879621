package org.triangulate.group;

import java.util.List;
import java.util.Set;
import org.triangulate.text.CalendarWords;

/** The few English word lists feature extraction needs. Immutable. */
final class Lexicon {

  private Lexicon() {}

  /**
   * Function words and reporting verbs that say nothing about which event an article reports; a
   * capitalised one ("The", "But") also ends a name.
   */
  static final Set<String> STOP_WORDS =
      Set.of(
          ("a about above after again against all also am an and any are as at be because been"
               + " before being below between both but by can could did do does doing down during"
               + " each few for from further had has have having he her here hers herself him"
               + " himself his how i if in into is it its itself just me more most my myself no nor"
               + " not now of off on once only or other our ours ourselves out over own same she"
               + " should so some such than that the their theirs them themselves then there these"
               + " they this those through to too under until up very was we were what when where"
               + " which while who whom why will with would you your yours yourself yourselves said"
               + " says say told tell according one two three new like get got go going us year"
               + " years time day days week weeks last first since still may might must shall mr"
               + " mrs ms s t re ve ll d m don't doesn't didn't can't won't isn't wasn't aren't"
               + " weren't hasn't haven't hadn't wouldn't couldn't shouldn't")
              .split(" "));

  /** Lower-case words that may stand inside a name: "Bank of America", "Bashar al-Assad". */
  static final Set<String> CONNECTORS =
      Set.of(
          "of", "de", "del", "della", "di", "da", "du", "des", "al", "el", "bin", "ibn", "van",
          "von", "der", "den", "la", "le", "y");

  /** Prepositions after which a capitalised phrase is taken for a place. */
  static final Set<String> LOCATIVES =
      Set.of(
          "in",
          "at",
          "near",
          "outside",
          "from",
          "across",
          "around",
          "into",
          "toward",
          "towards",
          "inside",
          "throughout");

  /** Month and weekday names: never places. */
  static final Set<String> CALENDAR =
      CalendarWords.union(
          List.of(),
          CalendarWords.MONTHS,
          CalendarWords.MONTH_ABBREVIATIONS,
          CalendarWords.WEEKDAYS);
}
