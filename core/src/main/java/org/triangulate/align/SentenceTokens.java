package org.triangulate.align;

import org.triangulate.text.LexicalStemmer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One sentence read for the {@link SentenceJudge}: its words in two views, and the things that two
 * sentences saying the same thing must agree on (numbers, names, negation, dates).
 *
 * <ul>
 *   <li>{@link #surface}: the letter-and-digit runs, lower-cased, punctuation dropped (apostrophes
 *       and the commas inside numbers too; hyphens split words). Verbatim and edited are judged on
 *       these.
 *   <li>{@link #words}: the surface words normalised for comparison: {@code n't} becomes {@code
 *       not} ({@code won't} is {@code will not}), {@code 's} and the other clitics are dropped or
 *       spelled out, {@code %} and {@code per cent} are {@code percent}, units are spelled one way
 *       ({@code km}, {@code kilometres}: {@code kilometers}), number words are digits.
 *   <li>{@link #stems}: the words through {@link LexicalStemmer}.
 *   <li>{@link #numbers}: every number (digits, or a number word), normalised ({@code 1,520.50} is
 *       {@code 1520.5}).
 *   <li>{@link #names}: the words written with a capital that do not open the sentence, lower-cased.
 *   <li>{@link #negations}: how many negation words ({@code not no never nothing nobody none
 *       neither nor without unless}, the verbs of denial, refusal and failure, {@code declined}
 *       before {@code to}, and words in {@code -less}: {@code vengeanceless}).
 *   <li>{@link #weekdays}, {@link #months}: the days of the week and months named.
 * </ul>
 */
final class SentenceTokens {

  static final Set<String> STOPWORDS = org.triangulate.text.StopWords.ENGLISH;

  /** Titles written with a capital that are not names themselves. */
  private static final Set<String> TITLES =
      Set.of("mr", "mrs", "ms", "dr", "sir", "president", "gov", "sen", "rep", "gen", "prime", "minister");

  private static final Set<String> NEGATIONS =
      Set.of(
          "not", "no", "never", "nothing", "nobody", "none", "neither", "nor", "without", "cannot",
          "unless", "deny", "denies", "denied", "denying", "refuse", "refuses", "refused",
          "refusing", "refusal", "reject", "rejects", "rejected", "rejecting", "fail", "fails",
          "failed", "failing", "failure");

  /** Words in -less that do not mean "without". */
  private static final Set<String> NOT_PRIVATIVE =
      Set.of("nevertheless", "nonetheless", "regardless", "doubtless", "unless");

  /** Verbs that negate only before "to" or "comment" ("declined to comment"). */
  private static final Set<String> NEGATING_BEFORE_TO = Set.of("decline", "declines", "declined", "declining");

  private static final Map<String, String> NUMBER_WORDS =
      Map.ofEntries(
          Map.entry("zero", "0"), Map.entry("one", "1"), Map.entry("two", "2"),
          Map.entry("three", "3"), Map.entry("four", "4"), Map.entry("five", "5"),
          Map.entry("six", "6"), Map.entry("seven", "7"), Map.entry("eight", "8"),
          Map.entry("nine", "9"), Map.entry("ten", "10"), Map.entry("eleven", "11"),
          Map.entry("twelve", "12"), Map.entry("thirteen", "13"), Map.entry("fourteen", "14"),
          Map.entry("fifteen", "15"), Map.entry("sixteen", "16"), Map.entry("seventeen", "17"),
          Map.entry("eighteen", "18"), Map.entry("nineteen", "19"), Map.entry("twenty", "20"),
          Map.entry("thirty", "30"), Map.entry("forty", "40"), Map.entry("fifty", "50"),
          Map.entry("sixty", "60"), Map.entry("seventy", "70"), Map.entry("eighty", "80"),
          Map.entry("ninety", "90"),
          Map.entry("hundred", "100"), Map.entry("thousand", "1000"), Map.entry("million", "1000000"),
          Map.entry("billion", "1000000000"), Map.entry("dozen", "12"), Map.entry("half", "0.5"));

  /** Units and their abbreviations, spelled one way ({@code km} and {@code kilometres} are {@code kilometers}). */
  private static final Map<String, String> UNITS =
      Map.ofEntries(
          Map.entry("km", "kilometers"), Map.entry("kms", "kilometers"),
          Map.entry("kilometer", "kilometers"), Map.entry("kilometre", "kilometers"),
          Map.entry("kilometres", "kilometers"), Map.entry("mi", "miles"), Map.entry("mile", "miles"),
          Map.entry("ft", "feet"), Map.entry("foot", "feet"), Map.entry("kg", "kilograms"),
          Map.entry("kgs", "kilograms"), Map.entry("kilogram", "kilograms"),
          Map.entry("kilogramme", "kilograms"), Map.entry("kilogrammes", "kilograms"),
          Map.entry("lb", "pounds"), Map.entry("lbs", "pounds"), Map.entry("pct", "percent"),
          Map.entry("metre", "meters"), Map.entry("metres", "meters"), Map.entry("meter", "meters"),
          Map.entry("hrs", "hours"), Map.entry("hr", "hours"), Map.entry("mins", "minutes"),
          Map.entry("bn", "billion"), Map.entry("mln", "million"));

  /** Number words that are also counts or multipliers; they are numbers only on their own. */
  private static final Set<String> MULTIPLIERS = Set.of("hundred", "thousand", "million", "billion", "half", "dozen");

  private static final List<String> WEEKDAYS =
      List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

  private static final Map<String, String> MONTHS =
      Map.ofEntries(
          Map.entry("january", "1"), Map.entry("february", "2"), Map.entry("march", "3"),
          Map.entry("april", "4"), Map.entry("june", "6"), Map.entry("july", "7"),
          Map.entry("august", "8"), Map.entry("september", "9"), Map.entry("october", "10"),
          Map.entry("november", "11"), Map.entry("december", "12"), Map.entry("jan", "1"),
          Map.entry("feb", "2"), Map.entry("aug", "8"), Map.entry("sept", "9"),
          Map.entry("sep", "9"), Map.entry("oct", "10"), Map.entry("nov", "11"),
          Map.entry("dec", "12"));

  final String text;
  final List<String> surface;
  final List<String> words;
  final List<String> stems;
  final Set<String> numbers;
  final Set<String> names;
  final int negations;
  final Set<String> weekdays;
  final Set<String> months;

  // Read once here, so that judging one sentence against many compares sorted arrays (Terms)
  // rather than building sets and maps for every pair.
  final Terms surfaceTerms;
  final Terms wordTerms;
  final Terms contentWordTerms;
  final Terms stemTerms;
  final Terms contentStemTerms;

  /** {@code stemGramTerms[n]}: the n-grams of {@link #stems} (n = 1..4), joined by spaces. */
  private final Terms[] stemGramTerms = new Terms[5];

  /** The distinct character trigrams of the words joined by spaces, as numbers, sorted. */
  final long[] charTrigrams;

  /** The {@link #names}, and the stem of each. */
  final String[] nameList;

  final String[] nameStems;

  /** The positions in {@link #words} of the words that are {@link #names}, in order. */
  final int[] namePositions;

  /** The distinct {@link #words} of four letters or more, in {@link String#compareTo} order. */
  final String[] longWords;

  /** The places given a compass direction, with its points (see {@link SentenceChecks}). */
  final Map<String, String> directions;

  private SentenceTokens(String text) {
    this.text = text;
    List<String> surf = new ArrayList<>();
    List<String> norm = new ArrayList<>();
    Set<String> nums = new HashSet<>();
    Set<String> caps = new HashSet<>();
    Set<String> days = new HashSet<>();
    Set<String> mons = new HashSet<>();
    int neg = 0;
    int tens = 0; // the value of a tens word just read ("ninety"), for "ninety-five"
    int n = text.length();
    int i = 0;
    int index = 0;
    while (i < n) {
      int c = text.codePointAt(i);
      if (c == '%') {
        norm.add("percent");
        i++;
        continue;
      }
      if (!Character.isLetterOrDigit(c)) {
        i += Character.charCount(c);
        continue;
      }
      int start = i;
      int end = scanToken(text, i);
      i = end;
      String raw = text.substring(start, end);
      String lower = raw.toLowerCase(Locale.ROOT);
      boolean numeric = Character.isDigit(raw.codePointAt(0));
      String bare =
          numeric
              ? numberCommas(lower)
              : lower.replace("'", "").replace("\u2019", "").replace(".", "");
      surf.add(bare);
      if (numeric) {
        tens = 0;
        String number = number(bare);
        if (number != null) {
          nums.add(number);
          norm.add(number);
        } else {
          norm.add(bare);
          // "1990s", "20th", "3m": the leading digits are a number too.
          int d = 0;
          while (d < bare.length() && (Character.isDigit(bare.charAt(d)) || bare.charAt(d) == '.')) {
            d++;
          }
          String lead = number(bare.substring(0, d));
          if (lead != null) {
            nums.add(lead);
          }
        }
        index++;
        continue;
      }
      List<String> parts = expand(lower.replace(".", ""));
      boolean inCompound =
          (start > 0 && text.charAt(start - 1) == '-') || (end < n && text.charAt(end) == '-');
      if (inCompound && parts.size() == 1 && NEGATIONS.contains(parts.get(0))) {
        parts = List.of(parts.get(0) + "-"); // "do-not-call", "no-fly": not a negation of the sentence
      }
      for (String part : parts) {
        String w = UNITS.getOrDefault(part, part);
        if (w.equals("cent") && !norm.isEmpty() && norm.get(norm.size() - 1).equals("per")) {
          norm.set(norm.size() - 1, "percent"); // "per cent"
          continue;
        }
        String asNumber = NUMBER_WORDS.get(w);
        if (asNumber != null && !MULTIPLIERS.contains(w)) {
          int value = (int) Double.parseDouble(asNumber);
          if (tens > 0 && value >= 1 && value <= 9 && start > 0 && text.charAt(start - 1) == '-') {
            // "ninety-five": one number
            String compound = Integer.toString(tens + value);
            nums.remove(norm.get(norm.size() - 1));
            nums.add(compound);
            norm.set(norm.size() - 1, compound);
            tens = 0;
            continue;
          }
          tens = value >= 20 && value <= 90 && value % 10 == 0 ? value : 0;
          nums.add(asNumber);
          norm.add(asNumber);
          continue;
        }
        tens = 0;
        norm.add(w);
        if (WEEKDAYS.contains(w)) {
          days.add(w);
        }
        String month = w.equals("may") && index > 0 ? "5" : MONTHS.get(w);
        if (month != null && Character.isUpperCase(raw.codePointAt(0))) {
          mons.add(month);
        }
      }
      if (index > 0 && Character.isUpperCase(raw.codePointAt(0)) && !parts.isEmpty()) {
        String head = parts.get(0);
        if (!STOPWORDS.contains(head) && !TITLES.contains(head) && !WEEKDAYS.contains(head)
            && !MONTHS.containsKey(head) && !head.equals("may")) {
          caps.add(head);
        }
      }
      index++;
    }
    for (int k = 0; k < norm.size(); k++) {
      if (isNegation(norm, k)) {
        neg++;
      }
    }
    this.surface = List.copyOf(surf);
    this.words = List.copyOf(norm);
    List<String> st = new ArrayList<>(norm.size());
    for (String w : norm) {
      st.add(LexicalStemmer.stem(w));
    }
    this.stems = List.copyOf(st);
    this.numbers = Set.copyOf(nums);
    this.names = Set.copyOf(caps);
    this.negations = neg;
    this.weekdays = Set.copyOf(days);
    this.months = Set.copyOf(mons);
    this.surfaceTerms = Terms.of(surface);
    this.wordTerms = Terms.of(words);
    this.contentWordTerms = Terms.of(contentWords());
    this.stemTerms = Terms.of(stems);
    this.contentStemTerms = Terms.of(contentStems());
    stemGramTerms[1] = stemTerms;
    for (int g = 2; g <= 4; g++) {
      stemGramTerms[g] = Terms.of(SentenceFeatures.ngrams(stems, g));
    }
    this.charTrigrams = charTrigrams(words);
    this.nameList = names.stream().sorted().toArray(String[]::new);
    this.nameStems = new String[nameList.length];
    for (int k = 0; k < nameList.length; k++) {
      nameStems[k] = LexicalStemmer.stem(nameList[k]);
    }
    this.namePositions =
        java.util.stream.IntStream.range(0, words.size()).filter(k -> names.contains(words.get(k))).toArray();
    this.longWords = words.stream().filter(w -> w.length() >= 4).distinct().sorted().toArray(String[]::new);
    this.directions = SentenceChecks.directions(words);
  }

  /** Whether {@code words.get(k)} negates: a negation word, or "declined" before "to". */
  static boolean isNegation(List<String> words, int k) {
    String w = words.get(k);
    if (NEGATIONS.contains(w)) {
      return true;
    }
    if (w.length() > 6 && w.endsWith("less") && !NOT_PRIVATIVE.contains(w)) {
      return true; // "vengeanceless": without vengeance
    }
    if (NEGATING_BEFORE_TO.contains(w)) {
      for (int j = k + 1; j < Math.min(words.size(), k + 5); j++) {
        if (words.get(j).equals("to") || words.get(j).equals("comment")) {
          return true;
        }
      }
    }
    return false;
  }

  static SentenceTokens of(String text) {
    return new SentenceTokens(text == null ? "" : text);
  }

  /**
   * The end of the token at {@code i}: letters, digits and marks, with an apostrophe inside a word,
   * or a period or comma between digits.
   */
  private static int scanToken(String s, int i) {
    int n = s.length();
    while (i < n) {
      int c = s.codePointAt(i);
      if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
        i += Character.charCount(c);
        continue;
      }
      if (i + 1 < n && i > 0) {
        char prev = s.charAt(i - 1);
        char next = s.charAt(i + 1);
        if ((c == '\'' || c == '\u2019') && Character.isLetter(prev) && Character.isLetter(next)) {
          i++;
          continue;
        }
        if ((c == '.' || c == ',') && Character.isDigit(prev) && Character.isDigit(next)) {
          i++;
          continue;
        }
        // Initialisms: "U.S.", "a.m.": single letters joined by periods.
        if (c == '.' && Character.isLetter(prev) && Character.isLetter(next)
            && (i < 2 || !Character.isLetter(s.charAt(i - 2)))
            && (i + 2 >= n || !Character.isLetter(s.charAt(i + 2)))) {
          i++;
          continue;
        }
      }
      break;
    }
    return i;
  }

  /** A digit string as a canonical number ({@code 07} is {@code 7}, {@code 2.50} is {@code 2.5}). */
  private static String number(String digits) {
    if (digits.isEmpty()) {
      return null;
    }
    for (int k = 0; k < digits.length(); k++) {
      char ch = digits.charAt(k);
      if (!Character.isDigit(ch) && ch != '.') {
        return null;
      }
    }
    try {
      java.math.BigDecimal d = new java.math.BigDecimal(digits).stripTrailingZeros();
      return d.toPlainString();
    } catch (NumberFormatException e) {
      return digits;
    }
  }

  /**
   * Commas in a number: thousands separators ({@code 1,520.15}) are dropped, a single comma
   * without a period and not followed by three digits is a decimal comma ({@code 1,2 million}).
   */
  private static String numberCommas(String s) {
    int comma = s.indexOf(',');
    if (comma < 0) {
      return s;
    }
    if (s.indexOf(',', comma + 1) < 0 && s.indexOf('.') < 0) {
      int digits = 0;
      while (comma + 1 + digits < s.length() && Character.isDigit(s.charAt(comma + 1 + digits))) {
        digits++;
      }
      if (digits != 3) {
        return s.replace(',', '.');
      }
    }
    return s.replace(",", "");
  }

  /** Contractions written without their apostrophe ({@code dont}, {@code isnt}). */
  private static final Map<String, String> BARE_NEGATIVES =
      Map.ofEntries(
          Map.entry("dont", "do"), Map.entry("doesnt", "does"), Map.entry("didnt", "did"),
          Map.entry("isnt", "is"), Map.entry("arent", "are"), Map.entry("wasnt", "was"),
          Map.entry("werent", "were"), Map.entry("hasnt", "has"), Map.entry("havent", "have"),
          Map.entry("hadnt", "had"), Map.entry("wont", "will"), Map.entry("cant", "can"),
          Map.entry("couldnt", "could"), Map.entry("wouldnt", "would"),
          Map.entry("shouldnt", "should"));

  /** A lower-cased word with its clitics spelled out or dropped. */
  private static List<String> expand(String w) {
    int apos = Math.max(w.lastIndexOf('\''), w.lastIndexOf('\u2019'));
    if (apos < 0) {
      String base = BARE_NEGATIVES.get(w);
      return base == null ? List.of(w) : List.of(base, "not");
    }
    String head = w.substring(0, apos).replace("'", "").replace("\u2019", "");
    String tail = w.substring(apos + 1);
    if (tail.equals("t") && head.endsWith("n")) {
      String base = head.substring(0, head.length() - 1);
      base =
          switch (base) {
            case "wo" -> "will";
            case "ca" -> "can";
            case "sha" -> "shall";
            case "ai" -> "is";
            default -> base;
          };
      return base.isEmpty() ? List.of("not") : List.of(base, "not");
    }
    String spelled =
        switch (tail) {
          case "s", "" -> null;
          case "re" -> "are";
          case "ve" -> "have";
          case "ll" -> "will";
          case "d" -> "would";
          case "m" -> "am";
          default -> "";
        };
    if (spelled == null) {
      return List.of(head);
    }
    if (spelled.isEmpty()) {
      return List.of(head + tail); // O'Neill, D'Amato
    }
    return List.of(head, spelled);
  }

  /** The words that are not stopwords. */
  List<String> contentWords() {
    List<String> out = new ArrayList<>();
    for (String w : words) {
      if (!STOPWORDS.contains(w)) {
        out.add(w);
      }
    }
    return out;
  }

  /** The stems of the words that are not stopwords. */
  List<String> contentStems() {
    List<String> out = new ArrayList<>();
    for (int k = 0; k < words.size(); k++) {
      if (!STOPWORDS.contains(words.get(k))) {
        out.add(stems.get(k));
      }
    }
    return out;
  }

  /** The n-grams of {@link #stems} (n = 1..4), joined by spaces. */
  Terms stemGrams(int n) {
    return stemGramTerms[n];
  }

  /**
   * The distinct character trigrams of {@code words} joined by spaces, with a space at each end,
   * each as its three UTF-16 units in one number (exact: 48 bits), sorted.
   */
  static long[] charTrigrams(List<String> words) {
    String s = " " + String.join(" ", words) + " ";
    int n = s.length() - 2;
    if (n <= 0) {
      return new long[0];
    }
    long[] grams = new long[n];
    for (int i = 0; i < n; i++) {
      grams[i] = ((long) s.charAt(i) << 32) | ((long) s.charAt(i + 1) << 16) | s.charAt(i + 2);
    }
    java.util.Arrays.sort(grams);
    int d = 0;
    for (int i = 0; i < n; i++) {
      if (d == 0 || grams[i] != grams[d - 1]) {
        grams[d++] = grams[i];
      }
    }
    return java.util.Arrays.copyOf(grams, d);
  }
}
