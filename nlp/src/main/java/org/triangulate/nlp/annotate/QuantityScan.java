package org.triangulate.nlp.annotate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.triangulate.model.Quantity;
import org.triangulate.model.Span;
import org.triangulate.nlp.annotate.UnitLexicon.Dim;
import org.triangulate.nlp.annotate.UnitLexicon.Unit;

/** Reads the quantities of one sentence, left to right. See {@link Quantities}. Not shared. */
final class QuantityScan {

  private static final String NUM = "(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?|\\.\\d+";
  private static final Pattern DIGITS = Pattern.compile(NUM);
  private static final Pattern GLUED = Pattern.compile("(" + NUM + ")([a-zA-Z%²]+)");
  private static final Pattern YEAR = Pattern.compile("1\\d{3}|20\\d{2}|2100");

  /** Approximators before a number, longest first: code, then words. */
  private static final String[][] APPROX = {
    {"more-than", "in", "excess", "of"},
    {"at-least", "no", "fewer", "than"},
    {"at-least", "no", "less", "than"},
    {"at-least", "not", "less", "than"},
    {"at-least", "not", "fewer", "than"},
    {"at-least", "a", "minimum", "of"},
    {"at-most", "no", "more", "than"},
    {"at-most", "not", "more", "than"},
    {"at-most", "a", "maximum", "of"},
    {"at-most", "as", "many", "as"},
    {"at-most", "as", "much", "as"},
    {"more-than", "more", "than"},
    {"more-than", "greater", "than"},
    {"more-than", "higher", "than"},
    {"more-than", "upwards", "of"},
    {"more-than", "upward", "of"},
    {"more-than", "just", "over"},
    {"more-than", "well", "over"},
    {"more-than", "just", "above"},
    {"more-than", "well", "above"},
    {"at-least", "at", "least"},
    {"less-than", "less", "than"},
    {"less-than", "fewer", "than"},
    {"less-than", "lower", "than"},
    {"less-than", "just", "under"},
    {"less-than", "just", "below"},
    {"at-most", "at", "most"},
    {"at-most", "up", "to"},
    {"about", "close", "to"},
    {"about", "an", "estimated"},
    {"more-than", "over"},
    {"more-than", "above"},
    {"less-than", "under"},
    {"less-than", "below"},
    {"about", "about"},
    {"about", "around"},
    {"about", "some"},
    {"about", "approximately"},
    {"about", "roughly"},
    {"about", "estimated"},
    {"about", "approx."},
    {"about", "approx"},
    {"about", "circa"},
    {"about", "~"},
    {"nearly", "nearly"},
    {"nearly", "almost"},
    {"exact", "exactly"},
    {"exact", "precisely"},
  };

  /** Verbs whose object (or subject) a percentage after them changes. */
  private static final Set<String> CHANGE =
      Set.of(
          "increase", "raise", "cut", "reduce", "rise", "fall", "drop", "grow", "decline",
          "decrease", "lower", "boost", "hike", "slash", "jump", "climb", "surge", "plunge",
          "shrink", "expand", "lift", "soar", "tumble", "sink", "devalue", "gain", "lose",
          "contract", "double", "halve", "depreciate", "appreciate");

  /** Words before a year that make it a date. */
  private static final Set<String> YEAR_BEFORE =
      Set.of(
          "in", "since", "until", "till", "from", "by", "during", "before", "after", "of",
          "between", "circa", "year", "early", "late", "mid", "spring", "summer", "autumn",
          "fall", "winter", "the");

  /** Words before a bare number that make it a label: "No. 10", "page 3", "flight 17". */
  private static final Set<String> LABELS =
      Set.of(
          "no.", "nos.", "#", "number", "page", "p.", "article", "chapter", "section",
          "paragraph", "route", "highway", "flight", "resolution", "episode", "season", "vol.",
          "volume", "room", "platform", "gate", "line", "version", "level", "phase", "grade",
          "division", "brigade", "battalion", "unit", "zone", "sector", "district");

  private static final Set<String> DETERMINERS =
      Set.of("the", "these", "those", "its", "their", "his", "her", "our", "my", "your", "all");

