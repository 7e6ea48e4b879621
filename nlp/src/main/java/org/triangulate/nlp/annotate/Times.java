package org.triangulate.nlp.annotate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.triangulate.annotate.ReferenceDates.Reference;
import org.triangulate.model.Span;
import org.triangulate.model.TimeRef;

/**
 * The times an article refers to: SUTime's DATE and TIME spans, filtered, and resolved against the
 * article's reference date.
 *
 * <p>CoreNLP runs SUTime without a document date, so its values are patterns ({@code
 * XXXX-WXX-4}, {@code THIS P1W OFFSET P-1W}, {@code XXXX-11-27}). This class resolves them:
 *
 * <ul>
 *   <li>A weekday depends on the tense of its clause ({@link TimeTense}): past, the latest such
 *       day on or before the reference; future (will, 'll, shall, "is set/due/scheduled to", "is
 *       to"), the first on or after it; neither, the nearest (ties: the past). "this Thursday" is
 *       "Thursday"; "last/next Thursday" is the Thursday of the ISO week before/after the
 *       reference's; "Thursday morning" is the day.
 *   <li>"this week", "earlier this week": the reference's ISO week; "last/next week", "last/this/
 *       next month/year", "yesterday/today/tomorrow", "tonight", "last night", "N days/weeks/
 *       months/years ago" at the unit's granularity; "the past/last year" is an interval ending on
 *       the reference.
 *   <li>A month-day without a year: future, the first on or after the reference; otherwise the
 *       latest on or before the reference plus 7 days. A month or season alone likewise: the
 *       last one begun by the reference, unless future.
 *   <li>Absolute times (years, "March 2011", "5 December 2024", "the 1980s", an ISO date in a
 *       dateline) need no reference and get none.
 * </ul>
 *
 * <p>Skipped: durations and sets (not DATE/TIME spans), PAST_REF/PRESENT_REF/FUTURE_REF ("now",
 * "previously"), times of day alone ("night", "10 a.m."), anaphoric times ("the day before", "a
 * week earlier", "the previous year", "that day"), vague plurals ("the coming days"), "may" and
 * "march" as verbs, and season words that are not times ("the regime's fall", "the fall of
 * Aleppo", "the Arab Spring"): a season word with no year, this/last/next, must follow a temporal
 * preposition ("in the fall", "during winter").
 */
public final class Times {

  private static final Set<String> SEASONS = Set.of("spring", "summer", "fall", "autumn", "winter");

  private static final Map<String, Integer> WEEKDAYS = Map.of(
      "monday", 1, "tuesday", 2, "wednesday", 3, "thursday", 4, "friday", 5, "saturday", 6,
      "sunday", 7);

  private static final Set<String> MONTHS = Set.of(
      "january", "february", "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
      "sept", "oct", "nov", "dec");

  /** Words before a bare season word ("in the fall") that make it a time. */
  private static final Set<String> SEASON_PREPOSITIONS = Set.of(
      "in", "during", "through", "throughout", "over", "by", "until", "till", "since", "into",
      "this", "last", "next");

  private static final Set<String> SEASON_MODIFIERS = Set.of("the", "early", "late", "mid");

  /** Words that tie a time to the narrative rather than to the article's date. */
  private static final Set<String> ANAPHORIC = Set.of(
      "before", "after", "earlier", "later", "previous", "following", "prior", "preceding", "that",
      "same");

  private static final Set<String> DEICTIC = Set.of("this", "ago");

  private static final Pattern SEASON_CODE = Pattern.compile("(?:-| )(SP|SU|FA|WI)\\b");
  private static final Pattern WEEKDAY_SEASON = Pattern.compile("^(XXXX-WXX-[1-7])-(?:SP|SU|FA|WI)$");
  private static final Pattern BARE_SEASON = Pattern.compile("^XXXX-(SP|SU|FA|WI)$");
  private static final Pattern MONTH_ONLY = Pattern.compile("^(?:XXXX|\\d{4})-\\d{2}$");
  private static final Pattern ISO_DATE =
      Pattern.compile("(?<![\\d-])(\\d{4})-(\\d{2})-(\\d{2})(?![\\d])");

