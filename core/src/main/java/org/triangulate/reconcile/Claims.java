package org.triangulate.reconcile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.triangulate.align.SentenceJudge;
import org.triangulate.model.Article;
import org.triangulate.model.Claim;
import org.triangulate.model.Entity;
import org.triangulate.model.Link;
import org.triangulate.text.LexicalStemmer;

/**
 * Groups the sentences of a story's articles into claims, finds where sources give incompatible
 * values for the same thing, and gives each claim its standing.
 *
 * <p>Sentences join one claim when the align stage linked them (verbatim, edited, paraphrase), when
 * they state the same fact in other words (embedding cosine at least {@value #SAME_FACT_COSINE},
 * three content words in common, and a sentence judge score of at least {@value #SAME_FACT_JUDGE}:
 * looser than the align stage's paraphrase, since two independent reports of one fact share less
 * than a rewrite does; on the Hama corpus, same-fact pairs scored 0.30 to 0.47 and different facts
 * on the same topic at most 0.28, while their cosines overlapped), or when they give compatible values under one key
 * ({@link Slots}: "40 km south of Hama" and "25 miles south of Hama"). A group is contested when
 * two of its linked sentences swap a value for an incompatible one (a word-level replacement:
 * "northeast" for "northwest"). Sentences of different claims that
 * give incompatible values for a key that names its subject (a duration of fighting, a city's
 * rank, a distance from a place, the date of an event marked by the same number) and are about the
 * same event form a contested claim of their own; a claim all of whose sentences are in it is
 * absorbed, except into a dispute over whether a place was taken, beside which the report that it
 * was stays a claim of its own.
 */
final class Claims {

  static final double SAME_FACT_COSINE = 0.72;
  static final double SAME_FACT_JUDGE = 0.30;
  static final double SAME_EVENT_COSINE = 0.45;
  private static final int LARGE = 4000;

  private Claims() {}

  static List<Claim> of(StoryEvidence ev, List<Unit> units, float[][] vectors, SentenceJudge judge) {
    LinkedUnits linked = new LinkedUnits(ev, units);
    Sources sources = new Sources(ev, units, linked);
    Groups groups = new Groups(units);
    for (LinkedUnits.Pair p : linked.pairs()) {
      groups.union(p.a(), p.b());
    }
    if (units.size() <= LARGE) {
      sameFacts(units, vectors, groups, judge);
    }
    Map<String, List<Keyed>> byKey = crossKeys(units);
    agreements(units, vectors, byKey, groups);

    List<Draft> drafts = new ArrayList<>();
    for (List<Integer> g : groups.groups()) {
      List<Unit> us = g.stream().map(units::get).toList();
      if (us.stream().noneMatch(Unit::statement)) {
        continue;
      }
      drafts.add(new Draft(us, withinConflict(us, linked), false));
    }
    for (Draft c : contested(units, vectors, byKey, groups)) {
      Set<Integer> in = new TreeSet<>();
      c.units.forEach(u -> in.add(u.index()));
      if (c.conflict.get().kind != SlotValue.Kind.STATUS) {
        // a claim that is all about the disputed value is the contested claim; the report that a
        // place was taken stays a claim of its own beside the dispute over it
        drafts.removeIf(d -> d.conflict.isEmpty() && d.units.stream().allMatch(u -> in.contains(u.index())));
      }
      drafts.add(c);
    }
    drafts.sort(Comparator.comparingInt((Draft d) -> d.units.get(0).index())
        .thenComparing(d -> d.conflict.map(x -> x.key).orElse("")));
    List<Claim> out = new ArrayList<>();
    for (Draft d : drafts) {
      out.add(d.claim(ev, ev.story().id() + "#c" + (out.size() + 1), sources));
    }
    for (DescriptionClaims.Found f : DescriptionClaims.of(ev)) {
      out.add(new Claim(ev.story().id() + "#c" + (out.size() + 1), f.text(), "single-source", 1,
          List.of(DescriptionClaims.assertion(f)), Optional.empty()));
    }
    return out;
  }

