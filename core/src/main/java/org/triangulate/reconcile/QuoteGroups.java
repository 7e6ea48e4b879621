package org.triangulate.reconcile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.triangulate.align.SentenceJudge;
import org.triangulate.model.Article;
import org.triangulate.model.Entity;
import org.triangulate.model.Link;
import org.triangulate.model.Quote;
import org.triangulate.model.QuoteGroup;
import org.triangulate.model.Span;

/**
 * Groups the quotes of one story so that every rendering of one utterance across its articles
 * (verbatim, cut, edited, translated or retranslated) forms one {@link QuoteGroup}.
 *
 * <p>Two quotes of different articles match ({@link QuoteMatcher}) on their words (equal after
 * normalising case and punctuation, one a cut of the other, an edit or a paraphrase by the sentence
 * judge, content words of the same stem), on the alignment links of the story's provenance (quotes
 * inside linked sentences) and on their speakers: quotes of the same speaker join on moderate
 * evidence ("was not prepared at all" and "totally unprepared" by Waters), a quote without a
 * speaker joins on strong textual evidence, and quotes of two different speakers only on eight
 * words or more of the same or edited text. Quotes are compared sentence by sentence, so a quote of
 * two sentences matches each of two one-sentence quotes of another article; a short quote joins the
 * longer quote it was cut from (containment joins, except a one-word or title-like quote: "Catching
 * Fire" inside a sentence about the film); partial overlap joins only when the shared sentence or
 * words are strong evidence by themselves.
 *
 * <p>Matches join groups greedily, strongest first (ties by quote order), with three guards against
 * chaining unrelated quotes: a group holds one quote per article, except an article's repeats of
 * the same words and an article's quotes that are separate sentences of one longer quote of another
 * article in the group (000 splits "Even if ... wars." and "It seems unlikely ..." that 001 gives
 * as one quote: the group holds all three); groups whose renderings name different speakers join
 * only on a match strong enough between different speakers, so that a quote without a speaker
 * cannot bridge two speakers' groups; and two groups join only when at least as many pairs across
 * them match as the smaller group has quotes.
 *
 * <p>Every quote of the story is in exactly one group: a quote that matches nothing forms a group
 * of its own. Groups are numbered {@code <story id>#qg<n>} in the order of their first quotes
 * (article id, then position in the text); the result does not depend on the order of the articles
 * in the evidence.
 *
 * <p>It does not split a quote that an article runs together from two utterances, nor check that a
 * speaker's name is right: it takes the annotations' quote spans and speakers as given and flags
 * renderings whose speaker differs from the group's majority or is missing.
 */
public final class QuoteGroups {

  private QuoteGroups() {}

  /** The quote groups of {@code evidence}'s story, in id order. */
  public static List<QuoteGroup> group(StoryEvidence evidence, SentenceJudge judge) {
    List<QuoteText> quotes = read(evidence);
    int n = quotes.size();
    QuoteMatcher matcher = new QuoteMatcher(judge, evidence.provenance().links());
    Map<Long, QuoteMatcher.Match> matches = new HashMap<>();
    for (long key : candidates(quotes, evidence.provenance().links())) {
      QuoteText a = quotes.get((int) (key / n));
      QuoteText b = quotes.get((int) (key % n));
      QuoteMatcher.Match m = a.article().equals(b.article()) ? repeat(a, b) : matcher.match(a, b);
      if (m.level() > QuoteMatcher.NONE) {
        matches.put(key, m);
      }
    }
    List<List<Integer>> clusters = cluster(quotes, matches);
    List<QuoteGroup> out = new ArrayList<>();
    for (List<Integer> c : clusters) {
      String id = evidence.story().id() + "#qg" + (out.size() + 1);
      out.add(describe(id, c.stream().map(quotes::get).toList(), evidence));
    }
    return out;
  }