  private enum Kind {
    EXACT,
    RANGE,
    VAGUE
  }

  /**
   * A number as written, tokens {@code [start, end)}, before approximators and units.
   *
   * @param scale the multiplier of its scale words (1 when none)
   * @param glued a unit written into the number's token ("40km"), or null
   * @param bareOne the lone word "one", which counts only with a unit or an approximator
   */
  private record Num(
      int start,
      int end,
      double value,
      double low,
      double high,
      Kind kind,
      String currency,
      Unit glued,
      double scale,
      boolean digits,
      boolean bareOne) {}

  private record UnitAt(Unit unit, int end) {}

  private record Run(int first, int end) {}

  private record Approx(String code, int start) {}

  /** A quantity found: tokens {@code [start, end)}. */
  private record Found(
      int start, int end, Num num, Unit unit, String approx, String about) {}

  private final Doc doc;
  private final String text;
  private final List<Tok> toks;
  private final int from;
  private final int to;

  /** Tokens before this belong to a quantity already read. */
  private int floor;

  /** Where to go on when {@link #at} read words that are no quantity. */
  private int skip;

  QuantityScan(Doc doc, Sentence s) {
    this.doc = doc;
    this.text = doc.text();
    this.toks = doc.tokens();
    this.from = s.firstToken();
    this.to = s.endToken();
    this.floor = from;
  }

