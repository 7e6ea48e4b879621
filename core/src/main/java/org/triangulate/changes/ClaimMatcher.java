package org.triangulate.changes;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.triangulate.model.Claim;
import org.triangulate.model.Span;

/**
 * Finds, for a claim of the state after an add, the claim of the state before it that states the
 * same thing. Claim ids cannot tell: they number claims by the order of their first assertions, so
 * a claim that a new article puts earlier in the story renumbers every later one, and the claims of
 * a merged story take the id of the story that absorbed them.
 *
 * <p>The rule:
 *
 * <ol>
 *   <li>Two assertions <em>correspond</em> when they name the same article and their spans share at
 *       least one character (or are the same empty span). An article's text never changes once
 *       read, so its spans mean the same words before and after.
 *   <li>Two claims score the Dice coefficient of their assertions: the assertions of either that
 *       correspond to one of the other, over the assertions of both. A claim that a new article's
 *       sentence joined, or that a sentence of another article left, still scores high against its
 *       old self; a claim that only shares one sentence with a larger one scores low.
 *   <li>The candidate with the highest score above zero is the match. Ties go to the candidate
 *       whose normalised text equals the claim's, then to the one that comes first (the order the
 *       candidates were given: story by story, each story's claims in their order).
 *   <li>When no candidate shares an assertion, a candidate whose normalised text equals the claim's
 *       is the match (the first such); its kind is {@link CorpusChange.Previous#BY_TEXT}. The
 *       normalised text is the text under Unicode NFKC, in lower case ({@link Locale#ROOT}), with
 *       every run of characters other than letters and digits made one space, trimmed.
 *   <li>Otherwise there is no match: the claim is new.
 * </ol>
 *
 * <p>Each claim after is matched on its own, so two claims after can match one claim before (a
 * claim whose sentences now form two claims). The candidates are given by the caller: the claims of
 * every story before that shares an article with the story after, which covers the story's own id
 * and every id it absorbed.
 */
final class ClaimMatcher {

  /**
   * A claim of the state before, with the story it was in.
   *
   * @param story the id of the story before
   */
  record Candidate(String story, Claim claim) {
    Candidate {
      Objects.requireNonNull(story, "story");
      Objects.requireNonNull(claim, "claim");
    }
  }

  /**
   * A match and how it was found.
   *
   * @param by {@link CorpusChange.Previous#BY_ASSERTIONS} or {@link CorpusChange.Previous#BY_TEXT}
   */
  record Match(Candidate candidate, String by) {}

  private final List<Candidate> candidates;

  /** For each article, the candidates' assertions in it: candidate index and span. */
  private final Map<String, List<Located>> byArticle = new HashMap<>();

  private record Located(int candidate, Span span) {}

  ClaimMatcher(List<Candidate> candidates) {
    this.candidates = List.copyOf(candidates);
    for (int i = 0; i < this.candidates.size(); i++) {
      for (Claim.Assertion a : this.candidates.get(i).claim().assertions()) {
        byArticle
            .computeIfAbsent(a.article(), k -> new ArrayList<>())
            .add(new Located(i, a.span()));
      }
    }
  }

  /** The claim before that {@code after} corresponds to, by the rule above; empty when new. */
  Optional<Match> match(Claim after) {
    // Candidates sharing at least one assertion, in candidate order.
    TreeSet<Integer> sharing = new TreeSet<>();
    for (Claim.Assertion a : after.assertions()) {
      for (Located l : byArticle.getOrDefault(a.article(), List.of())) {
        if (overlap(a.span(), l.span())) {
          sharing.add(l.candidate());
        }
      }
    }
    String text = normalise(after.text());
    if (!sharing.isEmpty()) {
      Candidate best = null;
      double bestScore = -1;
      boolean bestSameText = false;
      for (int i : sharing) {
        Candidate c = candidates.get(i);
        double score = dice(after.assertions(), c.claim().assertions());
        boolean sameText = normalise(c.claim().text()).equals(text);
        if (score > bestScore || (score == bestScore && sameText && !bestSameText)) {
          best = c;
          bestScore = score;
          bestSameText = sameText;
        }
      }
      return Optional.of(new Match(best, CorpusChange.Previous.BY_ASSERTIONS));
    }
    if (text.isEmpty()) {
      return Optional.empty();
    }
    for (Candidate c : candidates) {
      if (normalise(c.claim().text()).equals(text)) {
        return Optional.of(new Match(c, CorpusChange.Previous.BY_TEXT));
      }
    }
    return Optional.empty();
  }

  /** The Dice coefficient of two claims' assertions under correspondence (see the class doc). */
  static double dice(List<Claim.Assertion> a, List<Claim.Assertion> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 0;
    }
    return (double) (corresponding(a, b) + corresponding(b, a)) / (a.size() + b.size());
  }

  /** How many of {@code from} correspond to at least one of {@code to}. */
  private static int corresponding(List<Claim.Assertion> from, List<Claim.Assertion> to) {
    int n = 0;
    for (Claim.Assertion x : from) {
      for (Claim.Assertion y : to) {
        if (x.article().equals(y.article()) && overlap(x.span(), y.span())) {
          n++;
          break;
        }
      }
    }
    return n;
  }

  /** Whether two spans of one text share a character, or are the same empty span. */
  static boolean overlap(Span a, Span b) {
    if (a.isEmpty() || b.isEmpty()) {
      return a.equals(b);
    }
    return a.begin() < b.end() && b.begin() < a.end();
  }

  /**
   * The text as the rule compares it: NFKC, lower case, letters and digits in single-spaced runs.
   */
  static String normalise(String text) {
    String n = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(n.length());
    boolean gap = false;
    for (int i = 0; i < n.length(); ) {
      int cp = n.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        if (gap && out.length() > 0) {
          out.append(' ');
        }
        gap = false;
        out.appendCodePoint(cp);
      } else {
        gap = true;
      }
    }
    return out.toString();
  }
}