  /** Sentences of different articles that say the same thing in other words. */
  private static void sameFacts(List<Unit> units, float[][] vectors, Groups groups, SentenceJudge judge) {
    record Edge(int a, int b, double cos) {}
    List<Edge> edges = new ArrayList<>();
    for (int i = 0; i < units.size(); i++) {
      Unit a = units.get(i);
      if (!a.statement() || vectors[i] == null) {
        continue;
      }
      for (int j = i + 1; j < units.size(); j++) {
        Unit b = units.get(j);
        if (!b.statement() || b.article().equals(a.article()) || vectors[j] == null || groups.same(i, j)) {
          continue;
        }
        double cos = dot(vectors[i], vectors[j]);
        if (cos >= SAME_FACT_COSINE && shared(a.stems(), b.stems()) >= 3
            && judge.judge(a.text(), b.text(), vectors[i], vectors[j]).score() >= SAME_FACT_JUDGE) {
          edges.add(new Edge(i, j, cos));
        }
      }
    }
    edges.sort(Comparator.comparingDouble(Edge::cos).reversed().thenComparingInt(Edge::a).thenComparingInt(Edge::b));
    for (Edge e : edges) {
      groups.union(e.a, e.b);
    }
  }

  /** A value under a key compared across claims. */
  record Keyed(Unit unit, SlotValue value) {}

  /**
   * The values compared across claims, by key: keys that name their subject, and dates keyed by a
   * distinctive number the same sentence gives.
   */
  private static Map<String, List<Keyed>> crossKeys(List<Unit> units) {
    Map<String, List<Keyed>> out = new TreeMap<>();
    for (Unit u : units) {
      if (!u.statement()) {
        continue;
      }
      List<SlotValue> times = new ArrayList<>();
      for (SlotValue v : u.slots()) {
        if (v.kind() == SlotValue.Kind.TIME) {
          times.add(v);
        } else if (!v.key().endsWith(Slots.WITHIN)) {
          out.computeIfAbsent(v.key(), k -> new ArrayList<>()).add(new Keyed(u, v));
        }
      }
      if (times.size() == 1) {
        for (SlotValue v : u.slots()) {
          if (v.kind() == SlotValue.Kind.QUANTITY && distinctive(v)) {
            String[] parts = v.key().split("\\|", -1);
            String key = "time|" + v.value() + (parts.length > 2 && !parts[2].isEmpty() ? " " + parts[2] : "");
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(new Keyed(u, times.get(0)));
          }
        }
      }
    }
    return out;
  }

  /**
   * A number that marks an event: a percentage of something ("salaries by 50%"). Counts and sums
   * recur in a story for different events (the dead, a damage estimate, an offer) and dated by
   * different times; on ECB+ dev they gave only false contradictions.
   */
  private static boolean distinctive(SlotValue v) {
    return v.key().startsWith("quantity|percent|") && !v.key().equals("quantity|percent||");
  }

  /** Whether two sentences are about the same event, for values whose key does not say it. */
  private static boolean sameEvent(String key, Unit a, Unit b, float[][] vectors) {
    if (key.startsWith("rank|") || key.startsWith("status|")) {
      return true;
    }
    if (key.startsWith("distance|") && subjectsDiffer(a, b, key)) {
      return false;
    }
    double cos = vectors[a.index()] == null || vectors[b.index()] == null ? 0 : dot(vectors[a.index()], vectors[b.index()]);
    return cos >= SAME_EVENT_COSINE || shared(a.stems(), b.stems()) >= 4;
  }

  /**
   * Two distances from one place whose subjects are named and differ ("Zarand ... 602 miles
   * southeast of Tehran", "Qeshm ... 1,150 km southeast of Tehran") are of different things.
   */
  private static boolean subjectsDiffer(Unit a, Unit b, String key) {
    Optional<String> x = a.slots().stream().filter(v -> v.key().equals(key)).findFirst().flatMap(SlotValue::subject);
    Optional<String> y = b.slots().stream().filter(v -> v.key().equals(key)).findFirst().flatMap(SlotValue::subject);
    return x.isPresent() && y.isPresent() && !x.equals(y);
  }

