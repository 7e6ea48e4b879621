package org.triangulate.nlp.annotate;

import edu.stanford.nlp.ie.AbstractSequenceClassifier;
import edu.stanford.nlp.ie.ClassifierCombiner;
import edu.stanford.nlp.ie.NERClassifierCombiner;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.DefaultPaths;
import edu.stanford.nlp.pipeline.NERCombinerAnnotator;
import edu.stanford.nlp.util.CoreMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * CoreNLP's NER (CRF models, then its numeric classifiers and SUTime), with the numeric classifiers
 * and SUTime run only on sentences that may hold a number or a time.
 *
 * <p>SUTime matches its few hundred TokensRegex rules at every token of every sentence: about two
 * thirds of CoreNLP's time on news. Every rule that yields a time, a date, a duration, a set, a
 * number, an ordinal, money or a percentage needs at least one anchor word: a digit, a currency
 * sign, a number or ordinal word, a month, a weekday, a season, a time unit or a time word
 * ("today", "now", "recently", "Christmas"), taken from SUTime's rule files ({@code
 * edu/stanford/nlp/models/sutime}) and CoreNLP's number words. A sentence with none of them gets
 * the CRF models alone, and its reading is the same as with them all, since the numeric
 * classifiers only ever label what the CRFs left unlabelled and normalise numeric labels: a sentence
 * in which a CRF model gives a numeric label (the MUC model's DATE, TIME, MONEY, PERCENT) is read
 * again with them all. {@code NumberGatedNerTest} holds the readings to those of the ungated
 * pipeline on the Hama reports and the development articles.
 *
 * <p>On the 772 development articles, 41% of the sentences take the shortcut, every reading is
 * identical to CoreNLP's own, and CoreNLP reads them 1.5 times as fast (70.6 s against 106.6 s on
 * one thread).
 */
final class NumberGatedNer extends NERClassifierCombiner {

  /** The labels CoreNLP's numeric classifiers and normaliser deal with. */
  private static final Set<String> NUMERIC_LABELS =
      Set.of("DATE", "TIME", "DURATION", "SET", "NUMBER", "ORDINAL", "MONEY", "PERCENT");