  /** The story's quotes ordered by article id, then position; spans clamped to the text. */
  private static List<QuoteText> read(StoryEvidence evidence) {
    List<Article> articles = new ArrayList<>(evidence.articles());
    articles.sort(Comparator.comparing(Article::id));
    List<QuoteText> out = new ArrayList<>();
    for (Article a : articles) {
      List<Quote> qs = new ArrayList<>(evidence.annotations(a.id()).quotes());
      qs.sort(Comparator.comparing(Quote::span).thenComparing(Quote::id));
      for (Quote q : qs) {
        int len = a.text().length();
        Span s = q.span();
        if (s.end() > len) {
          s = new Span(Math.min(s.begin(), len), len);
          q = new Quote(q.id(), s, q.speaker(), q.cue(), q.speakerSpan());
        }
        out.add(QuoteText.read(out.size(), a.id(), q, a.text()));
      }
    }
    return out;
  }

  /**
   * The pairs worth comparing, as {@code i * n + j} with {@code i < j}: quotes of the same speaker,
   * quotes within linked passages, and quotes with content words of the same start or end.
   */
  private static TreeSet<Long> candidates(List<QuoteText> quotes, List<Link> links) {
    int n = quotes.size();
    Map<String, List<Integer>> keys = new TreeMap<>();
    for (QuoteText q : quotes) {
      q.quote()
          .speaker()
          .ifPresent(s -> keys.computeIfAbsent("s " + s, k -> new ArrayList<>()).add(q.index()));
      for (String w : q.content()) {
        keys.computeIfAbsent("p " + w.substring(0, Math.min(4, w.length())), k -> new ArrayList<>())
            .add(q.index());
        if (w.length() >= 5) {
          keys.computeIfAbsent("e " + w.substring(w.length() - 5), k -> new ArrayList<>())
              .add(q.index());
        }
      }
      if (q.content().isEmpty() && !q.words().isEmpty()) {
        keys.computeIfAbsent("w " + q.wording(), k -> new ArrayList<>()).add(q.index());
      }
    }
    TreeSet<Long> pairs = new TreeSet<>();
    for (List<Integer> ids : keys.values()) {
      for (int x = 0; x < ids.size(); x++) {
        for (int y = x + 1; y < ids.size(); y++) {
          int i = Math.min(ids.get(x), ids.get(y));
          int j = Math.max(ids.get(x), ids.get(y));
          if (i != j) {
            pairs.add((long) i * n + j);
          }
        }
      }
    }
    Map<String, List<QuoteText>> byArticle = new HashMap<>();
    quotes.forEach(q -> byArticle.computeIfAbsent(q.article(), k -> new ArrayList<>()).add(q));
    for (Link l : links) {
      for (QuoteText a : byArticle.getOrDefault(l.a().article(), List.of())) {
        if (!overlaps(a.quote().span(), l.a().span())) {
          continue;
        }
        for (QuoteText b : byArticle.getOrDefault(l.b().article(), List.of())) {
          if (overlaps(b.quote().span(), l.b().span()) && a.index() != b.index()) {
            pairs.add((long) Math.min(a.index(), b.index()) * n + Math.max(a.index(), b.index()));
          }
        }
      }
    }
    return pairs;
  }

  private static boolean overlaps(Span x, Span y) {
    return x.begin() < y.end() && y.begin() < x.end();
  }

  /** Two quotes of one article match only when the article repeats the same words. */
  private static QuoteMatcher.Match repeat(QuoteText a, QuoteText b) {
    boolean speakersAgree =
        QuoteMatcher.speakers(a.quote().speaker(), b.quote().speaker())
            != QuoteMatcher.Speakers.DIFFERENT;
    if (!a.words().isEmpty() && a.words().equals(b.words()) && speakersAgree) {
      boolean acrossSpeakers = a.words().size() >= QuoteMatcher.DIFFERENT_MIN_WORDS;
      return new QuoteMatcher.Match(
          QuoteMatcher.STRONG, 1, true, acrossSpeakers, a.allSegments(), b.allSegments());
    }
    return QuoteMatcher.Match.NO;
  }

