package org.triangulate.nlp.annotate;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The word lists {@link Quantities} reads with: units and their conversions to a base unit,
 * currencies, number words and scale words. Immutable after class initialisation, so safe to share
 * between threads.
 */
final class UnitLexicon {

  private UnitLexicon() {}

  /** What a unit measures; decides the base unit and which words may follow it. */
  enum Dim {
    COUNT,
    PERCENT,
    POINTS,
    LENGTH,
    AREA,
    MASS,
    VOLUME,
    DURATION,
    MONEY
  }

  /**
   * A unit: its canonical code, its dimension, its base unit and how many base units one of it
   * is.
   */
  record Unit(String code, Dim dim, String base, double factor) {}

  static final Unit COUNT = new Unit("count", Dim.COUNT, "count", 1);
  static final Unit PERCENT = new Unit("percent", Dim.PERCENT, "percent", 1);
  static final Unit POINTS = new Unit("pp", Dim.POINTS, "pp", 1);

  /** Days in a year (Julian year) and in a month (a twelfth of it). */
  static final double YEAR_DAYS = 365.25;

  static final double MONTH_DAYS = YEAR_DAYS / 12;

  // Lengths, base m.
  static final Unit MM = new Unit("mm", Dim.LENGTH, "m", 0.001);
  static final Unit CM = new Unit("cm", Dim.LENGTH, "m", 0.01);
  static final Unit M = new Unit("m", Dim.LENGTH, "m", 1);
  static final Unit KM = new Unit("km", Dim.LENGTH, "m", 1000);
  static final Unit MI = new Unit("mi", Dim.LENGTH, "m", 1609.344);
  static final Unit NMI = new Unit("nmi", Dim.LENGTH, "m", 1852);
  static final Unit FT = new Unit("ft", Dim.LENGTH, "m", 0.3048);
  static final Unit YD = new Unit("yd", Dim.LENGTH, "m", 0.9144);
  static final Unit IN = new Unit("in", Dim.LENGTH, "m", 0.0254);

  // Areas, base m2.
  static final Unit HA = new Unit("ha", Dim.AREA, "m2", 10_000);
  static final Unit ACRE = new Unit("acre", Dim.AREA, "m2", 4046.8564224);

  // Masses, base kg.
  static final Unit G = new Unit("g", Dim.MASS, "kg", 0.001);
  static final Unit KG = new Unit("kg", Dim.MASS, "kg", 1);
  static final Unit T = new Unit("t", Dim.MASS, "kg", 1000);
  static final Unit LB = new Unit("lb", Dim.MASS, "kg", 0.45359237);
  static final Unit OZ = new Unit("oz", Dim.MASS, "kg", 0.028349523125);

  // Volumes, base l.
  static final Unit ML = new Unit("ml", Dim.VOLUME, "l", 0.001);
  static final Unit L = new Unit("l", Dim.VOLUME, "l", 1);
  static final Unit GAL = new Unit("gal", Dim.VOLUME, "l", 3.785411784);
  static final Unit BBL = new Unit("bbl", Dim.VOLUME, "l", 158.987294928);

  // Durations, base d.
  static final Unit SECOND = new Unit("second", Dim.DURATION, "d", 1.0 / 86_400);
  static final Unit MINUTE = new Unit("minute", Dim.DURATION, "d", 1.0 / 1_440);
  static final Unit HOUR = new Unit("hour", Dim.DURATION, "d", 1.0 / 24);
  static final Unit DAY = new Unit("day", Dim.DURATION, "d", 1);
  static final Unit WEEK = new Unit("week", Dim.DURATION, "d", 7);
  static final Unit MONTH = new Unit("month", Dim.DURATION, "d", MONTH_DAYS);
  static final Unit YEAR = new Unit("year", Dim.DURATION, "d", YEAR_DAYS);
  static final Unit DECADE = new Unit("decade", Dim.DURATION, "d", 10 * YEAR_DAYS);
  static final Unit CENTURY = new Unit("century", Dim.DURATION, "d", 100 * YEAR_DAYS);

  /** Unit words and abbreviations that may follow a number, lower case. */
  private static final Map<String, Unit> WORDS = new HashMap<>();

  /** Two-word units ("per cent", "nautical miles", "Syrian pounds"), lower case, one space. */
  private static final Map<String, Unit> PAIRS = new HashMap<>();

  /** Currency signs and ISO codes that may stand before a number. */
  private static final Map<String, String> CURRENCY_SIGNS = new HashMap<>();

  /** ISO codes that may stand after a number ("5 million USD"), upper case. */
  private static final Map<String, String> CURRENCY_CODES = new HashMap<>();

  /** Currency names; "pound" is read as GBP or lb by context. */
  private static final Map<String, String> CURRENCY_WORDS = new HashMap<>();

  /** The nationality that names a local currency: "Syrian pounds" are SYP. */
  private static final Map<String, String> CURRENCY_ADJECTIVES = new HashMap<>();

  /** Number words below a hundred. */
  private static final Map<String, Integer> SMALL = new HashMap<>();