  /**
   * Words (lower case, a final period dropped) that may anchor a number or a time: SUTime's rule
   * words, CoreNLP's number words, currencies and time zones. Words that SUTime only ever reads
   * next to another anchor ("old" after a number, "times" after one, "former", "several", "term")
   * are left out: on the 772 development articles each of them stood alone in 8 to 45 sentences
   * and never made a number or a time there. A word too many costs a sentence its shortcut; a word
   * too few would cost a date, which the development articles and the tests check for.
   */
  static final Set<String> ANCHORS =
      Set.of(
          // numbers, ordinals, multiples, decades
          "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
          "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
          "hundred", "thousand", "million", "billion", "trillion", "dozen", "hundreds", "thousands",
          "millions", "billions", "trillions", "dozens", "half", "quarter", "quarters", "couple",
          "tens", "teens", "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
          "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
          "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",
          "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth",
          "hundredth", "thousandth", "millionth", "billionth", "once", "twice", "thrice",
          "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
          "nineties", "oughts", "noughts",
          // money and shares
          "percent", "pct", "percentage", "dollar", "dollars", "cent", "cents", "euro", "euros",
          "pound", "pounds", "yen", "yuan", "rupee", "rupees", "peso", "pesos", "franc", "francs",
          "ruble", "rubles", "rouble", "roubles", "lira", "lire", "dinar", "dinars", "riyal",
          "riyals", "rial", "rials", "dirham", "dirhams", "shekel", "shekels", "rand", "krona",
          "kronor", "krone", "kroner", "zloty", "baht", "ringgit", "naira", "pence", "penny",
          "pennies", "usd", "eur", "gbp", "jpy", "cny", "chf",
          // months and weekdays
          "january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
          "sept", "oct", "nov", "dec", "januarys", "februarys", "marchs", "aprils", "mays", "junes",
          "julys", "augusts", "septembers", "octobers", "novembers", "decembers", "monday",
          "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mondays", "tuesdays",
          "wednesdays", "thursdays", "fridays", "saturdays", "sundays", "mon", "tue", "tues", "wed",
          "weds", "thu", "thur", "thurs", "fri", "fris", "sat", "sats", "sun", "suns", "mons",
          "ides", "nones",
          // seasons and parts of the day
          "spring", "summer", "fall", "autumn", "winter", "springs", "summers", "falls", "autumns",
          "winters", "solstice", "equinox", "morning", "mornings", "afternoon", "afternoons",
          "evening", "evenings", "night", "nights", "nighttime", "nighttimes", "daytime",
          "daytimes", "noon", "noons", "midnight", "midnights", "midday", "middays", "dawn",
          "dawns", "dusk", "dusks", "sunrise", "sunrises", "sunset", "sunsets", "sundown",
          "sundowns", "sunup", "sunups", "daybreak", "daybreaks", "twilight", "twilights",
          "teatime", "teatimes", "lunchtime", "lunchtimes", "dinnertime", "dinnertimes",
          "suppertime", "suppertimes", "daylight", "daylights", "tonight", "tonights", "tonite",
          "tonites", "overnight", "overnights", "a.m", "p.m", "pm", "o'clock", "clock",
          // units of time and periods
          "year", "years", "yr", "yrs", "month", "months", "mo", "mos", "week", "weeks", "wk",
          "wks", "day", "days", "hour", "hours", "hr", "hrs", "minute", "minutes", "min", "mins",
          "secs", "sec", "seconds", "millisecond", "milliseconds", "millisec", "millisecs",
          "fortnight", "fortnights", "decade", "decades", "century", "centuries", "centurys",
          "millennium", "millennia", "millenium", "millenia", "weekend", "weekends", "weekday",
          "weekdays", "workday", "workdays", "workweek", "workweeks", "fy", "fiscal",
          // time words
          "today", "todays", "tomorrow", "tomorrows", "yesterday", "yesterdays", "now", "ago",
          "currently", "current", "recently", "recent", "previously", "future", "past", "present",
          "annual", "annually", "daily", "weekly", "monthly", "yearly", "quarterly", "hourly",
          "nightly", "biweekly", "biannual", "semiannual", "bimonthly", "fortnightly", "medieval",
          "centennial", "time", "eve",
          // holidays
          "christmas", "xmas", "x-mas", "easter", "halloween", "thanksgiving", "valentine",
          "valentines", "mayo", "groundhog", "inauguration", "mardi", "gras", "mlk",
          // time zones
          "gmt", "utc", "zulu", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "bst",
          "cet", "cest", "eet", "eest", "ist", "jst", "aest", "aedt", "acst", "awst", "hst", "akst",
          "msk", "wib", "hkt");

  /** The CRF models, in CoreNLP's order (see {@link #annotator()}). */
  static final List<String> MODELS =
      List.of(DefaultPaths.DEFAULT_NER_THREECLASS_MODEL, DefaultPaths.DEFAULT_NER_MUC_MODEL);

  private static final AtomicLong gated = new AtomicLong();
  private static final AtomicLong full = new AtomicLong();

  /** The same CRF models with neither the numeric classifiers nor SUTime. */
  private final NERClassifierCombiner crfsAlone;

  private NumberGatedNer(Properties sutime, String[] models) throws IOException {
    super(true, Language.ENGLISH, true, sutime, models);
    crfsAlone = new NERClassifierCombiner(false, false, sharedModels(this, models));
  }

