package org.triangulate.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.triangulate.changes.HamaStates.ENTERED_000;
import static org.triangulate.changes.HamaStates.ENTERED_001;
import static org.triangulate.changes.HamaStates.ENTERED_002;
import static org.triangulate.changes.HamaStates.HOMS_001;
import static org.triangulate.changes.HamaStates.HOMS_003;
import static org.triangulate.changes.HamaStates.article;
import static org.triangulate.changes.HamaStates.at;
import static org.triangulate.changes.HamaStates.claim;
import static org.triangulate.changes.HamaStates.contested;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.triangulate.model.Article;
import org.triangulate.model.Claim;
import org.triangulate.model.Span;

/** The rule that matches a claim after an add to the claim it was before. */
class ClaimMatcherTest {

  private static final String DENIED_000 =
      "The Syrian Defense Ministry initially denied that insurgents had entered Hama, calling its"
          + " defensive lines “impregnable.”";
  private static final Article A000 = article("000", ENTERED_000, DENIED_000);
  private static final Article A001 = article("001", ENTERED_001, HOMS_001);
  private static final Article A002 = article("002", ENTERED_002);
  private static final Article A003 = article("003", HOMS_003);
  private static final List<Article> ALL = List.of(A000, A001, A002, A003);

  /**
   * As in the Hama report: c1 is the lead sentence of each article, c2 the contested "was Hama
   * entered" claim that holds the same lead sentences and the ministry's denial besides.
   */
  private static final Claim LEAD =
      claim(
          "s#c1",
          "corroborated",
          2,
          ALL,
          at(A000, ENTERED_000),
          at(A001, ENTERED_001),
          at(A002, ENTERED_002));

  private static final Claim ENTERED =
      contested(
          "s#c2",
          2,
          "status: Hama",
          ALL,
          at(A000, ENTERED_000, "entered"),
          at(A000, DENIED_000, "denied"),
          at(A001, ENTERED_001, "captured"),
          at(A002, ENTERED_002, "entered"));

  private static final Claim HOMS =
      claim("s#c3", "corroborated", 2, ALL, at(A001, HOMS_001), at(A003, HOMS_003));

  private static ClaimMatcher before() {
    return new ClaimMatcher(
        List.of(
            new ClaimMatcher.Candidate("s", LEAD),
            new ClaimMatcher.Candidate("s", ENTERED),
            new ClaimMatcher.Candidate("s", HOMS)));
  }

  private static Claim renumbered(Claim c, String id) {
    return new Claim(
        id, c.text(), c.status(), c.independentSources(), c.assertions(), c.contradiction());
  }

  @Test
  void aClaimMatchesItsOwnSentencesRatherThanALargerClaimHoldingThem() {
    // The lead claim's three sentences are all in the contested claim too: Dice 1 against 6/7.
    Optional<ClaimMatcher.Match> m = before().match(renumbered(LEAD, "s#c9"));
    assertThat(m).map(x -> x.candidate().claim().id()).contains("s#c1");
    assertThat(m).map(ClaimMatcher.Match::by).contains("assertions");
    assertThat(before().match(renumbered(ENTERED, "s#c1")))
        .map(x -> x.candidate().claim().id())
        .contains("s#c2");
  }

  @Test
  void idsPlayNoPart() {
    // The Homs claim under the lead claim's id is still the Homs claim.
    assertThat(before().match(renumbered(HOMS, "s#c1")))
        .map(x -> x.candidate().claim().id())
        .contains("s#c3");
  }

  @Test
  void aSentenceThatJoinsOrLeavesKeepsTheMatch() {
    Article variant = article("005", "Homs is located just 60 km (37 mi) south of Hama.");
    Claim grown =
        claim(
            "s#c4",
            "corroborated",
            2,
            List.of(A001, A003, variant),
            at(A001, HOMS_001),
            at(A003, HOMS_003),
            at(variant, "Homs is located just 60 km (37 mi) south of Hama."));
    assertThat(before().match(grown)).map(x -> x.candidate().claim().id()).contains("s#c3");
    Claim shrunk = claim("s#c4", "single-source", 1, ALL, at(A003, HOMS_003));
    assertThat(before().match(shrunk)).map(x -> x.candidate().claim().id()).contains("s#c3");
  }

  @Test
  void spansThatOverlapCorrespondEvenWhenTheyDiffer() {
    // A description claim's span is part of its sentence: they share characters.
    Span sentence = at(A001, HOMS_001).span();
    Span part = new Span(sentence.begin(), sentence.begin() + 4);
    Claim description =
        new Claim(
            "s#c7",
            "Homs",
            "single-source",
            1,
            List.of(new Claim.Assertion("001", part, Optional.empty(), Optional.empty())),
            Optional.empty());
    assertThat(before().match(description)).map(x -> x.candidate().claim().id()).contains("s#c3");
    assertThat(ClaimMatcher.overlap(new Span(0, 5), new Span(5, 9))).isFalse();
    assertThat(ClaimMatcher.overlap(new Span(3, 3), new Span(3, 3))).isTrue();
    assertThat(ClaimMatcher.overlap(new Span(3, 3), new Span(0, 9))).isFalse();
  }

  @Test
  void withNoSharedAssertionTheSameTextMatches() {
    // Only a new article states it, in the same words (case and punctuation aside).
    Article copy = article("006", "HOMS is located just 40 km, 25 mi, south of Hama");
    Claim c = claim("s#c1", "single-source", 1, List.of(copy), at(copy, copy.text()));
    Optional<ClaimMatcher.Match> m = before().match(c);
    assertThat(m).map(x -> x.candidate().claim().id()).contains("s#c3");
    assertThat(m).map(ClaimMatcher.Match::by).contains("text");
  }

  @Test
  void aClaimNoCandidateResemblesIsNew() {
    Article other = article("007", "Floods swept through the Emilia-Romagna region on Wednesday.");
    Claim c = claim("s#c1", "single-source", 1, List.of(other), at(other, other.text()));
    assertThat(before().match(c)).isEmpty();
    assertThat(new ClaimMatcher(List.of()).match(LEAD)).isEmpty();
  }

  @Test
  void normalisedTextIgnoresCaseWidthPunctuationAndSpacing() {
    assertThat(ClaimMatcher.normalise("  Homs is located just 40\u00a0km (25 mi) south of Hama. "))
        .isEqualTo("homs is located just 40 km 25 mi south of hama");
    assertThat(ClaimMatcher.normalise("ＨＯＭＳ — Ḥamā’s")).isEqualTo("homs ḥamā s");
    assertThat(ClaimMatcher.normalise("“…”")).isEmpty();
  }

  @Test
  void diceIsSymmetric() {
    for (Claim a : List.of(LEAD, ENTERED, HOMS)) {
      for (Claim b : List.of(LEAD, ENTERED, HOMS)) {
        assertThat(ClaimMatcher.dice(a.assertions(), b.assertions()))
            .isEqualTo(ClaimMatcher.dice(b.assertions(), a.assertions()));
      }
      assertThat(ClaimMatcher.dice(a.assertions(), a.assertions())).isEqualTo(1.0);
    }
    assertThat(ClaimMatcher.dice(LEAD.assertions(), ENTERED.assertions())).isEqualTo(6.0 / 7);
    assertThat(ClaimMatcher.dice(LEAD.assertions(), HOMS.assertions())).isZero();
  }
}