  private Times() {}

  /**
   * Every time reference of the document, resolved against ref when relative; in text order.
   * Pure, thread-safe.
   */
  public static List<TimeRef> find(Doc doc, Optional<Reference> ref) {
    Objects.requireNonNull(doc, "doc");
    Objects.requireNonNull(ref, "ref");
    Optional<LocalDate> refDate = ref.map(Reference::date);
    List<TimeRef> out = new ArrayList<>();
    List<int[]> covered = new ArrayList<>();
    for (Candidate c : candidates(doc)) {
      covered.add(new int[] {
          doc.tokens().get(c.from).begin(), doc.tokens().get(c.to - 1).end()});
      timeRef(doc, c, refDate, ref).ifPresent(out::add);
    }
    // A date in a dateline or metadata line SUTime did not read.
    Matcher m = ISO_DATE.matcher(doc.text());
    while (m.find()) {
      int b = m.start();
      int e = m.end();
      if (covered.stream().anyMatch(r -> r[0] < e && b < r[1])) {
        continue;
      }
      TimeValues.resolve(m.group(), Optional.empty(), TimeTense.NONE)
          .ifPresent(v -> out.add(new TimeRef(
              new Span(b, e), v.value(), v.granularity(), Optional.empty(), Optional.empty())));
    }
    out.sort(Comparator.comparing(TimeRef::span));
    return List.copyOf(out);
  }

  /** A DATE/TIME span (adjacent pieces of one expression merged) and its SUTime expression. */
  private record Candidate(int from, int to, String expr) {}

  private static List<Candidate> candidates(Doc doc) {
    List<NerSpan> spans = doc.spans().stream()
        .filter(s -> s.type().equals("DATE") || s.type().equals("TIME"))
        .sorted(Comparator.comparingInt(NerSpan::firstToken))
        .toList();
    List<Candidate> out = new ArrayList<>();
    for (NerSpan s : spans) {
      String expr = s.timex() != null ? s.timex() : s.timexAlt();
      Candidate last = out.isEmpty() ? null : out.get(out.size() - 1);
      // "Thursday" + "morning" both carry XXXX-WXX-4TMO: one expression.
      if (last != null && expr != null && expr.equals(last.expr)
          && s.firstToken() <= last.to
          && doc.tokens().get(s.firstToken()).sentence()
              == doc.tokens().get(last.from).sentence()) {
        out.set(out.size() - 1, new Candidate(last.from, Math.max(last.to, s.endToken()), expr));
      } else {
        out.add(new Candidate(s.firstToken(), s.endToken(), expr));
      }
    }
    return out;
  }