  /**
   * Joins quotes along admitted matches, strongest first, under the guards of the class comment.
   */
  private static List<List<Integer>> cluster(
      List<QuoteText> quotes, Map<Long, QuoteMatcher.Match> matches) {
    int n = quotes.size();
    List<Long> edges = new ArrayList<>();
    for (Map.Entry<Long, QuoteMatcher.Match> e : matches.entrySet()) {
      if (e.getValue().admitted()) {
        edges.add(e.getKey());
      }
    }
    edges.sort(
        Comparator.<Long>comparingInt(e -> -matches.get(e).level())
            .thenComparingDouble(e -> -matches.get(e).score())
            .thenComparingLong(e -> e));
    int[] root = new int[n];
    List<List<Integer>> members = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      root[i] = i;
      members.add(new ArrayList<>(List.of(i)));
    }
    for (long e : edges) {
      int i = (int) (e / n);
      int j = (int) (e % n);
      int ra = root[i];
      int rb = root[j];
      if (ra == rb) {
        continue;
      }
      List<Integer> a = members.get(ra);
      List<Integer> b = members.get(rb);
      QuoteMatcher.Match m = matches.get(e);
      if (!m.acrossSpeakers() && !speakersMeet(a, b, quotes)) {
        continue;
      }
      if (crossMatches(a, b, matches, n) < Math.min(a.size(), b.size())) {
        continue;
      }
      List<Integer> union = new ArrayList<>(a);
      union.addAll(b);
      union.sort(null);
      if (!oneRenderingPerArticle(union, quotes, matches)) {
        continue;
      }
      int keep = Math.min(ra, rb);
      int drop = Math.max(ra, rb);
      members.set(keep, union);
      members.set(drop, List.of());
      for (int q : union) {
        root[q] = keep;
      }
    }
    List<List<Integer>> out = new ArrayList<>();
    for (List<Integer> c : members) {
      if (!c.isEmpty()) {
        out.add(c); // members.get(k) starts with k, its smallest quote: out is in first-quote order
      }
    }
    return out;
  }

  /**
   * Whether two groups name a common speaker (or speakers that may be one, {@link
   * QuoteMatcher#speakers}), or either names none.
   */
  private static boolean speakersMeet(List<Integer> a, List<Integer> b, List<QuoteText> quotes) {
    TreeSet<String> sa = speakers(a, quotes);
    TreeSet<String> sb = speakers(b, quotes);
    if (sa.isEmpty() || sb.isEmpty()) {
      return true;
    }
    for (String x : sa) {
      for (String y : sb) {
        if (QuoteMatcher.speakers(Optional.of(x), Optional.of(y))
            != QuoteMatcher.Speakers.DIFFERENT) {
          return true;
        }
      }
    }
    return false;
  }

  private static TreeSet<String> speakers(List<Integer> c, List<QuoteText> quotes) {
    TreeSet<String> out = new TreeSet<>();
    c.forEach(i -> quotes.get(i).quote().speaker().ifPresent(out::add));
    return out;
  }

  private static int crossMatches(
      List<Integer> a, List<Integer> b, Map<Long, QuoteMatcher.Match> matches, int n) {
    int count = 0;
    for (int x : a) {
      for (int y : b) {
        if (matches.containsKey((long) Math.min(x, y) * n + Math.max(x, y))) {
          count++;
        }
      }
    }
    return count;
  }

  /**
   * Whether each article of a would-be group gives the utterance once: one quote, repeats of the
   * same words, or separate sentences of one quote of another article (each matched to different
   * sentences of it).
   */
  private static boolean oneRenderingPerArticle(
      List<Integer> union, List<QuoteText> quotes, Map<Long, QuoteMatcher.Match> matches) {
    int n = quotes.size();
    Map<String, Map<String, List<Integer>>> byArticle = new TreeMap<>();
    for (int q : union) {
      QuoteText t = quotes.get(q);
      byArticle
          .computeIfAbsent(t.article(), k -> new LinkedHashMap<>())
          .computeIfAbsent(t.wording(), k -> new ArrayList<>())
          .add(q);
    }
    for (Map.Entry<String, Map<String, List<Integer>>> e : byArticle.entrySet()) {
      if (e.getValue().size() <= 1) {
        continue;
      }
      boolean covered = false;
      for (int r : union) {
        if (quotes.get(r).article().equals(e.getKey())) {
          continue;
        }
        long used = 0;
        boolean all = true;
        for (List<Integer> sameWords : e.getValue().values()) {
          long part = partOf(sameWords, r, quotes, matches, n);
          if (part == 0 || (part & used) != 0) {
            all = false;
            break;
          }
          used |= part;
        }
        if (all) {
          covered = true;
          break;
        }
      }
      if (!covered) {
        return false;
      }
    }
    return true;
  }

  /**
   * The sentences of quote {@code r} that one of {@code xs} matches in full (every sentence of it
   * matched), as a bit set; 0 when none does.
   */
  private static long partOf(
      List<Integer> xs,
      int r,
      List<QuoteText> quotes,
      Map<Long, QuoteMatcher.Match> matches,
      int n) {
    for (int x : xs) {
      QuoteMatcher.Match m = matches.get((long) Math.min(x, r) * n + Math.max(x, r));
      if (m == null || !m.admitted()) {
        continue;
      }
      long mx = x < r ? m.segmentsA() : m.segmentsB();
      long mr = x < r ? m.segmentsB() : m.segmentsA();
      if (mx == quotes.get(x).allSegments() && mr != quotes.get(r).allSegments()) {
        return mr;
      }
    }
    return 0;
  }

  /** The group record of one cluster (quotes in story order). */
  private static QuoteGroup describe(String id, List<QuoteText> group, StoryEvidence evidence) {
    Optional<String> speaker = speaker(group);
    List<QuoteGroup.Flag> flags = new ArrayList<>();
    wordingFlag(group, Article.labels(evidence.articles())).ifPresent(flags::add);
    Map<String, List<String>> others = new TreeMap<>();
    List<String> unattributed = new ArrayList<>();
    for (QuoteText q : group) {
      if (q.quote().speaker().isEmpty()) {
        unattributed.add(q.id());
      } else if (!q.quote().speaker().equals(speaker)) {
        others.computeIfAbsent(q.quote().speaker().get(), k -> new ArrayList<>()).add(q.id());
      }
    }
    for (Map.Entry<String, List<String>> e : others.entrySet()) {
      flags.add(
          new QuoteGroup.Flag(
              "speaker",
              String.join(", ", e.getValue())
                  + " give"
                  + (e.getValue().size() == 1 ? "s" : "")
                  + " these words to "
                  + name(e.getKey(), evidence)
                  + ", the other renderings to "
                  + name(speaker.get(), evidence)
                  + ".",
              e.getValue()));
    }
    if (!unattributed.isEmpty()) {
      String detail =
          speaker.isEmpty()
              ? (group.size() == 1
                  ? "The quote names no speaker."
                  : "No rendering names a speaker.")
              : String.join(", ", unattributed)
                  + (unattributed.size() == 1 ? " names" : " name")
                  + " no speaker; the other renderings give these words to "
                  + name(speaker.get(), evidence)
                  + ".";
      flags.add(new QuoteGroup.Flag("unattributed", detail, unattributed));
    }
    long variants = group.stream().map(QuoteText::wording).distinct().count();
    return new QuoteGroup(
        id, speaker, group.stream().map(QuoteText::id).toList(), (int) variants, flags);
  }

  private static String name(String entity, StoryEvidence evidence) {
    return evidence.entity(entity).map(Entity::name).orElse(entity);
  }

  /** The speaker most renderings name; a tie goes to the one named first. */
  private static Optional<String> speaker(List<QuoteText> group) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (QuoteText q : group) {
      q.quote().speaker().ifPresent(s -> counts.merge(s, 1, Integer::sum));
    }
    String best = null;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (best == null || e.getValue() > counts.get(best)) {
        best = e.getKey();
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * A {@code wording} flag when two articles' renderings (an article's quotes in the group, in text
   * order) differ materially ({@link QuoteWording#material}). The detail gives the words of each
   * rendering that differs from another against the most common rendering (the first article's on a
   * tie); the flag's quotes are those of the renderings that differ materially from another.
   */
  private static Optional<QuoteGroup.Flag> wordingFlag(
      List<QuoteText> group, Map<String, String> labels) {
    Map<String, List<QuoteText>> byArticle = new LinkedHashMap<>();
    for (QuoteText q : group) {
      byArticle.computeIfAbsent(q.article(), k -> new ArrayList<>()).add(q);
    }
    Map<List<String>, List<List<QuoteText>>> renderings = new LinkedHashMap<>();
    for (List<QuoteText> qs : byArticle.values()) {
      List<String> words = new ArrayList<>();
      List<String> seen = new ArrayList<>();
      for (QuoteText q : qs) {
        if (!seen.contains(q.wording())) {
          seen.add(q.wording());
          words.addAll(q.words());
        }
      }
      renderings.computeIfAbsent(QuoteWording.expand(words), k -> new ArrayList<>()).add(qs);
    }
    if (renderings.size() < 2) {
      return Optional.empty();
    }
    List<String> reference = null;
    for (Map.Entry<List<String>, List<List<QuoteText>>> e : renderings.entrySet()) {
      if (reference == null || e.getValue().size() > renderings.get(reference).size()) {
        reference = e.getKey();
      }
    }
    List<List<String>> keys = new ArrayList<>(renderings.keySet());
    TreeSet<Integer> concerned = new TreeSet<>();
    for (int x = 0; x < keys.size(); x++) {
      for (int y = x + 1; y < keys.size(); y++) {
        if (QuoteWording.material(keys.get(x), keys.get(y))) {
          for (List<QuoteText> qs : renderings.get(keys.get(x))) {
            qs.forEach(q -> concerned.add(q.index()));
          }
          for (List<QuoteText> qs : renderings.get(keys.get(y))) {
            qs.forEach(q -> concerned.add(q.index()));
          }
        }
      }
    }
    if (concerned.isEmpty()) {
      return Optional.empty();
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<List<String>, List<List<QuoteText>>> e : renderings.entrySet()) {
      List<QuoteText> first = e.getValue().get(0);
      if (e.getKey().equals(reference) || !concerned.contains(first.get(0).index())) {
        continue;
      }
      String d = QuoteWording.differences(reference, e.getKey());
      parts.add(names(first, labels) + (d.isEmpty() ? " keeps only part of it" : " has " + d));
    }
    List<String> ids = new ArrayList<>();
    for (QuoteText q : group) {
      if (concerned.contains(q.index())) {
        ids.add(q.id());
      }
    }
    String detail =
        "Against " + names(renderings.get(reference).get(0), labels) + ": " + String.join("; ", parts) + ".";
    return Optional.of(new QuoteGroup.Flag("wording", detail, ids));
  }

  /**
   * Quotes as a reader knows them: the article's label and the quote's number in it ("002 (quote
   * 1)"), several joined by "+".
   */
  private static String names(List<QuoteText> qs, Map<String, String> labels) {
    List<String> out = new ArrayList<>();
    for (QuoteText q : qs) {
      String id = q.id();
      int hash = id.lastIndexOf("#q");
      String name =
          labels.getOrDefault(q.article(), q.article())
              + (hash >= 0 ? " (quote " + id.substring(hash + 2) + ")" : "");
      if (!out.contains(name)) {
        out.add(name);
      }
    }
    return String.join(" + ", out);
  }
}