  List<Quantity> run() {
    if (furniture()) {
      return List.of();
    }
    List<Found> found = new ArrayList<>();
    int i = from;
    while (i < to) {
      skip = -1;
      Found f = at(i);
      if (f != null) {
        found.add(f);
        floor = f.end();
        i = f.end();
      } else if (skip > i) {
        i = skip;
      } else {
        i++;
      }
    }
    List<Quantity> out = new ArrayList<>();
    for (int k = 0; k < found.size(); k++) {
      Found f = found.get(k);
      if (k > 0) {
        f = conversion(found.get(k - 1), f);
        found.set(k, f);
      }
      out.add(quantity(f));
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // One quantity

  private Found at(int i) {
    if (is(i, "between")) {
      Num a = num(i + 1);
      if (a != null && a.kind() == Kind.EXACT && is(a.end(), "and")) {
        Num b = num(a.end() + 1);
        if (b != null && b.kind() == Kind.EXACT) {
          Num r = range(a, b, i);
          if (r != null) {
            return build(r);
          }
        }
      }
    }
    Found f = longDuration(i);
    if (f != null) {
      return f;
    }
    Num n = num(i);
    if (n == null) {
      return null;
    }
    if (n.kind() == Kind.EXACT && n.glued() == null && n.end() < to) {
      int c = n.end();
      int of = is(c, "in") ? c + 1 : is(c, "out") && is(c + 1, "of") ? c + 2 : -1;
      Num ratio = of > 0 && n.currency() == null ? num(of) : null;
      if (ratio != null && ratio.kind() == Kind.EXACT && ratio.currency() == null) {
        // "one in five people": a proportion, not two counts
        skip = ratio.end();
        return null;
      }
      boolean dash = is(c, "-", "–") || (is(c, "—") && !gap(c) && !gap(c + 1));
      boolean word = is(c, "or") || (is(c, "to") && !is(i - 1, "from"));
      if (dash || word) {
        Num b = num(c + 1);
        if (b != null && b.kind() == Kind.EXACT && (b.currency() == null || n.currency() != null)) {
          Num r = range(n, b, n.start());
          if (r != null) {
            n = r;
          } else if (dash) {
            skip = b.end();
            return null;
          }
        }
      }
    }
    return build(n);
  }

  /** Reads a number at token {@code i}: digits, number words or a vague amount. */
  private Num num(int i) {
    if (i < from || i >= to) {
      return null;
    }
    int k = i;
    String currency = null;
    String sign = UnitLexicon.currencySign(w(k));
    if (sign != null
        && k + 1 < to
        && (!Character.isLetter(first(w(k))) || w(k).equals(w(k).toUpperCase(Locale.ROOT)))
        && (DIGITS.matcher(w(k + 1)).matches() || GLUED.matcher(w(k + 1)).matches())) {
      currency = sign;
      k++;
    }
    String s = w(k);
    if (DIGITS.matcher(s).matches()) {
      double v = parse(s);
      k++;
      double scale = 1;
      double f;
      while (k < to && (f = scaleAt(k, currency != null)) > 0) {
        scale *= f;
        k++;
      }
      v *= scale;
      return new Num(i, k, v, v, v, Kind.EXACT, currency, null, scale, true, false);
    }
    Matcher m = GLUED.matcher(s);
    if (m.matches()) {
      double v = parse(m.group(1));
      String suffix = m.group(2);
      double f = gluedScale(suffix, currency != null);
      if (f > 0) {
        return new Num(i, k + 1, v * f, v * f, v * f, Kind.EXACT, currency, null, f, true, false);
      }
      Unit u = UnitLexicon.word(suffix);
      if (u != null && currency == null) {
        return new Num(i, k + 1, v, v, v, Kind.EXACT, null, u, 1, true, false);
      }
      return null;
    }
    if (currency != null) {
      return null;
    }
    Num words = words(i);
    if (words != null) {
      return words;
    }
    return vague(i);
  }

  /** Number words: "five", "twenty-five", "two hundred and fifty", "a dozen", "1.5 million". */
  private Num words(int i) {
    int k = i;
    double total = 0;
    double current = 0;
    double scale = 1;
    boolean any = false;
    int lastSmall = -1;
    if (is(k, "half") && is(k + 1, "a", "an") && UnitLexicon.scale(w(k + 2)) >= 1e3
        && Character.isLetter(first(w(k + 2)))) {
      // "half a million"
      double sc = UnitLexicon.scale(w(k + 2));
      return new Num(i, k + 3, sc / 2, sc / 2, sc / 2, Kind.EXACT, null, null, sc, false, false);
    }
    if (is(k, "a", "an") && k + 1 < to && (UnitLexicon.scale(w(k + 1)) > 0 || is(k + 1, "dozen"))) {
      if (UnitLexicon.scale(w(k + 1)) > 1e2 || is(k + 1, "hundred", "dozen")) {
        current = 1;
        any = true;
        k++;
      }
    }
    while (k < to) {
      String x = lw(k);
      int sv = smallWord(x);
      if (sv >= 0) {
        if (lastSmall >= 0) {
          if (lastSmall >= 20 && lastSmall % 10 == 0 && sv > 0 && sv < 10) {
            current += sv;
            lastSmall = -1;
            k++;
            continue;
          }
          break;
        }
        current += sv;
        lastSmall = sv;
        any = true;
        k++;
        continue;
      }
      if (x.equals("-")
          && lastSmall >= 20
          && lastSmall % 10 == 0
          && k + 1 < to
          && !gap(k)
          && !gap(k + 1)
          && smallWord(lw(k + 1)) > 0
          && smallWord(lw(k + 1)) < 10) {
        current += smallWord(lw(k + 1));
        lastSmall = -1;
        k += 2;
        continue;
      }
      if (x.equals("and") && any && (current >= 100 || total > 0) && k + 1 < to
          && smallWord(lw(k + 1)) > 0) {
        lastSmall = -1;
        k++;
        continue;
      }
      double sc = x.equals("dozen") ? 12 : UnitLexicon.scale(x);
      if (sc > 0 && any && Character.isLetter(first(x)) && !x.equals("m")) {
        if (sc == 100 || sc == 12) {
          current = (current == 0 ? 1 : current) * sc;
        } else {
          total += (current == 0 ? 1 : current) * sc;
          current = 0;
        }
        scale *= sc;
        lastSmall = -1;
        k++;
        continue;
      }
      break;
    }
    if (!any) {
      return null;
    }
    double v = total + current;
    boolean bareOne = k == i + 1 && lw(i).equals("one");
    return new Num(i, k, v, v, v, Kind.EXACT, null, null, scale, false, bareOne);
  }

  /** A vague amount: "hundreds", "tens of thousands", "several hundred", "a few thousand". */
  private Num vague(int i) {
    int k = i;
    if (is(k, "several", "few")) {
      k++;
    } else if (is(k, "a") && is(k + 1, "few")) {
      k += 2;
    }
    if (k > i) {
      double mag = 1;
      int e = k;
      while (e < to && (is(e, "dozen") || UnitLexicon.scale(w(e)) > 0) && !is(e, "m")
          && Character.isLetter(first(w(e)))) {
        mag *= is(e, "dozen") ? 12 : UnitLexicon.scale(w(e));
        e++;
      }
      if (e == k) {
        return null;
      }
      return new Num(i, e, 2 * mag, 2 * mag, 10 * mag - 1, Kind.VAGUE, null, null, mag, false,
          false);
    }
    double first = UnitLexicon.vague(w(k));
    if (first == 0) {
      return null;
    }
    double rest = 1;
    int e = k + 1;
    while (is(e, "of") && UnitLexicon.vague(w(e + 1)) >= 1e3 && UnitLexicon.vague(w(e + 1)) > first) {
      rest *= UnitLexicon.vague(w(e + 1));
      e += 2;
    }
    if (first == 10 && rest == 1 && !is(e, "of")) {
      return null;
    }
    double low = first == 12 ? 24 * rest : first * rest;
    double high = first == 12 ? 100 * rest - 1 : 10 * first * rest - 1;
    return new Num(i, e, low, low, high, Kind.VAGUE, null, null, first * rest, false, false);
  }

  /** Joins "10" and "20" into a range, or null when the second is not larger. */
  private Num range(Num a, Num b, int start) {
    double lo = a.value();
    double hi = b.value();
    if (a.scale() == 1 && b.scale() > 1 && lo * b.scale() <= hi) {
      lo *= b.scale();
    }
    if (!(lo < hi)) {
      return null;
    }
    String currency = a.currency() != null ? a.currency() : b.currency();
    return new Num(start, b.end(), lo, lo, hi, Kind.RANGE, currency, b.glued(), b.scale(),
        a.digits(), false);
  }

  /** "a week-long offensive", "their week-long offensive": one of that unit. */
  private Found longDuration(int i) {
    int u = is(i, "a", "an") ? i + 1 : i;
    if (u >= to
        || !is(u, "second", "minute", "hour", "day", "week", "month", "year", "decade", "century")
        || !is(u + 1, "-")
        || !is(u + 2, "long")
        || gap(u + 1)
        || gap(u + 2)) {
      return null;
    }
    if (u == i && i > from && DIGITS.matcher(w(i - 1)).matches()) {
      return null;
    }
    Unit unit = UnitLexicon.word(w(u));
    Num n = new Num(i, u + 1, 1, 1, 1, Kind.EXACT, null, null, 1, false, false);
    int end = u + 3;
    String about = null;
    Run r = nouns(end, false, false);
    if (r != null) {
      about = text(r.first(), r.end());
      end = r.end();
    }
    return new Found(i, end, n, unit, "exact", about);
  }

  /** The unit, approximation and counted noun of a number; null when it is no quantity. */
  private Found build(Num n) {
    if (excluded(n)) {
      skip = n.end();
      return null;
    }
    int j = n.end();
    Unit unit = null;
    boolean compound = false;
    if (n.currency() != null) {
      unit = UnitLexicon.money(n.currency());
    } else if (n.glued() != null) {
      unit = n.glued();
    }
    String post = null;
    if (is(j, "or") && is(j + 1, "more", "so", "less", "fewer")) {
      post = postfix(lw(j + 1));
      j += 2;
    } else if (is(j, "-") && is(j + 1, "plus") && !gap(j)) {
      post = "more-than";
      j += 2;
    } else if (is(j, "+") && !gap(j)) {
      post = "more-than";
      j++;
    }
    if (unit == null) {
      if (is(j, "-") && !gap(j) && j + 1 < to && !gap(j + 1) && post == null) {
        UnitAt ua = unitAt(j + 1, n);
        if (ua != null && ua.unit().dim() != Dim.MONEY) {
          unit = ua.unit();
          compound = true;
          j = ua.end();
          if (is(j, "-") && is(j + 1, "long", "old") && !gap(j) && !gap(j + 1)) {
            j += 2;
          }
        } else if (is(j + 1, "strong")) {
          unit = UnitLexicon.COUNT;
          compound = true;
          j += 2;
        } else {
          skip = j + 2;
          return null;
        }
      } else {
        UnitAt ua = unitAt(j, n);
        if (ua != null) {
          unit = ua.unit();
          j = ua.end();
        }
      }
    }
    if (unit == null && n.kind() == Kind.VAGUE && is(j, "of")) {
      UnitAt ua = unitAt(j + 1, n);
      if (ua != null) {
        unit = ua.unit();
        j = ua.end();
      }
    }
    if (unit == null) {
      unit = UnitLexicon.COUNT;
    }
    if (unit == UnitLexicon.COUNT && is(j, "times", "fold", "time")) {
      return null;
    }
    if (unit.dim() == Dim.DURATION && (is(j, "ago") || anyNer(n.start(), j, "DATE"))) {
      skip = j;
      return null;
    }
    Approx ap = approxBefore(n.start());
    if (ap != null && unit.dim() == Dim.DURATION && ap.code().equals("more-than")
        && is(ap.start(), "over")) {
      ap = null;
    }
    if (n.bareOne() && unit == UnitLexicon.COUNT && ap == null && post == null) {
      return null;
    }
    int start = ap == null ? n.start() : ap.start();
    String approx = ap != null ? ap.code() : post != null ? post : "exact";

    String about = null;
    int end = j;
    switch (unit.dim()) {
      case COUNT -> {
        Run r;
        if (is(j, "of") && !n.bareOne()) {
          int k = j + 1;
          if (is(k, DETERMINERS)) {
            k++;
          }
          r = nouns(k, false, false);
        } else {
          r = nouns(j, false, false);
        }
        if (r != null) {
          about = text(r.first(), r.end());
          end = r.end();
        }
      }
      case LENGTH, AREA, MASS, VOLUME, DURATION -> {
        Run r = null;
        if (compound) {
          r = nouns(j, false, false);
        } else if (is(j, "of")) {
          int k = j + 1;
          if (is(k, DETERMINERS)) {
            k++;
          }
          r = nouns(k, true, false);
        }
        if (r != null) {
          about = text(r.first(), r.end());
          end = r.end();
        }
      }
      case MONEY -> {
        if (is(j, "of", "in")) {
          Run r = nouns(j + 1, false, true);
          if (r != null) {
            about = text(r.first(), r.end());
            end = r.end();
          }
        }
      }
      case PERCENT, POINTS -> {
        Run r = null;
        if (is(j, "of")) {
          int k = j + 1;
          if (is(k, DETERMINERS)) {
            k++;
          }
          r = nouns(k, false, true);
        }
        if (r != null) {
          about = text(r.first(), r.end());
          end = r.end();
        } else {
          about = changed(start);
        }
      }
      default -> {}
    }
    if (post == null && approx.equals("exact") && is(end, "or") && is(end + 1, "more", "so",
        "less", "fewer")) {
      approx = postfix(lw(end + 1));
      end += 2;
    }
    if (identifier(n, unit, ap, about)) {
      skip = n.end();
      return null;
    }
    return new Found(start, end, n, unit, approx, about);
  }

  private static String postfix(String w) {
    return switch (w) {
      case "more" -> "at-least";
      case "so" -> "about";
      default -> "at-most";
    };
  }

  /** A unit after a number: "km", "square miles", "percent", "dollars", "Syrian pounds". */
  private UnitAt unitAt(int j, Num n) {
    if (j < from || j >= to) {
      return null;
    }
    String a = w(j);
    if (j + 1 < to) {
      String b = w(j + 1);
      Unit p = UnitLexicon.pair(a, b);
      if (p != null) {
        return new UnitAt(p, j + 2);
      }
      Unit second = UnitLexicon.word(b);
      if (is(j, "square", "sq", "sq.") && second != null && second.dim() == Dim.LENGTH) {
        return new UnitAt(UnitLexicon.area(second), j + 2);
      }
      if (is(j, "cubic") && second != null && second.dim() == Dim.LENGTH) {
        return new UnitAt(UnitLexicon.volume(second), j + 2);
      }
      String adjective = UnitLexicon.currencyAdjective(a);
      if (adjective != null && UnitLexicon.currencyWord(b) != null) {
        return new UnitAt(UnitLexicon.money(adjective), j + 2);
      }
    }
    String code = UnitLexicon.currencyCode(a);
    if (code != null) {
      return new UnitAt(UnitLexicon.money(code), j + 1);
    }
    String cw = UnitLexicon.currencyWord(a);
    if (cw != null) {
      if (is(j, "pound", "pounds")
          && !"MONEY".equals(toks.get(j).ner())
          && n.scale() < 1e6) {
        return new UnitAt(UnitLexicon.LB, j + 1);
      }
      return new UnitAt(UnitLexicon.money(cw), j + 1);
    }
    Unit u = UnitLexicon.word(a);
    if (u == null) {
      return null;
    }
    if (u == UnitLexicon.M && n.currency() != null) {
      return null;
    }
    return new UnitAt(u, j + 1);
  }

  /**
   * The nouns from token {@code k}, after any adjectives: "intense clashes" gives "clashes". With
   * {@code gerund}, a lone -ing form counts as a noun ("of fighting"); with {@code common}, proper
   * nouns do not.
   */
  private Run nouns(int k, boolean gerund, boolean common) {
    int first = -1;
    int last = -1;
    int p = k;
    int adjectives = 0;
    while (p < to) {
      Tok t = toks.get(p);
      String pos = t.pos();
      switch (t.ner()) {
        case "DATE", "TIME", "DURATION", "SET", "NUMBER", "ORDINAL", "MONEY", "PERCENT" -> {
          p = to;
          continue;
        }
        default -> {}
      }
      if (first < 0 && adjectives < 3 && (pos.startsWith("JJ") || pos.equals("VBN"))) {
        adjectives++;
        p++;
        continue;
      }
      if (pos.equals("NN") || pos.equals("NNS") || pos.equals("NNPS")
          || (pos.equals("NNP") && !common)) {
        if (first < 0) {
          first = p;
        }
        last = p;
        p++;
        continue;
      }
      if (gerund && first < 0 && pos.equals("VBG")) {
        first = p;
        last = p;
      }
      break;
    }
    while (last >= 0 && last >= first && toks.get(last).pos().equals("NNP")) {
      last--;
    }
    if (first < 0 || last < first) {
      return null;
    }
    return new Run(first, last + 1);
  }

  /** What a percentage changes: the object of a change verb before it, or else its subject. */
  private String changed(int start) {
    int lo = Math.max(from, start - 15);
    for (int v = start - 1; v >= lo; v--) {
      Tok t = toks.get(v);
      if (!t.isVerb() || !CHANGE.contains(t.lemma().toLowerCase(Locale.ROOT))) {
        continue;
      }
      for (int p = v + 1; p < start; p++) {
        String pos = toks.get(p).pos();
        if (pos.equals("DT") || pos.equals("PRP$")) {
          continue;
        }
        Run r = nouns(p, false, true);
        if (r != null && r.end() <= start) {
          return text(r.first(), r.end());
        }
        break;
      }
      int q = v - 1;
      while (q >= from && (toks.get(q).pos().startsWith("RB") || toks.get(q).pos().equals("MD")
          || is(q, "have", "has", "had", "been", "be", "is", "was", "were", "are", "will"))) {
        q--;
      }
      int e = q + 1;
      while (q >= from && (toks.get(q).pos().equals("NN") || toks.get(q).pos().equals("NNS"))) {
        q--;
      }
      return q + 1 < e ? text(q + 1, e) : null;
    }
    return null;
  }

  /** The approximator right before token {@code start}, or null. */
  private Approx approxBefore(int start) {
    for (String[] a : APPROX) {
      int n = a.length - 1;
      int s = start - n;
      if (s < floor || s < from) {
        continue;
      }
      boolean match = true;
      for (int k = 0; k < n && match; k++) {
        match = lw(s + k).equals(a[k + 1]);
      }
      if (match) {
        return new Approx(a[0], s);
      }
    }
    return null;
  }

  // ---------------------------------------------------------------------------------------------
  // What is no quantity

  /** Dates, years, times of day, identifiers. */
  private boolean excluded(Num n) {
    for (int p = n.start(); p < n.end(); p++) {
      String ner = toks.get(p).ner();
      if (ner.equals("TIME") || ner.equals("SET")) {
        return true;
      }
    }
    if (is(n.end(), "a.m.", "p.m.", "am", "pm", "o'clock", "gmt", "utc")) {
      return true;
    }
    for (int p = n.start(); p < n.end(); p++) {
      String s = w(p);
      if (!DIGITS.matcher(s).matches()) {
        continue;
      }
      boolean year = YEAR.matcher(s).matches() && n.currency() == null && n.scale() == 1;
      if (toks.get(p).ner().equals("DATE")) {
        if (year && approxBefore(n.start()) == null) {
          return true;
        }
        if (month(p - 1) || month(p + 1) || (is(p + 1, "of") && month(p + 2))) {
          return true;
        }
      } else if (year
          && is(p - 1, YEAR_BEFORE)
          && !toks.get(Math.min(p + 1, to - 1)).pos().equals("NNS")
          && unitAt(p + 1, n) == null) {
        return true;
      }
    }
    if (!n.digits() || n.currency() != null) {
      return false;
    }
    Tok t = toks.get(n.start());
    char before = t.begin() > 0 ? text.charAt(t.begin() - 1) : ' ';
    if (Character.isLetterOrDigit(before) || "/#+@_.\\".indexOf(before) >= 0) {
      return true;
    }
    if (before == '-' && t.begin() > 1 && Character.isLetterOrDigit(text.charAt(t.begin() - 2))) {
      return true;
    }
    char after = t.end() < text.length() ? text.charAt(t.end()) : ' ';
    if ("/_@\\".indexOf(after) >= 0
        || (after == ':' && t.end() + 1 < text.length()
            && Character.isDigit(text.charAt(t.end() + 1)))) {
      return true;
    }
    if (is(n.start() - 1, LABELS) || (n.start() > from && w(n.start() - 1).equals("No"))) {
      return true;
    }
    boolean digitsBefore = n.start() > from && DIGITS.matcher(w(n.start() - 1)).matches();
    boolean digitsAfter = n.end() < to && DIGITS.matcher(w(n.end())).matches();
    return digitsBefore || digitsAfter;
  }

  /** A bare number after a proper noun ("Resolution 2254", "Route 5") names a thing. */
  private boolean identifier(Num n, Unit unit, Approx ap, String about) {
    if (!n.digits() || unit != UnitLexicon.COUNT || ap != null || about != null || n.scale() > 1
        || n.kind() != Kind.EXACT) {
      return false;
    }
    int p = n.start() - 1;
    return p >= from && toks.get(p).pos().startsWith("NNP");
  }

  /** Page furniture: a line of at most three capitalised words and numbers, without a verb. */
  private boolean furniture() {
    if (to - from > 3) {
      return false;
    }
    for (int p = from; p < to; p++) {
      String s = w(p);
      if (toks.get(p).isVerb()) {
        return false;
      }
      if (Character.isLetter(first(s)) && !Character.isUpperCase(first(s))) {
        return false;
      }
    }
    return true;
  }

  /** A quantity in brackets right after another of its dimension converts it. */
  private Found conversion(Found prev, Found f) {
    if (f.start() != prev.end() + 1
        || !text(prev.end(), prev.end() + 1).equals("(")
        || f.end() >= to
        || !text(f.end(), f.end() + 1).equals(")")
        || !prev.unit().base().equals(f.unit().base())
        || prev.unit().dim() != f.unit().dim()
        || !f.approx().equals("exact")
        || f.num().kind() != Kind.EXACT) {
      return f;
    }
    return new Found(f.start(), f.end(), f.num(), f.unit(), prev.approx(),
        f.about() != null ? f.about() : prev.about());
  }

  // ---------------------------------------------------------------------------------------------
  // The record

  private Quantity quantity(Found f) {
    Num n = f.num();
    String approx = f.approx();
    Double low = null;
    Double high = null;
    double value = n.kind() == Kind.EXACT ? n.value() : n.low();
    switch (n.kind()) {
      case RANGE -> {
        approx = "range";
        low = n.low();
        high = n.high();
      }
      case VAGUE -> {
        switch (approx) {
          case "more-than", "at-least" -> low = n.low();
          case "less-than", "at-most" -> high = n.high();
          default -> {
            approx = "vague";
            low = n.low();
            high = n.high();
          }
        }
      }
      case EXACT -> {
        switch (approx) {
          case "exact" -> {
            low = value;
            high = value;
          }
          case "nearly" -> {
            approx = "about";
            high = value;
          }
          case "more-than", "at-least" -> low = value;
          case "less-than", "at-most" -> high = value;
          default -> {}
        }
      }
    }
    Span span = new Span(toks.get(f.start()).begin(), toks.get(f.end() - 1).end());
    Unit u = f.unit();
    return new Quantity(
        span,
        value,
        u.code(),
        approx,
        Optional.ofNullable(low),
        Optional.ofNullable(high),
        Optional.ofNullable(f.about()),
        round(value * u.factor()),
        u.base());
  }

  private static double round(double v) {
    if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
      return v;
    }
    return new BigDecimal(v).round(new MathContext(12)).doubleValue();
  }

  // ---------------------------------------------------------------------------------------------
  // Tokens

  /** The token's characters as they stand in the text. */
  private String w(int i) {
    if (i < 0 || i >= toks.size()) {
      return "";
    }
    Tok t = toks.get(i);
    return text.substring(t.begin(), t.end());
  }

  private String lw(int i) {
    return w(i).toLowerCase(Locale.ROOT);
  }

  /** Whether token {@code i}, inside the sentence, is one of {@code words} (any case). */
  private boolean is(int i, String... words) {
    if (i < from || i >= to) {
      return false;
    }
    String x = lw(i);
    for (String s : words) {
      if (x.equals(s)) {
        return true;
      }
    }
    return false;
  }

  private boolean is(int i, Set<String> words) {
    return i >= from && i < to && words.contains(lw(i));
  }

  /** Whether white space stands between token {@code i - 1} and token {@code i}. */
  private boolean gap(int i) {
    if (i <= 0 || i >= toks.size()) {
      return true;
    }
    return toks.get(i - 1).end() < toks.get(i).begin();
  }

  private boolean month(int i) {
    return i >= from && i < to && Character.isUpperCase(first(w(i))) && UnitLexicon.isMonth(w(i));
  }

  private boolean anyNer(int a, int b, String ner) {
    for (int p = Math.max(a, from); p < Math.min(b, to); p++) {
      if (toks.get(p).ner().equals(ner)) {
        return true;
      }
    }
    return false;
  }

  private String text(int a, int b) {
    return doc.text(a, b);
  }

  private double scaleAt(int k, boolean money) {
    String x = lw(k);
    if (x.equals("m") || x.equals("b")) {
      return money ? (x.equals("m") ? 1e6 : 1e9) : 0;
    }
    if (x.equals("dozen")) {
      return 12;
    }
    return UnitLexicon.scale(x);
  }

  private static double gluedScale(String suffix, boolean money) {
    String x = suffix.toLowerCase(Locale.ROOT);
    return switch (x) {
      case "k" -> 1e3;
      case "m" -> money ? 1e6 : 0;
      case "b" -> money ? 1e9 : 0;
      default -> UnitLexicon.scale(x) > 1e2 ? UnitLexicon.scale(x) : 0;
    };
  }

  private static int smallWord(String x) {
    int v = UnitLexicon.small(x);
    if (v >= 0) {
      return v;
    }
    int dash = x.indexOf('-');
    if (dash > 0) {
      int t = UnitLexicon.small(x.substring(0, dash));
      int u = UnitLexicon.small(x.substring(dash + 1));
      if (t >= 20 && t % 10 == 0 && u > 0 && u < 10) {
        return t + u;
      }
    }
    return -1;
  }

  /** The first character of a word, or a space for none. */
  private static char first(String s) {
    return s.isEmpty() ? ' ' : s.charAt(0);
  }

  private static double parse(String s) {
    return Double.parseDouble(s.replace(",", ""));
  }
}
