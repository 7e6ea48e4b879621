package org.triangulate.reconcile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.TreeMap;
import org.triangulate.model.Article;
import org.triangulate.model.BriefSentence;
import org.triangulate.model.Claim;

/**
 * A short consolidated account of a story: its most widely asserted claims, in the order the
 * articles tell them, then every contradiction, each sentence with its status and its claims.
 *
 * <p>A claim's weight is its independent sources, then the number of articles that assert it, then
 * how early it comes in them (the lead first). The brief takes the {@value #CLAIMS} heaviest claims
 * stated by the outlets themselves or by cited speakers, and at most {@value #CONTESTED} contested
 * claims, whose sentence is their explanation ("The sources disagree on ...").
 */
final class Brief {

  static final int CLAIMS = 6;
  static final int CONTESTED = 5;

  private Brief() {}

  static List<BriefSentence> of(StoryEvidence ev, List<Claim> claims) {
    Map<String, Integer> lengths = new TreeMap<>();
    for (Article a : ev.articles()) {
      lengths.put(a.id(), Math.max(1, a.text().length()));
    }
    record Ranked(Claim claim, double place) {}
    List<Ranked> plain = new ArrayList<>();
    List<Ranked> contested = new ArrayList<>();
    for (Claim c : claims) {
      double place = c.assertions().stream()
          .mapToDouble(a -> a.span().begin() / (double) lengths.get(a.article())).min().orElse(1);
      (c.status().equals("contested") ? contested : plain).add(new Ranked(c, place));
    }
    Comparator<Ranked> weight =
        Comparator.comparingInt((Ranked r) -> r.claim.independentSources()).reversed()
            .thenComparing(Comparator.comparingLong((Ranked r) -> articles(r.claim)).reversed())
            .thenComparingDouble(Ranked::place)
            .thenComparing(r -> r.claim.id());
    plain.sort(weight);
    contested.sort(weight);
    List<Ranked> chosen = new ArrayList<>(plain.subList(0, Math.min(CLAIMS, plain.size())));
    chosen.sort(Comparator.comparingDouble(Ranked::place).thenComparing(r -> r.claim.id()));
    List<BriefSentence> out = new ArrayList<>();
    for (Ranked r : chosen) {
      out.add(new BriefSentence(r.claim.text(), r.claim.status(), List.of(r.claim.id())));
    }
    List<Ranked> shown = contested.subList(0, Math.min(CONTESTED, contested.size()));
    undated(ev, shown.stream().map(Ranked::claim).toList()).ifPresent(out::add);
    for (Ranked r : shown) {
      out.add(new BriefSentence(r.claim.contradiction().get().explanation(), "contested", List.of(r.claim.id())));
    }
    return out;
  }

  /**
   * Said once for the story rather than in every explanation: which reports of the contested
   * claims that time does not explain have no publication date, so that the dates cannot tell.
   */
  private static Optional<BriefSentence> undated(StoryEvidence ev, List<Claim> contested) {
    Set<String> undated = new TreeSet<>();
    List<String> claims = new ArrayList<>();
    for (Claim c : contested) {
      Claim.Contradiction x = c.contradiction().get();
      if (x.explainedByTime()) {
        continue;
      }
      boolean any = false;
      for (Claim.Value v : x.values()) {
        for (String a : v.articles()) {
          if (ev.article(a).metadata().published().isEmpty()) {
            undated.add(a);
            any = true;
          }
        }
      }
      if (any) {
        claims.add(c.id());
      }
    }
    if (undated.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> labels = Article.labels(ev.articles());
    List<String> names = undated.stream().map(labels::get).toList();
    String who =
        names.size() == 1
            ? names.get(0) + " has"
            : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1) + " have";
    return Optional.of(
        new BriefSentence(
            who + " no publication date, so the dates cannot tell whether time explains "
                + (claims.size() == 1 ? "the disagreement that follows." : "the disagreements that follow."),
            "contested",
            claims));
  }

  private static long articles(Claim c) {
    return c.assertions().stream().map(Claim.Assertion::article).distinct().count();
  }
}