  private static Optional<TimeRef> timeRef(
      Doc doc, Candidate c, Optional<LocalDate> refDate, Optional<Reference> ref) {
    String expr = c.expr;
    boolean seasonExpr = expr != null && SEASON_CODE.matcher(expr).find();
    int a = c.from;
    int b = c.to;
    while (a < b && trimLeading(doc.tokens().get(a), seasonExpr)) {
      a++;
    }
    while (b > a && trimTrailing(doc.tokens().get(b - 1))) {
      b--;
    }
    if (a >= b) {
      return Optional.empty();
    }
    List<Tok> toks = doc.tokens().subList(a, b);
    if (expr == null) {
      // SUTime leaves some weekdays ("Sunday") without a value.
      if (toks.size() != 1 || !WEEKDAYS.containsKey(lower(toks.get(0)))) {
        return Optional.empty();
      }
      expr = "XXXX-WXX-" + WEEKDAYS.get(lower(toks.get(0)));
    }
    if (seasonExpr && toks.stream().noneMatch(t -> SEASONS.contains(lower(t)))) {
      // "Hama falls Thursday": the verb lent the weekday a season.
      Matcher wm = WEEKDAY_SEASON.matcher(expr);
      if (!wm.matches()) {
        return Optional.empty();
      }
      expr = wm.group(1);
    }
    if (MONTH_ONLY.matcher(expr).matches()
        && toks.stream().noneMatch(t -> isMonthName(t) || t.word().matches(".*\\d.*"))) {
      return Optional.empty();
    }
    if (BARE_SEASON.matcher(expr).matches() && !seasonIsTime(doc, a, b)) {
      return Optional.empty();
    }
    if (toks.stream().anyMatch(t -> ANAPHORIC.contains(lower(t)))
        && toks.stream().noneMatch(t -> DEICTIC.contains(lower(t)))) {
      return Optional.empty();
    }
    if (expr.contains("_IMMEDIATE")
        && toks.stream().anyMatch(t -> t.pos().equals("NNS"))
        && toks.stream().noneMatch(t -> t.pos().equals("CD"))) {
      return Optional.empty();
    }
    TimeTense tense = TimeTense.of(doc, a, b);
    Optional<TimeValues.Value> v = TimeValues.resolve(expr, refDate, tense);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    boolean resolved = v.get().relative() && ref.isPresent();
    Span span = new Span(toks.get(0).begin(), toks.get(toks.size() - 1).end());
    return Optional.of(new TimeRef(
        span,
        v.get().value(),
        v.get().granularity(),
        resolved ? Optional.of(ref.get().date().toString()) : Optional.empty(),
        resolved ? Optional.of(ref.get().source()) : Optional.empty()));
  }

  /** Leading words SUTime sweeps into a span: "march in (March)", "at (10 a.m.)", "may (fall)". */
  private static boolean trimLeading(Tok t, boolean seasonExpr) {
    if (seasonExpr && SEASONS.contains(lower(t))) {
      return false;
    }
    String pos = t.pos();
    return pos.startsWith("VB") || pos.equals("MD") || pos.equals("IN") || pos.equals("TO")
        || pos.equals("CC") || punctuation(t);
  }

  private static boolean trimTrailing(Tok t) {
    String pos = t.pos();
    if (lower(t).equals("ago")) {
      return false;
    }
    return pos.equals("IN") || pos.equals("TO") || pos.equals("CC") || pos.equals("POS")
        || punctuation(t);
  }

  private static boolean punctuation(Tok t) {
    String pos = t.pos();
    return pos.isEmpty() || !Character.isLetter(pos.charAt(0));
  }

  /** A capitalised month name used as a noun ("March", "Dec."), not "may"/"march" the verb. */
  private static boolean isMonthName(Tok t) {
    String w = lower(t);
    if (w.endsWith(".")) {
      w = w.substring(0, w.length() - 1);
    }
    return MONTHS.contains(w) && Character.isUpperCase(t.word().charAt(0))
        && !t.pos().equals("MD") && !t.pos().startsWith("VB");
  }

  /**
   * Whether a bare season word in {@code [a, b)} is a time: it follows a temporal preposition
   * (across "the", "early", "late") and is not "the fall of" something that is not a year.
   */
  private static boolean seasonIsTime(Doc doc, int a, int b) {
    int i = a;
    while (i < b && !SEASONS.contains(lower(doc.tokens().get(i)))) {
      i++;
    }
    if (i == b) {
      return false;
    }
    Sentence s = doc.sentenceOf(doc.tokens().get(i));
    int j = i - 1;
    while (j >= s.firstToken() && SEASON_MODIFIERS.contains(lower(doc.tokens().get(j)))) {
      j--;
    }
    if (j < s.firstToken() || !SEASON_PREPOSITIONS.contains(lower(doc.tokens().get(j)))) {
      return false;
    }
    int k = i + 1;
    if (k < s.endToken() && lower(doc.tokens().get(k)).equals("of")) {
      return k + 1 < s.endToken() && doc.tokens().get(k + 1).pos().equals("CD");
    }
    return true;
  }

  private static String lower(Tok t) {
    return t.word().toLowerCase(Locale.ROOT);
  }
}