  /** Scale words after a number: "million", "bn". */
  private static final Map<String, Double> SCALES = new HashMap<>();

  /** Plural magnitude words of a vague amount: "hundreds", "tens (of thousands)". */
  private static final Map<String, Double> VAGUE = new HashMap<>();

  static {
    words(MM, "mm", "millimetre", "millimetres", "millimeter", "millimeters");
    words(CM, "cm", "centimetre", "centimetres", "centimeter", "centimeters");
    words(M, "m", "metre", "metres", "meter", "meters");
    words(KM, "km", "kms", "kilometre", "kilometres", "kilometer", "kilometers", "klicks");
    words(MI, "mi", "mile", "miles");
    words(NMI, "nmi");
    words(FT, "ft", "foot", "feet");
    words(YD, "yd", "yds", "yard", "yards");
    words(IN, "inch", "inches");
    words(HA, "ha", "hectare", "hectares");
    words(ACRE, "acre", "acres");
    words(area(KM), "km2", "km²", "sqkm");
    words(area(M), "m2", "m²");
    words(area(MI), "mi2", "mi²");
    words(G, "gram", "grams", "gramme", "grammes");
    words(KG, "kg", "kgs", "kilogram", "kilograms", "kilogramme", "kilogrammes", "kilo", "kilos");
    words(T, "tonne", "tonnes", "ton", "tons");
    words(LB, "lb", "lbs");
    words(OZ, "oz", "ounce", "ounces");
    words(ML, "ml", "millilitre", "millilitres", "milliliter", "milliliters");
    words(L, "litre", "litres", "liter", "liters");
    words(GAL, "gallon", "gallons");
    words(BBL, "bbl", "barrel", "barrels");
    words(SECOND, "second", "seconds", "sec", "secs");
    words(MINUTE, "minute", "minutes", "min", "mins");
    words(HOUR, "hour", "hours", "hr", "hrs");
    words(DAY, "day", "days");
    words(WEEK, "week", "weeks");
    words(MONTH, "month", "months");
    words(YEAR, "year", "years", "yr", "yrs");
    words(DECADE, "decade", "decades");
    words(CENTURY, "century", "centuries");
    words(PERCENT, "%", "percent", "pct", "pc");

    PAIRS.put("per cent", PERCENT);
    PAIRS.put("percentage point", POINTS);
    PAIRS.put("percentage points", POINTS);
    PAIRS.put("nautical mile", NMI);
    PAIRS.put("nautical miles", NMI);
    PAIRS.put("metric ton", T);
    PAIRS.put("metric tons", T);
    PAIRS.put("metric tonnes", T);
    PAIRS.put("light years", new Unit("ly", Dim.LENGTH, "m", 9.4607304725808e15));

    String[][] signs = {
      {"$", "USD"}, {"us$", "USD"}, {"u.s.$", "USD"}, {"c$", "CAD"}, {"a$", "AUD"},
      {"hk$", "HKD"}, {"nz$", "NZD"}, {"£", "GBP"}, {"€", "EUR"}, {"¥", "JPY"},
      {"₹", "INR"}, {"₽", "RUB"}, {"₺", "TRY"}, {"₪", "ILS"}
    };
    for (String[] s : signs) {
      CURRENCY_SIGNS.put(s[0], s[1]);
    }
    for (String c :
        new String[] {
          "USD", "EUR", "GBP", "SYP", "LBP", "TRY", "IRR", "RUB", "CNY", "JPY", "ILS", "SAR",
          "AED", "EGP", "JOD", "IQD", "CHF", "CAD", "AUD", "INR", "QAR", "KWD", "UAH"
        }) {
      CURRENCY_SIGNS.put(c.toLowerCase(Locale.ROOT), c);
      CURRENCY_CODES.put(c, c);
    }
    currencyWords("USD", "dollar", "dollars");
    currencyWords("EUR", "euro", "euros");
    currencyWords("GBP", "pound", "pounds", "sterling");
    currencyWords("TRY", "lira", "liras", "lire");
    currencyWords("RUB", "rouble", "roubles", "ruble", "rubles");
    currencyWords("IRR", "rial", "rials");
    currencyWords("SAR", "riyal", "riyals");
    currencyWords("JPY", "yen");
    currencyWords("CNY", "yuan", "renminbi");
    currencyWords("ILS", "shekel", "shekels");
    currencyWords("INR", "rupee", "rupees");
    currencyWords("AED", "dirham", "dirhams");
    currencyWords("UAH", "hryvnia", "hryvnias");
    String[][] adjectives = {
      {"us", "USD"}, {"u.s.", "USD"}, {"american", "USD"}, {"canadian", "CAD"},
      {"australian", "AUD"}, {"syrian", "SYP"}, {"lebanese", "LBP"}, {"egyptian", "EGP"},
      {"sudanese", "SDG"}, {"turkish", "TRY"}, {"iranian", "IRR"}, {"saudi", "SAR"},
      {"iraqi", "IQD"}, {"jordanian", "JOD"}, {"kuwaiti", "KWD"}, {"israeli", "ILS"},
      {"chinese", "CNY"}, {"russian", "RUB"}, {"japanese", "JPY"}, {"indian", "INR"},
      {"swiss", "CHF"}, {"qatari", "QAR"}, {"british", "GBP"}, {"ukrainian", "UAH"}
    };
    for (String[] a : adjectives) {
      CURRENCY_ADJECTIVES.put(a[0], a[1]);
    }
    PAIRS.put("swiss francs", money("CHF"));
    PAIRS.put("swiss franc", money("CHF"));
    PAIRS.put("jordanian dinars", money("JOD"));
    PAIRS.put("iraqi dinars", money("IQD"));
    PAIRS.put("kuwaiti dinars", money("KWD"));

    String[] small = {
      "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
      "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
      "nineteen"
    };
    for (int i = 0; i < small.length; i++) {
      SMALL.put(small[i], i);
    }
    String[] tens = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
    for (int i = 0; i < tens.length; i++) {
      SMALL.put(tens[i], 20 + 10 * i);
    }

    SCALES.put("hundred", 1e2);
    SCALES.put("thousand", 1e3);
    SCALES.put("million", 1e6);
    SCALES.put("mn", 1e6);
    SCALES.put("mln", 1e6);
    SCALES.put("billion", 1e9);
    SCALES.put("bn", 1e9);
    SCALES.put("bln", 1e9);
    SCALES.put("trillion", 1e12);
    SCALES.put("tn", 1e12);
    SCALES.put("trn", 1e12);

    VAGUE.put("tens", 10.0);
    VAGUE.put("dozens", 12.0);
    VAGUE.put("hundreds", 1e2);
    VAGUE.put("thousands", 1e3);
    VAGUE.put("millions", 1e6);
    VAGUE.put("billions", 1e9);
  }