  /** Sentences of different claims that give compatible values under one key join. */
  private static void agreements(List<Unit> units, float[][] vectors, Map<String, List<Keyed>> byKey, Groups groups) {
    for (Map.Entry<String, List<Keyed>> e : byKey.entrySet()) {
      if (!e.getKey().startsWith("distance|")) {
        continue; // a rank, a duration or a date is a small part of its sentence: it only contests
      }
      List<Keyed> vs = e.getValue();
      for (int i = 0; i < vs.size(); i++) {
        for (int j = i + 1; j < vs.size(); j++) {
          Keyed a = vs.get(i);
          Keyed b = vs.get(j);
          if (!a.unit.article().equals(b.unit.article()) && a.value.compatible(b.value)
              && sameEvent(e.getKey(), a.unit, b.unit, vectors) && !conflicting(a.unit, b.unit)) {
            groups.union(a.unit.index(), b.unit.index());
          }
        }
      }
    }
  }

  /** Whether two sentences give incompatible values under some key they share. */
  private static boolean conflicting(Unit a, Unit b) {
    for (SlotValue x : a.slots()) {
      for (SlotValue y : b.slots()) {
        if (x.key().equals(y.key()) && !x.key().endsWith(Slots.WITHIN) && !x.compatible(y)) {
          return true;
        }
      }
    }
    return false;
  }

  /** A disagreement: a key and the values each sentence gives. */
  record Conflict(String key, SlotValue.Kind kind, Map<Unit, SlotValue> values) {}