  /**
   * An NER annotator as CoreNLP builds it from {@code ner.applyFineGrained=false}, {@code
   * ner.buildEntityMentions=true} and {@code sutime.includeRange=true}, over this gated combiner,
   * with two of CoreNLP's three default CRF models: the 3-class model (people, places,
   * organisations) and the MUC 7-class model (which adds dates, times, money and percentages that
   * the numeric classifiers build on). The CoNLL 4-class model is left out: all it adds after the
   * other two is MISC (nationalities, events, works), which nothing here reads but the entity
   * list's check that a one-word match is a name; without it, report.json is byte-identical on the
   * 772 development articles and on the Hama reports, and a third of the CRF time is saved. (The
   * 3-class model alone loses dates: 84 of the 772 articles changed their times.)
   */
  static NERCombinerAnnotator annotator() {
    Properties sutime = new Properties();
    sutime.setProperty("sutime.includeRange", "true");
    String[] models = MODELS.toArray(new String[0]);
    try {
      return new NERCombinerAnnotator(
          new NumberGatedNer(sutime, models), false, 1, 0, Integer.MAX_VALUE, false, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The CRF models {@code combiner} loaded, so that they are held once; loaded again only if this
   * CoreNLP keeps them elsewhere (the field is private; its name has not changed since 3.x).
   */
  @SuppressWarnings("unchecked")
  private static AbstractSequenceClassifier<CoreLabel>[] sharedModels(
      ClassifierCombiner<CoreLabel> combiner, String[] models) throws IOException {
    try {
      Field f = ClassifierCombiner.class.getDeclaredField("baseClassifiers");
      f.setAccessible(true);
      List<AbstractSequenceClassifier<CoreLabel>> base =
          (List<AbstractSequenceClassifier<CoreLabel>>) f.get(combiner);
      if (base != null && base.size() == models.length) {
        return base.toArray(new AbstractSequenceClassifier[0]);
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      // Load them again below.
    }
    AbstractSequenceClassifier<CoreLabel>[] out = new AbstractSequenceClassifier[models.length];
    for (int i = 0; i < models.length; i++) {
      out[i] = ClassifierCombiner.loadClassifierFromPath(new Properties(), models[i]);
    }
    return out;
  }

  @Override
  public List<CoreLabel> classifyWithGlobalInformation(
      List<CoreLabel> tokens, CoreMap document, CoreMap sentence) {
    if (!mayHoldNumbers(tokens)) {
      // On copies, so that a sentence read again with everything starts from what it was given.
      List<CoreLabel> out = crfsAlone.classifyWithGlobalInformation(copy(tokens), document, sentence);
      if (out.stream().noneMatch(t -> NUMERIC_LABELS.contains(t.ner()))) {
        // The caller reads the labels from the tokens it gave (classifySentenceWithGlobalInformation).
        for (int i = 0; i < tokens.size(); i++) {
          CoreLabel t = tokens.get(i);
          t.set(CoreAnnotations.AnswerAnnotation.class, out.get(i).get(CoreAnnotations.AnswerAnnotation.class));
          t.setNER(out.get(i).ner());
        }
        gated.incrementAndGet();
        return tokens;
      }
    }
    full.incrementAndGet();
    return super.classifyWithGlobalInformation(tokens, document, sentence);
  }

  /** Copies of the tokens. */
  private static List<CoreLabel> copy(List<CoreLabel> tokens) {
    return tokens.stream().map(CoreLabel::new).toList();
  }

  /**
   * Whether any token is or holds a digit, a currency sign, a percent sign or an anchor word, or is
   * tagged as a cardinal number (CD: the numeric classifiers label every CD token NUMBER, and the
   * tagger gives CD to Roman numerals, "World War II", that hold no digit).
   */
  static boolean mayHoldNumbers(List<CoreLabel> tokens) {
    for (CoreLabel t : tokens) {
      if ("CD".equals(t.tag()) || isAnchor(t.word())) {
        return true;
      }
    }
    return false;
  }

  static boolean isAnchor(String word) {
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (Character.isDigit(c)
          || c == '%'
          || c == '#'
          || Character.getType(c) == Character.CURRENCY_SYMBOL) {
        return true;
      }
    }
    String w = word.toLowerCase(Locale.ROOT);
    if (w.endsWith(".")) {
      w = w.substring(0, w.length() - 1);
    }
    if (ANCHORS.contains(w)) {
      return true;
    }
    // "mid-2010", "fifty-five", "two-thirds", "late-night": any part may anchor.
    if (w.indexOf('-') > 0) {
      for (String part : w.split("-")) {
        if (ANCHORS.contains(part)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Sentences read with the CRF models alone, and with everything, so far in this JVM. */
  static long[] counts() {
    return new long[] {gated.get(), full.get()};
  }
}