  private static void words(Unit u, String... ws) {
    for (String w : ws) {
      WORDS.put(w, u);
    }
  }

  private static void currencyWords(String code, String... ws) {
    for (String w : ws) {
      CURRENCY_WORDS.put(w, code);
    }
  }

  /** The square of a length unit. */
  static Unit area(Unit length) {
    return new Unit(length.code() + "2", Dim.AREA, "m2", length.factor() * length.factor());
  }

  /** The cube of a length unit, based in litres. */
  static Unit volume(Unit length) {
    double f = length.factor();
    return new Unit(length.code() + "3", Dim.VOLUME, "l", f * f * f * 1000);
  }

  static Unit money(String code) {
    return new Unit(code, Dim.MONEY, code, 1);
  }

  /** A unit word or abbreviation ("km", "miles", "%", "days"), or null; not currencies. */
  static Unit word(String w) {
    return WORDS.get(w.toLowerCase(Locale.ROOT));
  }

  /** A two-word unit ("per cent", "nautical miles"), or null. */
  static Unit pair(String a, String b) {
    return PAIRS.get(a.toLowerCase(Locale.ROOT) + " " + b.toLowerCase(Locale.ROOT));
  }

  /** The currency a sign or code before a number names ("$", "£", "USD"), or null. */
  static String currencySign(String w) {
    return CURRENCY_SIGNS.get(w.toLowerCase(Locale.ROOT));
  }

  /** The currency an ISO code after a number names ("USD"), or null; upper case only. */
  static String currencyCode(String w) {
    return CURRENCY_CODES.get(w);
  }

  /** The currency a name after a number names ("dollars"), or null. */
  static String currencyWord(String w) {
    return CURRENCY_WORDS.get(w.toLowerCase(Locale.ROOT));
  }

  /** The local currency a nationality adjective names ("Syrian" pounds: SYP), or null. */
  static String currencyAdjective(String w) {
    return CURRENCY_ADJECTIVES.get(w.toLowerCase(Locale.ROOT));
  }

  /** The value of a number word below a hundred, or -1. */
  static int small(String w) {
    Integer v = SMALL.get(w.toLowerCase(Locale.ROOT));
    return v == null ? -1 : v;
  }

  /** The multiplier of a scale word ("million", "bn"), or 0. */
  static double scale(String w) {
    Double v = SCALES.get(w.toLowerCase(Locale.ROOT));
    return v == null ? 0 : v;
  }

  /** The magnitude of a plural magnitude word ("hundreds"), or 0. */
  static double vague(String w) {
    Double v = VAGUE.get(w.toLowerCase(Locale.ROOT));
    return v == null ? 0 : v;
  }

  static boolean isMonth(String w) {
    return switch (w.toLowerCase(Locale.ROOT)) {
      case "january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december", "jan", "jan.", "feb", "feb.", "mar", "mar.", "apr",
          "apr.", "jun", "jun.", "jul", "jul.", "aug", "aug.", "sep", "sep.", "sept", "sept.",
          "oct", "oct.", "nov", "nov.", "dec", "dec." -> true;
      default -> false;
    };
  }
}