  /**
   * The first disagreement inside a group: two of its sentences linked by the align stage where a
   * word-level replacement swaps one value for an incompatible one of the same kind ("northeast"
   * for "northwest", "five" for "three"). Only values under keys compared within one claim count
   * here; the others are compared across claims. Sentences that state the same fact in other words
   * without a link are not compared value by value: with no alignment there is no telling which
   * of their numbers or dates answer each other.
   */
  private static Optional<Conflict> withinConflict(List<Unit> us, LinkedUnits linked) {
    Set<Integer> in = new TreeSet<>();
    us.forEach(u -> in.add(u.index()));
    Map<Integer, Unit> byIndex = new TreeMap<>();
    us.forEach(u -> byIndex.put(u.index(), u));
    for (LinkedUnits.Pair p : linked.pairs()) {
      if (!in.contains(p.a()) || !in.contains(p.b())) {
        continue;
      }
      Unit a = byIndex.get(p.a());
      Unit b = byIndex.get(p.b());
      for (Link.Edit e : p.link().edits()) {
        if (!e.op().equals("replace")) {
          continue;
        }
        for (SlotValue x : a.slots()) {
          if (!x.key().endsWith(Slots.WITHIN) || UnitReader.overlap(x.span(), e.a()) == 0
              || x.key().startsWith("quantity|count||")) {
            continue;
          }
          for (SlotValue y : b.slots()) {
            if (y.key().equals(x.key()) && UnitReader.overlap(y.span(), e.b()) > 0 && !x.compatible(y)
                && !(x.kind() == SlotValue.Kind.TIME && (x.relative() || y.relative()))) {
              Map<Unit, SlotValue> values = new LinkedHashMap<>();
              values.put(a, x);
              values.put(b, y);
              return Optional.of(new Conflict(x.key(), x.kind(), values));
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  /** Contested claims across groups: incompatible values under a key that names its subject. */
  private static List<Draft> contested(
      List<Unit> units, float[][] vectors, Map<String, List<Keyed>> byKey, Groups groups) {
    List<Draft> out = new ArrayList<>();
    for (Map.Entry<String, List<Keyed>> e : byKey.entrySet()) {
      List<Keyed> vs = e.getValue();
      int n = vs.size();
      int[] comp = new int[n];
      for (int i = 0; i < n; i++) {
        comp[i] = i;
      }
      boolean any = false;
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          Keyed a = vs.get(i);
          Keyed b = vs.get(j);
          if (a.unit.article().equals(b.unit.article()) || !sameEvent(e.getKey(), a.unit, b.unit, vectors)) {
            continue;
          }
          if (!a.value.compatible(b.value) && !differentlyResolved(a.value, b.value)) {
            any = true;
          }
          int ra = root(comp, i);
          int rb = root(comp, j);
          comp[Math.max(ra, rb)] = Math.min(ra, rb);
        }
      }
      if (!any) {
        continue;
      }
      Map<Integer, List<Keyed>> components = new TreeMap<>();
      for (int i = 0; i < n; i++) {
        components.computeIfAbsent(root(comp, i), k -> new ArrayList<>()).add(vs.get(i));
      }
      for (List<Keyed> c : components.values()) {
        Map<Unit, SlotValue> values = new LinkedHashMap<>();
        c.stream().sorted(Comparator.comparingInt(k -> k.unit.index()))
            .forEach(k -> values.putIfAbsent(k.unit, k.value));
        List<SlotValue> distinct = List.copyOf(values.values());
        boolean conflict = false;
        for (int i = 0; i < distinct.size() && !conflict; i++) {
          for (int j = i + 1; j < distinct.size(); j++) {
            if (!distinct.get(i).compatible(distinct.get(j))) {
              conflict = true;
              break;
            }
          }
        }
        if (conflict) {
          out.add(new Draft(List.copyOf(values.keySet()),
              Optional.of(new Conflict(e.getKey(), c.get(0).value.kind(), values)), true));
        }
      }
    }
    return out;
  }

  /**
   * Two relative times read against different dates ("last Friday" in reports a month apart):
   * whether they disagree depends on dates the words do not give, so they are not compared.
   */
  private static boolean differentlyResolved(SlotValue a, SlotValue b) {
    return a.kind() == SlotValue.Kind.TIME && a.relative() && b.relative() && !a.reference().equals(b.reference());
  }

  private static int root(int[] p, int i) {
    while (p[i] != i) {
      i = p[i];
    }
    return i;
  }

  static int shared(Set<String> a, Set<String> b) {
    int n = 0;
    for (String s : a) {
      if (b.contains(s)) {
        n++;
      }
    }
    return n;
  }

  static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /**
   * A claim before it has an id. A contested claim found across groups ({@code cross}) is worded
   * by the clause around its first value ("Syria's second-largest city"), since its sentences may
   * say other things too.
   */
  private record Draft(List<Unit> units, Optional<Conflict> conflict, boolean cross) {

    Claim claim(StoryEvidence ev, String id, Sources sources) {
      List<Unit> us = units.stream().sorted(Comparator.comparingInt(Unit::index)).toList();
      Unit first = us.stream().filter(Unit::statement).findFirst().orElse(us.get(0));
      List<Claim.Assertion> assertions = new ArrayList<>();
      for (Unit u : us) {
        Optional<String> value =
            conflict.flatMap(c -> Optional.ofNullable(c.values.get(u))).map(SlotValue::value);
        assertions.add(new Claim.Assertion(u.article(), u.span(), u.speaker(), value));
      }
      int independent = sources.count(us);
      Optional<Claim.Contradiction> contradiction = conflict.map(c -> contradiction(ev, c));
      String status = contradiction.isPresent() ? "contested" : independent >= 2 ? "corroborated" : "single-source";
      String text = first.text().strip();
      if (cross) {
        Unit u = us.get(0);
        text = Timeline.clause(ev.article(u.article()).text(), conflict.get().values.get(u).span(), u.span())
            .of(ev.article(u.article()).text()).strip();
      }
      return new Claim(id, text, status, independent, assertions, contradiction);
    }
  }

  private static Claim.Contradiction contradiction(StoryEvidence ev, Conflict c) {
    Map<String, List<Map.Entry<Unit, SlotValue>>> byValue = new TreeMap<>();
    List<SlotValue> representatives = new ArrayList<>();
    for (Map.Entry<Unit, SlotValue> e : c.values.entrySet()) {
      String v = null;
      for (SlotValue r : representatives) {
        if (c.kind == SlotValue.Kind.STATUS ? r.value().equals(e.getValue().value()) : r.compatible(e.getValue())) {
          v = r.value();
          break;
        }
      }
      if (v == null) {
        representatives.add(e.getValue());
        v = e.getValue().value();
      }
      byValue.computeIfAbsent(v, k -> new ArrayList<>()).add(e);
    }
    List<Claim.Value> values = new ArrayList<>();
    for (Map.Entry<String, List<Map.Entry<Unit, SlotValue>>> e : byValue.entrySet()) {
      Set<String> articles = new TreeSet<>();
      List<Link.Passage> spans = new ArrayList<>();
      for (Map.Entry<Unit, SlotValue> x : e.getValue()) {
        articles.add(x.getKey().article());
        spans.add(new Link.Passage(x.getKey().article(), x.getValue().span()));
      }
      spans.sort(Comparator.comparing(Link.Passage::article).thenComparing(Link.Passage::span));
      values.add(new Claim.Value(e.getKey(), List.copyOf(articles), spans));
    }
    values.sort(Comparator.comparing((Claim.Value v) -> v.articles().get(0)).thenComparing(Claim.Value::value));
    Map<String, String> labels = Article.labels(ev.articles());
    Timing timing = Timing.of(ev, c, values, labels);
    List<String> texts = c.values.keySet().stream().map(Unit::text).toList();
    String subject = readable(ev, subject(c.key), texts);
    // "direction" alone, not "direction: direction": the subject says nothing more.
    String slot = subject.equals(c.kind.wireName()) ? subject : c.kind.wireName() + ": " + subject;
    StringBuilder why =
        new StringBuilder("The sources disagree on " + describe(ev, c, texts) + ": ");
    for (int i = 0; i < values.size(); i++) {
      Claim.Value v = values.get(i);
      why.append(i == 0 ? "" : i == values.size() - 1 ? " against " : ", ");
      if (c.kind == SlotValue.Kind.STATUS) {
        why.append(v.value()).append(": ");
      }
      why.append('"').append(v.spans().get(0).span().of(ev.article(v.spans().get(0).article()).text()))
          .append("\" (").append(names(v.articles(), labels)).append(')');
    }
    why.append('.');
    if (!timing.sentence.isEmpty()) {
      why.append(' ').append(timing.sentence);
    }
    return new Claim.Contradiction(slot, values, why.toString(), timing.explains);
  }

  /** Articles by their labels, as a reader knows them ({@link Article#labels}). */
  static String names(List<String> articles, Map<String, String> labels) {
    return String.join(", ", articles.stream().map(a -> labels.getOrDefault(a, a)).toList());
  }

  private static String subject(String key) {
    String[] parts = key.split("\\|", -1);
    List<String> kept = new ArrayList<>();
    for (int i = 1; i < parts.length; i++) {
      if (!parts[i].isEmpty()) {
        kept.add(parts[i]);
      }
    }
    return kept.isEmpty() ? parts[0] : String.join(" ", kept);
  }

  /**
   * A key's words as a reader reads them: an entity id becomes the entity's name ("place/hama":
   * "Hama"), and a stem becomes the word the sentences use ("salari": "salaries"), so that no slot
   * name or explanation shows a stem or an id.
   */
  static String readable(StoryEvidence ev, String keyWords, List<String> texts) {
    List<String> out = new ArrayList<>();
    for (String w : keyWords.split(" ")) {
      if (w.isEmpty()) {
        continue;
      }
      if (w.indexOf('/') > 0) {
        out.add(ev.entity(w).map(Entity::name).orElse(w));
        continue;
      }
      out.add(surface(w, texts));
    }
    return String.join(" ", out);
  }

  /** The first word of {@code texts} (lower case) whose stem is {@code stem}, else {@code stem}. */
  private static String surface(String stem, List<String> texts) {
    for (String t : texts) {
      for (String w : t.split("[^\\p{L}\\p{N}]+")) {
        String lower = w.toLowerCase(Locale.ROOT);
        if (lower.equals(stem)) {
          return stem;
        }
      }
    }
    for (String t : texts) {
      for (String w : t.split("[^\\p{L}\\p{N}]+")) {
        String lower = w.toLowerCase(Locale.ROOT);
        if (!lower.isEmpty() && LexicalStemmer.stem(lower).equals(stem)) {
          return lower;
        }
      }
    }
    return stem;
  }

  private static String describe(StoryEvidence ev, Conflict c, List<String> texts) {
    String[] parts = c.key.split("\\|", -1);
    return switch (c.kind) {
      case DURATION -> parts.length > 1 && !parts[1].isEmpty() ? "how long the " + readable(ev, parts[1], texts) + " lasted" : "a duration";
      case DISTANCE -> "a distance";
      case RANK -> "a rank";
      case DIRECTION -> "a direction";
      case STATUS -> "whether the place was taken";
      case TIME -> parts.length > 1 && !parts[1].isEmpty() ? "when it happened (the event of " + readable(ev, parts[1], texts) + ")" : "a date";
      default -> "a number";
    };
  }

  private static final java.util.regex.Pattern EARLIER =
      java.util.regex.Pattern.compile("\\b(initially|at first|originally|had earlier)\\b", java.util.regex.Pattern.CASE_INSENSITIVE);

  /** Whether the dates of the reports could explain a disagreement. */
  private record Timing(boolean explains, String sentence) {

    /**
     * The timing of a disagreement. Where reports have no date, it says nothing: the brief says
     * once for the story which reports have none ({@link Brief}).
     */
    static Timing of(
        StoryEvidence ev, Conflict c, List<Claim.Value> values, Map<String, String> labels) {
      Map<String, Optional<String>> dates = new TreeMap<>();
      for (Claim.Value v : values) {
        for (String a : v.articles()) {
          Article art = ev.article(a);
          dates.put(a, art.metadata().published().map(d -> d.length() > 10 ? d.substring(0, 10) : d));
        }
      }
      for (Map.Entry<Unit, SlotValue> e : c.values.entrySet()) {
        java.util.regex.Matcher m = EARLIER.matcher(e.getKey().text());
        if (m.find()) {
          return new Timing(true, "It may be explained by time: " + labels.getOrDefault(e.getKey().article(), e.getKey().article()) + " says \""
              + e.getValue().value() + "\" came first (\"" + m.group() + "\"), an earlier state against a later one.");
        }
      }
      boolean relativeUndated =
          c.values.entrySet().stream()
              .anyMatch(e -> e.getValue().relative()
                  && ev.article(e.getKey().article()).metadata().published().isEmpty());
      List<String> undated = dates.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
      if (relativeUndated) {
        return new Timing(true, "Relative times (\"last week\", \"earlier this week\") in "
            + (undated.isEmpty() ? "some reports" : names(undated, labels))
            + " were read against the story's date because the reports carry none; a report from another day would shift them.");
      }
      if (!undated.isEmpty()) {
        return new Timing(false, "");
      }
      List<String[]> ranges = new ArrayList<>();
      for (Claim.Value v : values) {
        String min = v.articles().stream().map(a -> dates.get(a).get()).min(String::compareTo).get();
        String max = v.articles().stream().map(a -> dates.get(a).get()).max(String::compareTo).get();
        ranges.add(new String[] {min, max, v.value()});
      }
      ranges.sort(Comparator.comparing((String[] r) -> r[0]));
      boolean ordered = true;
      for (int i = 1; i < ranges.size(); i++) {
        if (ranges.get(i - 1)[1].compareTo(ranges.get(i)[0]) >= 0) {
          ordered = false;
        }
      }
      if (ordered) {
        return new Timing(true, String.format(Locale.ROOT,
            "It may be explained by time: reports of %s say %s, later reports (%s) say %s.",
            ranges.get(0)[1], ranges.get(0)[2], ranges.get(ranges.size() - 1)[0], ranges.get(ranges.size() - 1)[2]));
      }
      return new Timing(false, "Time does not explain it: reports of the same dates give different values.");
    }
  }
}
