package org.triangulate.reconcile;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.triangulate.text.LexicalStemmer;
import org.triangulate.model.Annotations;
import org.triangulate.model.Article;
import org.triangulate.model.Entity;
import org.triangulate.model.Mention;
import org.triangulate.model.Quantity;
import org.triangulate.model.Span;
import org.triangulate.model.TimeRef;

/**
 * The values a sentence gives that other sources can contradict, each under a key that says what
 * it is a value of:
 *
 * <ul>
 *   <li>a duration of an activity ("five days of fighting", "three days of clashes"): {@code
 *       duration|fighting}, clashes, battles and combat counting as fighting;
 *   <li>a distance from a place in a direction ("40 km (25 mi) south of Hama"): {@code
 *       distance|south|place/hama}, compared in metres;
 *   <li>a rank by size ("Syria's second-largest city, Aleppo", "Aleppo – the country's largest
 *       city"): {@code rank|place/aleppo|largest city};
 *   <li>any other number with its unit and what it counts, a compass direction, and a date: these
 *       are compared only between sentences of one claim (their key ends in {@code |}), except a
 *       date, which is also compared between sentences that give the same distinctive number
 *       ("raised salaries by 50% earlier this week" against "last week"): {@code time|50
 *       percent salaries}.
 * </ul>
 */
final class Slots {

  static final String WITHIN = "|";

  private static final Map<String, String> ACTIVITY =
      Map.ofEntries(
          Map.entry("fight", "fighting"),
          Map.entry("fighting", "fighting"),
          Map.entry("clash", "fighting"),
          Map.entry("battl", "fighting"),
          Map.entry("combat", "fighting"),
          Map.entry("hostiliti", "fighting"),
          Map.entry("sieg", "siege"),
          Map.entry("offensiv", "offensive"),
          Map.entry("campaign", "offensive"),
          Map.entry("protest", "protest"),
          Map.entry("strik", "strike"),
          Map.entry("talk", "talks"),
          Map.entry("negotiation", "talks"),
          Map.entry("trial", "trial"),
          Map.entry("search", "search"),
          Map.entry("standoff", "standoff"),
          Map.entry("ceasefir", "ceasefire"),
          Map.entry("truce", "ceasefire"));

  /** "46-year-old", "61 years old": an age, not a duration. */
  private static final Pattern AGE = Pattern.compile("(?i)^[- ]?(?:years?|yrs?)?[- ]old\\b|-year-old\\b");

  private static final String COMPASS =
      "(north|south|east|west)(?:[- ]?(east|west))?(?:ern)?(?:ward)?";

  private static final Pattern DIRECTION_OF =
      Pattern.compile("^\\s*\\)?\\s*(?:\\([^)]{0,30}\\)\\s*)?" + COMPASS + "\\s+of\\b", Pattern.CASE_INSENSITIVE);

  private static final Pattern COMPASS_WORD =
      Pattern.compile("\\b" + COMPASS + "\\b", Pattern.CASE_INSENSITIVE);

