package org.triangulate.reconcile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.triangulate.text.LexicalStemmer;
import org.triangulate.text.TextUnits;
import org.triangulate.model.Link;
import org.triangulate.model.Span;
import org.triangulate.model.TimeRef;
import org.triangulate.model.TimelineEvent;

/**
 * The dated events of a story. Each resolved time an article gives (a day, week, month or year;
 * not a span such as "the past year" or a time with unknown digits) dates the clause it stands in:
 * the words between commas around it, widened to the clause before when they are fewer than six
 * words, and cut at "and" when the sentence dates two events ("toured Aleppo on Wednesday and
 * spoke about Hama on Thursday"). Datelines and the dates of a telling ("said here Friday") are
 * left out. Clauses of different articles with the same date join one event
 * when they share three content words, or two and a sentence-embedding cosine of at least 0.5.
 * Events are in date order, then by their first article.
 */
final class Timeline {

  private static final Set<String> GRANULARITIES = Set.of("day", "week", "month", "year", "decade");

  private Timeline() {}

  private record Dated(Unit unit, TimeRef time, Span clause, Set<String> stems) {}

  static List<TimelineEvent> of(StoryEvidence ev, List<Unit> units, float[][] vectors) {
    Map<String, List<Dated>> byDate = new TreeMap<>(Comparator.comparing(Timeline::sortKey).thenComparing(s -> s));
    for (Unit u : units) {
      String text = ev.article(u.article()).text();
      List<TimeRef> times = new ArrayList<>();
      for (TimeRef t : ev.annotations(u.article()).times()) {
        if (UnitReader.inside(t.span(), u.span()) && GRANULARITIES.contains(t.granularity()) && !t.value().contains("X")
            && !dateline(text, u.span(), t.span()) && !whenSaid(text, u.span(), t.span())) {
          times.add(t);
        }
      }
      for (int i = 0; i < times.size(); i++) {
        int from = i == 0 ? u.span().begin() : cut(text, times.get(i - 1).span().end(), times.get(i).span().begin());
        int to = i == times.size() - 1 ? u.span().end() : cut(text, times.get(i).span().end(), times.get(i + 1).span().begin());
        Span clause = clause(text, times.get(i).span(), new Span(from, to));
        byDate.computeIfAbsent(times.get(i).value(), k -> new ArrayList<>())
            .add(new Dated(u, times.get(i), clause, stems(text, clause, times.get(i).span())));
      }
    }
    List<TimelineEvent> out = new ArrayList<>();
    for (Map.Entry<String, List<Dated>> e : byDate.entrySet()) {
      List<Dated> ds = e.getValue();
      int[] parent = new int[ds.size()];
      for (int i = 0; i < parent.length; i++) {
        parent[i] = i;
      }
      for (int i = 0; i < ds.size(); i++) {
        for (int j = i + 1; j < ds.size(); j++) {
          Dated a = ds.get(i);
          Dated b = ds.get(j);
          if (a.unit.article().equals(b.unit.article())) {
            continue;
          }
          int shared = Claims.shared(a.stems, b.stems);
          float[] va = vectors[a.unit.index()];
          float[] vb = vectors[b.unit.index()];
          double cos = va == null || vb == null ? 0 : Claims.dot(va, vb);
          if (shared >= 3 || shared >= 2 && cos >= 0.5) {
            int ra = root(parent, i);
            int rb = root(parent, j);
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
          }
        }
      }
      Map<Integer, List<Dated>> groups = new TreeMap<>();
      for (int i = 0; i < ds.size(); i++) {
        groups.computeIfAbsent(root(parent, i), k -> new ArrayList<>()).add(ds.get(i));
      }
      for (List<Dated> g : groups.values()) {
        Dated first = g.get(0);
        Set<String> articles = new TreeSet<>();
        List<Link.Passage> spans = new ArrayList<>();
        for (Dated d : g) {
          if (articles.add(d.unit.article())) {
            spans.add(new Link.Passage(d.unit.article(), d.clause));
          }
        }
        String text = first.clause.of(ev.article(first.unit.article()).text()).strip();
        out.add(new TimelineEvent(e.getKey(), text, List.copyOf(articles), spans));
      }
    }
    return out;
  }

  /** "Mumbai, Nov 11 -": the date a report was filed, not of an event. */
  private static boolean dateline(String text, Span sentence, Span time) {
    String before = text.substring(sentence.begin(), time.begin());
    String after = text.substring(time.end(), Math.min(sentence.end(), time.end() + 4)).stripLeading();
    return TextUnits.words(text, new Span(sentence.begin(), time.begin())).size() <= 4
        && (after.startsWith("-") || after.startsWith("–") || after.startsWith("—") || after.startsWith("("))
        && before.strip().matches("[\\p{Lu}][\\p{L} ./]*,?");
  }

  /** "a naval officer said here Friday": the date of the telling, not of the event. */
  private static boolean whenSaid(String text, Span sentence, Span time) {
    List<TextUnits.Word> words = TextUnits.words(text, new Span(sentence.begin(), time.begin()));
    for (int i = Math.max(0, words.size() - 3); i < words.size(); i++) {
      if (UnitReader.REPORTING.contains(words.get(i).norm())) {
        return true;
      }
    }
    return false;
  }

  /** Dates sort by their first day: a week or month before the days in it, 1982 before 2011. */
  private static String sortKey(String value) {
    String v = value.replace("X", "0");
    if (v.matches("\\d{4}-W\\d{2}")) {
      return Slots.days(v, "week").map(d -> java.time.LocalDate.ofEpochDay(d[0]).toString()).orElse(v);
    }
    return v;
  }

  /** Where to cut between two times of one sentence: at the last "and" or comma between them. */
  private static int cut(String text, int from, int to) {
    String between = text.substring(from, to);
    int k = Math.max(between.lastIndexOf(" and "), Math.max(between.lastIndexOf(", "), between.lastIndexOf("; ")));
    return k < 0 ? to : from + k + 1;
  }

  /** The words between commas around a time, widened to the clause before when short. */
  static Span clause(String text, Span time, Span within) {
    int begin = within.begin();
    int end = within.end();
    int b = text.lastIndexOf(", ", time.begin());
    int e = text.indexOf(", ", time.end());
    int start = b >= begin ? b + 2 : begin;
    int stop = e >= 0 && e < end ? e : end;
    if (TextUnits.words(text, new Span(start, stop)).size() < 6) {
      if (start > begin) {
        int b2 = text.lastIndexOf(", ", start - 3);
        start = b2 >= begin ? b2 + 2 : begin;
      } else if (stop < end) {
        int e2 = text.indexOf(", ", stop + 2);
        stop = e2 >= 0 && e2 < end ? e2 : end;
      }
    }
    while (start < stop && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (stop > start && Character.isWhitespace(text.charAt(stop - 1))) {
      stop--;
    }
    if (text.startsWith("and ", start)) {
      start += 4;
    }
    return new Span(start, stop);
  }

  private static Set<String> stems(String text, Span clause, Span time) {
    Set<String> out = new TreeSet<>();
    for (TextUnits.Word w : TextUnits.words(text, clause)) {
      if (UnitReader.overlap(w.span(), time) == 0 && !LexicalStemmer.isStopword(w.norm()) && w.norm().length() > 1) {
        out.add(LexicalStemmer.stem(w.norm()));
      }
    }
    return out;
  }

  private static int root(int[] p, int i) {
    while (p[i] != i) {
      i = p[i];
    }
    return i;
  }
}