  private static final Pattern SUPERLATIVE =
      Pattern.compile(
          "\\b(?:(second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th)[- ]?)?(largest|biggest|most populous)"
              + "(?:\\s+(city|town|port))?\\b"
              + "|\\b(second|third|fourth|fifth|sixth)\\s+(city)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Map<String, Integer> ORDINALS =
      Map.ofEntries(
          Map.entry("second", 2), Map.entry("2nd", 2), Map.entry("third", 3), Map.entry("3rd", 3),
          Map.entry("fourth", 4), Map.entry("4th", 4), Map.entry("fifth", 5), Map.entry("5th", 5),
          Map.entry("sixth", 6), Map.entry("6th", 6));

  private Slots() {}

  static List<SlotValue> of(StoryEvidence ev, Article article, Annotations ann, Span sentence) {
    String text = article.text();
    List<SlotValue> out = new ArrayList<>();
    for (Quantity q : ann.quantities()) {
      if (UnitReader.inside(q.span(), sentence)) {
        quantity(ev, text, ann, q).ifPresent(out::add);
      }
    }
    ranks(ev, text, ann, sentence, out);
    Matcher m = COMPASS_WORD.matcher(text).region(sentence.begin(), sentence.end());
    while (m.find()) {
      if (!DIRECTION_OF.matcher(text.substring(m.start(), Math.min(text.length(), m.end() + 4))).find()) {
        String dir = direction(m);
        out.add(new SlotValue(SlotValue.Kind.DIRECTION, "direction" + WITHIN, dir, 0, 0,
            new Span(m.start(), m.end()), false));
      }
    }
    for (TimeRef t : ann.times()) {
      if (UnitReader.inside(t.span(), sentence)) {
        time(t).ifPresent(out::add);
      }
    }
    status(ev, text, ann, sentence, out);
    return List.copyOf(out);
  }

  private static final Pattern TAKING =
      Pattern.compile(
          "\\b(?:(reportedly|allegedly|apparently|claimed|claiming|claim|said|say|says)\\s+(?:to\\s+)?(?:have\\s+|had\\s+|that\\s+)?(?:they\\s+)?(?:have\\s+|had\\s+)?)?"
              + "(entered|seized|captured|overran|overrun|taken|took|breached|enter|seize|capture|take)"
              + "(?:\\s+control\\s+of)?\\s+((?:parts|part|much|the\\s+edges?|the\\s+outskirts)\\s+of\\s+)?",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern DENIAL =
      Pattern.compile("\\b(denied|denies|deny|denying|rejected|refuted)\\b[^.;]{0,40}$", Pattern.CASE_INSENSITIVE);

  /**
   * Whether a place was taken, as a sentence tells it: {@code captured} (seized, captured, took,
   * overran), {@code entered} (entered, breached), {@code partial} (entered parts of, the edges
   * of), each possibly {@code reported} ("reportedly", "claimed to have"), or {@code denied}
   * ("denied that insurgents had entered Hama"). The place must be named right after the verb.
   */
  private static void status(StoryEvidence ev, String text, Annotations ann, Span sentence, List<SlotValue> out) {
    Matcher m = TAKING.matcher(text).region(sentence.begin(), sentence.end());
    while (m.find()) {
      Optional<String> place = placeAfter(ev, ann, m.end(), m.end() + 25);
      if (place.isEmpty() || !between(text, m.end(), ann, place.get())) {
        continue;
      }
      String verb = m.group(2).toLowerCase(Locale.ROOT);
      String level =
          m.group(3) != null ? "partial" : verb.startsWith("ent") || verb.startsWith("breach") ? "entered" : "captured";
      boolean reported = m.group(1) != null;
      String before = text.substring(sentence.begin(), m.start());
      Matcher denial = DENIAL.matcher(before);
      boolean denied = denial.find();
      int start = denied ? sentence.begin() + denial.start() : m.start();
      String value = denied ? "denied" : reported ? "reported " + level : level;
      int rank = denied ? 0 : level.equals("partial") ? 1 : level.equals("entered") ? 2 : 3;
      int end = m.end();
      while (end > m.start() && Character.isWhitespace(text.charAt(end - 1))) {
        end--;
      }
      out.add(new SlotValue(SlotValue.Kind.STATUS, "status|" + place.get(), value, rank, reported ? 1 : 0,
          new Span(start, end), false));
    }
  }

  /** Only "the", "city of", "central city of" and the like stand between the verb and the place. */
  private static boolean between(String text, int from, Annotations ann, String place) {
    for (Mention m : ann.mentions()) {
      if (m.entity().equals(place) && m.span().begin() >= from && m.span().begin() <= from + 25) {
        return text.substring(from, m.span().begin())
            .matches("(?i)\\s*(?:the\\s+)?(?:(?:\\p{L}+\\s+)?(?:city|town|village|province|region)\\s+of\\s+)?");
      }
    }
    return false;
  }

  private static String direction(Matcher m) {
    String d = m.group(1).toLowerCase(Locale.ROOT);
    return m.group(2) == null ? d : d + m.group(2).toLowerCase(Locale.ROOT);
  }

  private static Optional<SlotValue> quantity(StoryEvidence ev, String text, Annotations ann, Quantity q) {
    if (q.approx().equals("vague") || q.value() <= 0 || AGE.matcher(q.span().of(text)).find()
        || AGE.matcher(text.substring(q.span().end(), Math.min(text.length(), q.span().end() + 12))).lookingAt()) {
      return Optional.empty();
    }
    double scale = q.value() == 0 ? 1 : q.base() / q.value();
    double tol = switch (q.approx()) {
      case "exact" -> 0.03;
      case "about" -> 0.15;
      default -> 0.0;
    };
    double low = q.low().map(v -> v * scale).orElse(
        q.approx().equals("less-than") || q.approx().equals("at-most") ? 0 : q.base() * (1 - tol));
    double high = q.high().map(v -> v * scale).orElse(
        q.approx().equals("more-than") || q.approx().equals("at-least")
            ? Double.POSITIVE_INFINITY : q.base() * (1 + tol));
    String value = number(q.value()) + " " + q.unit();
    String about = q.about().map(Slots::aboutKey).orElse("");
    String key;
    SlotValue.Kind kind;
    if (q.baseUnit().equals("d") || q.baseUnit().equals("s")) {
      kind = SlotValue.Kind.DURATION;
      String activity = ACTIVITY.get(LexicalStemmer.stem(lastWord(about)));
      key = activity != null ? "duration|" + activity : "duration|" + about + WITHIN;
    } else if (q.baseUnit().equals("m")) {
      kind = SlotValue.Kind.DISTANCE;
      Matcher m = DIRECTION_OF.matcher(text.substring(q.span().end(), Math.min(text.length(), q.span().end() + 50)));
      Optional<String> place = Optional.empty();
      if (m.find()) {
        int from = q.span().end() + m.end();
        place = placeAfter(ev, ann, from, from + 30);
      }
      key = place.isPresent() ? "distance|" + direction(m) + "|" + place.get() : "distance" + WITHIN;
      if (place.isPresent()) {
        return Optional.of(new SlotValue(kind, key, value, low, high, q.span(), false, Optional.empty(),
            placeBefore(ev, ann, q.span().begin() - 60, q.span().begin())));
      }
    } else {
      kind = SlotValue.Kind.QUANTITY;
      key = "quantity|" + q.unit() + "|" + about + WITHIN;
    }
    return Optional.of(new SlotValue(kind, key, value, low, high, q.span(), false));
  }

  static String aboutKey(String about) {
    List<String> words = new ArrayList<>();
    for (String w : about.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty() && !LexicalStemmer.isStopword(w)) {
        words.add(LexicalStemmer.stem(w));
      }
    }
    return String.join(" ", words);
  }

  private static String lastWord(String s) {
    int sp = s.lastIndexOf(' ');
    return sp < 0 ? s : s.substring(sp + 1);
  }

  static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  /** The last place named in {@code [from, to)}: the subject of a distance after it. */
  private static Optional<String> placeBefore(StoryEvidence ev, Annotations ann, int from, int to) {
    Optional<String> out = Optional.empty();
    for (Mention m : ann.mentions()) {
      if (m.span().begin() >= from && m.span().end() <= to && m.kind().equals("name")
          && ev.entity(m.entity()).map(e -> e.type().equals("place")).orElse(false)) {
        out = Optional.of(m.entity());
      }
    }
    return out;
  }

  private static Optional<String> placeAfter(StoryEvidence ev, Annotations ann, int from, int to) {
    for (Mention m : ann.mentions()) {
      if (m.span().begin() >= from && m.span().begin() < to && m.kind().equals("name")
          && ev.entity(m.entity()).map(e -> e.type().equals("place")).orElse(false)) {
        return Optional.of(m.entity());
      }
    }
    return Optional.empty();
  }

  /**
   * "Syria's second-largest city, Aleppo", "Aleppo – the country's largest city", "Syria's third
   * city of Homs": the rank belongs to the nearest city named beside it, not to the country that
   * owns it.
   */
  private static void ranks(StoryEvidence ev, String text, Annotations ann, Span sentence, List<SlotValue> out) {
    Matcher m = SUPERLATIVE.matcher(text).region(sentence.begin(), sentence.end());
    while (m.find()) {
      String ordinal = m.group(1) != null ? m.group(1) : m.group(4);
      int rank = ordinal == null ? 1 : ORDINALS.get(ordinal.toLowerCase(Locale.ROOT));
      String noun = m.group(3) != null ? m.group(3) : m.group(5) != null ? m.group(5) : "city";
      String what = (m.group(2) != null ? m.group(2) : "largest").toLowerCase(Locale.ROOT);
      if (what.equals("biggest") || what.equals("most populous")) {
        what = "largest";
      }
      Optional<String> entity = rankedPlace(ev, text, ann, sentence, new Span(m.start(), m.end()));
      if (entity.isEmpty()) {
        continue;
      }
      String value = rank == 1 ? what : ordinalWord(rank) + "-" + what;
      out.add(new SlotValue(SlotValue.Kind.RANK,
          "rank|" + entity.get() + "|" + what + " " + noun.toLowerCase(Locale.ROOT), value, rank, rank,
          new Span(m.start(), m.end()), false));
    }
  }

  private static String ordinalWord(int rank) {
    return switch (rank) {
      case 2 -> "second";
      case 3 -> "third";
      case 4 -> "fourth";
      case 5 -> "fifth";
      default -> "sixth";
    };
  }

  /** The city or town named right before or after a superlative, with only a few words between. */
  private static Optional<String> rankedPlace(
      StoryEvidence ev, String text, Annotations ann, Span sentence, Span sup) {
    Mention best = null;
    int bestGap = Integer.MAX_VALUE;
    for (Mention m : ann.mentions()) {
      if (!UnitReader.inside(m.span(), sentence) || !m.kind().equals("name")) {
        continue;
      }
      Optional<Entity> e = ev.entity(m.entity());
      String sub = e.flatMap(Entity::subtype).orElse("");
      if (e.isEmpty() || !e.get().type().equals("place") || sub.equals("country") || sub.equals("region")) {
        continue;
      }
      int gap;
      String between;
      if (m.span().begin() >= sup.end()) {
        gap = m.span().begin() - sup.end();
        between = text.substring(sup.end(), m.span().begin());
      } else if (m.span().end() <= sup.begin()) {
        gap = sup.begin() - m.span().end();
        between = text.substring(m.span().end(), sup.begin());
      } else {
        continue;
      }
      if (gap <= 25 && between.matches("[\\s,–—:-]*(?:of\\s+)?(?:the\\s+)?(?:(?:country|nation)['’]s\\s+|\\p{L}+['’]s\\s+)?[\\s,–—:-]*")
          && gap < bestGap) {
        best = m;
        bestGap = gap;
      }
    }
    return Optional.ofNullable(best).map(Mention::entity);
  }

  /** A date as an interval of epoch days, for dates at day, week or month granularity. */
  private static Optional<SlotValue> time(TimeRef t) {
    Optional<long[]> days = days(t.value(), t.granularity());
    return days.map(d -> new SlotValue(SlotValue.Kind.TIME, "time" + WITHIN, t.value(), d[0], d[1],
        t.span(), t.reference().isPresent(), t.reference(), Optional.empty()));
  }

  static Optional<long[]> days(String value, String granularity) {
    try {
      switch (granularity) {
        case "day" -> {
          long d = LocalDate.parse(value).toEpochDay();
          return Optional.of(new long[] {d, d});
        }
        case "week" -> {
          Matcher m = Pattern.compile("(\\d{4})-W(\\d{2})").matcher(value);
          if (!m.matches()) {
            return Optional.empty();
          }
          LocalDate monday =
              LocalDate.of(Integer.parseInt(m.group(1)), 6, 1)
                  .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(m.group(2)))
                  .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
          return Optional.of(new long[] {monday.toEpochDay(), monday.toEpochDay() + 6});
        }
        case "month" -> {
          YearMonth ym = YearMonth.parse(value);
          return Optional.of(new long[] {ym.atDay(1).toEpochDay(), ym.atEndOfMonth().toEpochDay()});
        }
        default -> {
          return Optional.empty();
        }
      }
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
