package org.triangulate.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.triangulate.changes.HamaStates.ALEPPO_000;
import static org.triangulate.changes.HamaStates.ALEPPO_001;
import static org.triangulate.changes.HamaStates.ALEPPO_002;
import static org.triangulate.changes.HamaStates.ENTERED_000;
import static org.triangulate.changes.HamaStates.ENTERED_001;
import static org.triangulate.changes.HamaStates.ENTERED_002;
import static org.triangulate.changes.HamaStates.ENTERED_004;
import static org.triangulate.changes.HamaStates.HOMS_001;
import static org.triangulate.changes.HamaStates.HOMS_003;
import static org.triangulate.changes.HamaStates.HOMS_60;
import static org.triangulate.changes.HamaStates.MASSACRE_000;
import static org.triangulate.changes.HamaStates.MASSACRE_002;
import static org.triangulate.changes.HamaStates.MASSACRE_004;
import static org.triangulate.changes.HamaStates.VIDEO_001;
import static org.triangulate.changes.HamaStates.article;
import static org.triangulate.changes.HamaStates.at;
import static org.triangulate.changes.HamaStates.claim;
import static org.triangulate.changes.HamaStates.contested;
import static org.triangulate.changes.HamaStates.report;
import static org.triangulate.changes.HamaStates.story;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.triangulate.model.Article;
import org.triangulate.model.Claim;
import org.triangulate.model.Story;
import org.triangulate.pipeline.Pipeline;
import org.triangulate.report.Report;

/**
 * {@link CorpusChange#between} on small states built from the Hama articles: each kind of change,
 * claims matched across renumbering and across a story merge, and what is not reported.
 */
class CorpusChangeTest {

  private static final String S = "s-b9fcced1e3aacab9";
  private static final String TITLE = "Islamist insurgents have entered the Syrian city of Hama";

  private static final Article A000 = article("000", ENTERED_000, MASSACRE_000, ALEPPO_000);
  private static final Article A001 = article("001", ENTERED_001, ALEPPO_001, HOMS_001);
  private static final Article A003 = article("003", HOMS_003);

  /** An edited copy of 001: a lead sentence of its own, and Homs 60 km from Hama, not 40. */
  private static final Article VARIANT =
      article("005-variant", VIDEO_001, ENTERED_001, ALEPPO_001, HOMS_60);

  /** The story of 000, 001 and 003 before an add. */
  private static Report hamaBefore() {
    List<Article> arts = List.of(A000, A001, A003);
    return report(
        arts,
        List.of(story(S, TITLE, A000, A001, A003)),
        Map.of(
            S,
            List.of(
                claim(
                    S + "#c1",
                    "single-source",
                    1,
                    arts,
                    at(A000, ENTERED_000),
                    at(A001, ENTERED_001)),
                claim(S + "#c2", "single-source", 1, arts, at(A000, MASSACRE_000)),
                contested(
                    S + "#c3",
                    1,
                    "direction",
                    arts,
                    at(A000, ALEPPO_000, "northeast"),
                    at(A001, ALEPPO_001, "northwest")),
                claim(
                    S + "#c4", "corroborated", 2, arts, at(A001, HOMS_001), at(A003, HOMS_003)))));
  }

  /**
   * The same story after the variant joined it. Its lead sentence is the story's first claim now,
   * so every other claim moved one number down: the Homs claim, c4 before, is c5 and contested, and
   * c4 is now the Aleppo claim, which was contested already.
   */
  private static Report hamaAfterVariant() {
    List<Article> arts = List.of(A000, A001, A003, VARIANT);
    return report(
        arts,
        List.of(story(S, TITLE, A000, A001, A003, VARIANT)),
        Map.of(
            S,
            List.of(
                claim(S + "#c1", "single-source", 1, arts, at(VARIANT, VIDEO_001)),
                claim(
                    S + "#c2",
                    "single-source",
                    1,
                    arts,
                    at(A000, ENTERED_000),
                    at(A001, ENTERED_001),
                    at(VARIANT, ENTERED_001)),
                claim(S + "#c3", "single-source", 1, arts, at(A000, MASSACRE_000)),
                contested(
                    S + "#c4",
                    1,
                    "direction",
                    arts,
                    at(A000, ALEPPO_000, "northeast"),
                    at(A001, ALEPPO_001, "northwest"),
                    at(VARIANT, ALEPPO_001, "northwest")),
                contested(
                    S + "#c5",
                    2,
                    "distance: south Hama",
                    arts,
                    at(A001, HOMS_001, "40 km"),
                    at(A003, HOMS_003, "40 km"),
                    at(VARIANT, HOMS_60, "60 km")))));
  }

  private static Pipeline.Changes changes(
      List<String> articles,
      List<String> created,
      List<String> grown,
      Map<String, List<String>> merged) {
    return new Pipeline.Changes(articles, created, grown, merged, 0, List.of());
  }

  private static final Pipeline.Changes VARIANT_JOINED =
      changes(List.of(VARIANT.id()), List.of(), List.of(S), Map.of());

  @Test
  void aClaimThatBecomesContestedIsFoundAcrossRenumbering() {
    CorpusChange c = CorpusChange.between(hamaBefore(), hamaAfterVariant(), VARIANT_JOINED);

    assertThat(c.contested()).hasSize(1);
    CorpusChange.ContestedClaim x = c.contested().get(0);
    assertThat(x.story()).isEqualTo(S);
    assertThat(x.claim()).isEqualTo(S + "#c5");
    assertThat(x.text()).isEqualTo(HOMS_001);
    assertThat(x.slot()).isEqualTo("distance: south Hama");
    assertThat(x.values())
        .containsExactly(
            new CorpusChange.Value("40 km", List.of("001", "003")),
            new CorpusChange.Value("60 km", List.of("005-variant")));
    assertThat(x.articles()).containsExactly("005-variant");
    // Matched to c4 before by its sentences in 001 and 003; by id, c5 did not exist and c4 is the
    // Aleppo claim, contested already.
    assertThat(x.previous())
        .contains(new CorpusChange.Previous(S, S + "#c4", "corroborated", 2, "assertions"));
  }

  @Test
  void aClaimContestedBeforeIsNotReportedAgain() {
    CorpusChange c = CorpusChange.between(hamaBefore(), hamaAfterVariant(), VARIANT_JOINED);
    // The Aleppo claim (c3 then, c4 now) was contested before: only the Homs claim is reported.
    assertThat(c.contested())
        .extracting(CorpusChange.ContestedClaim::claim)
        .containsExactly(S + "#c5");
  }

  @Test
  void anArticleJoiningAStoryIsListedWithTheStory() {
    CorpusChange c = CorpusChange.between(hamaBefore(), hamaAfterVariant(), VARIANT_JOINED);
    assertThat(c.articles()).containsExactly("005-variant");
    assertThat(c.newStories()).isEmpty();
    assertThat(c.grownStories())
        .containsExactly(new CorpusChange.GrownStory(S, TITLE, List.of(), List.of("005-variant")));
    // A copy of 001 adds no independent source to the claims it shares with 001.
    assertThat(c.gainedSources()).isEmpty();
  }

  @Test
  void aNewStoryIsListedAndItsContestedClaimsAreNew() {
    // 004 and an edited copy of it that gives five days of clashes, not three, open a story.
    String five = ENTERED_004.replace("three days", "five days");
    Article a004 = article("004", ENTERED_004, MASSACRE_004);
    Article copy = article("004-edited", five, MASSACRE_004);
    String n = "s-4e0c7a1d2b3f5968";
    Report before = hamaBefore();
    List<Article> arts = List.of(A000, A001, A003, a004, copy);
    Report after =
        report(
            arts,
            List.of(before.stories().get(0), story(n, "Syrian insurgents enter Hama", a004, copy)),
            Map.of(
                S,
                before.reconciliation().get(S).claims(),
                n,
                List.of(
                    contested(
                        n + "#c1",
                        1,
                        "duration: fighting",
                        arts,
                        at(a004, ENTERED_004, "3 day"),
                        at(copy, five, "5 day")),
                    claim(
                        n + "#c2",
                        "single-source",
                        1,
                        arts,
                        at(a004, MASSACRE_004),
                        at(copy, MASSACRE_004)))));

    CorpusChange c =
        CorpusChange.between(
            before, after, changes(List.of("004-edited", "004"), List.of(n), List.of(), Map.of()));

    assertThat(c.articles()).containsExactly("004", "004-edited");
    assertThat(c.newStories())
        .containsExactly(
            new CorpusChange.NewStory(
                n, "Syrian insurgents enter Hama", List.of("004", "004-edited")));
    assertThat(c.grownStories()).isEmpty();
    assertThat(c.contested()).hasSize(1);
    CorpusChange.ContestedClaim x = c.contested().get(0);
    assertThat(x.claim()).isEqualTo(n + "#c1");
    assertThat(x.previous()).isEmpty();
    assertThat(x.articles()).containsExactly("004", "004-edited");
    assertThat(x.summary())
        .isEqualTo(
            "New claim 'Syrian insurgents have reportedly entered parts of the central city of Hama"
                + " after three days of…' is contested (duration: fighting: 3 day vs 5 day) with"
                + " articles 004, 004-edited");
  }

  @Test
  void aClaimGainingAnIndependentSourceIsReportedWithBothCounts() {
    // 002, an independent report, also tells of the 1982 massacre and of Hama being entered.
    Article a002 = article("002", ENTERED_002, MASSACRE_002);
    Report before = hamaBefore();
    List<Article> arts = List.of(A000, A001, a002, A003);
    Report after =
        report(
            arts,
            List.of(story(S, TITLE, A000, A001, a002, A003)),
            Map.of(
                S,
                List.of(
                    claim(
                        S + "#c1",
                        "corroborated",
                        2,
                        arts,
                        at(A000, ENTERED_000),
                        at(A001, ENTERED_001),
                        at(a002, ENTERED_002)),
                    claim(
                        S + "#c2",
                        "corroborated",
                        2,
                        arts,
                        at(A000, MASSACRE_000),
                        at(a002, MASSACRE_002)),
                    before.reconciliation().get(S).claims().get(2),
                    before.reconciliation().get(S).claims().get(3))));
    CorpusChange c =
        CorpusChange.between(
            before, after, changes(List.of("002"), List.of(), List.of(S), Map.of()));

    assertThat(c.contested()).isEmpty();
    assertThat(c.gainedSources())
        .containsExactly(
            new CorpusChange.GainedSource(
                S,
                S + "#c1",
                ENTERED_000,
                "corroborated",
                1,
                2,
                List.of("002"),
                new CorpusChange.Previous(S, S + "#c1", "single-source", 1, "assertions")),
            new CorpusChange.GainedSource(
                S,
                S + "#c2",
                MASSACRE_000,
                "corroborated",
                1,
                2,
                List.of("002"),
                new CorpusChange.Previous(S, S + "#c2", "single-source", 1, "assertions")));
    assertThat(c.gainedSources().get(1).summary())
        .isEqualTo(
            "Claim 'Hama is also the scene of a notorious massacre in 1982, when forces loyal to"
                + " former president Hafez…' now has 2 independent sources, up from 1, after"
                + " article 002");
  }

  /**
   * 000 and 001 (copies) are one story, 002 another; 004 tells of Hama entered and of the massacre,
   * and bridges them. The merged story keeps the first one's id and lists the second's as an alias;
   * claims of either match.
   */
  @Test
  void aMergeMatchesClaimsOfTheAbsorbedStory() {
    String s2 = "s-2c5e9a0b7d1f3846";
    Article a000 = article("000", ENTERED_000, ALEPPO_000);
    Article a001 = article("001", ENTERED_001, ALEPPO_001);
    Article a002 = article("002", ENTERED_002, ALEPPO_002, MASSACRE_002);
    Article a004 = article("004", ENTERED_004, MASSACRE_004);
    List<Article> old = List.of(a000, a001, a002);
    Report before =
        report(
            old,
            List.of(story(S, TITLE, a000, a001), story(s2, "Syrian insurgents enter Hama", a002)),
            Map.of(
                S,
                List.of(
                    claim(
                        S + "#c1",
                        "single-source",
                        1,
                        old,
                        at(a000, ENTERED_000),
                        at(a001, ENTERED_001)),
                    claim(
                        S + "#c2",
                        "single-source",
                        1,
                        old,
                        at(a000, ALEPPO_000),
                        at(a001, ALEPPO_001))),
                s2,
                List.of(
                    claim(s2 + "#c1", "single-source", 1, old, at(a002, ENTERED_002)),
                    claim(s2 + "#c2", "single-source", 1, old, at(a002, ALEPPO_002)),
                    claim(s2 + "#c3", "single-source", 1, old, at(a002, MASSACRE_002)))));
    List<Article> all = List.of(a000, a001, a002, a004);
    Story merged = story(S, TITLE, a000, a001, a002, a004).withId(S, List.of(s2));
    Report after =
        report(
            all,
            List.of(merged),
            Map.of(
                S,
                List.of(
                    claim(
                        S + "#c1",
                        "corroborated",
                        3,
                        all,
                        at(a000, ENTERED_000),
                        at(a001, ENTERED_001),
                        at(a002, ENTERED_002),
                        at(a004, ENTERED_004)),
                    contested(
                        S + "#c2",
                        2,
                        "rank: Aleppo largest city",
                        all,
                        at(a000, ALEPPO_000, "second-largest"),
                        at(a001, ALEPPO_001, "second-largest"),
                        at(a002, ALEPPO_002, "largest")),
                    claim(
                        S + "#c3",
                        "corroborated",
                        2,
                        all,
                        at(a002, MASSACRE_002),
                        at(a004, MASSACRE_004)))));

    CorpusChange c =
        CorpusChange.between(
            before, after, changes(List.of("004"), List.of(), List.of(S), Map.of(S, List.of(s2))));

    assertThat(c.grownStories())
        .containsExactly(new CorpusChange.GrownStory(S, TITLE, List.of(s2), List.of("004")));
    assertThat(c.grownStories().get(0).summary())
        .isEqualTo(
            "Article 004 joined story '" + TITLE + "' (" + S + "), which absorbed story " + s2);
    // Contested by the merge alone: 000 and 001 against 002, no new article's words.
    assertThat(c.contested()).hasSize(1);
    CorpusChange.ContestedClaim x = c.contested().get(0);
    assertThat(x.claim()).isEqualTo(S + "#c2");
    assertThat(x.articles()).isEmpty();
    assertThat(x.previous())
        .contains(new CorpusChange.Previous(S, S + "#c2", "single-source", 1, "assertions"));
    assertThat(x.summary()).endsWith("after its story changed; it was single-source");
    // The massacre claim was the absorbed story's c3.
    assertThat(c.gainedSources())
        .extracting(
            g ->
                g.claim()
                    + " "
                    + g.before()
                    + "->"
                    + g.after()
                    + " "
                    + g.articles()
                    + " was "
                    + g.previous().claim())
        .containsExactly(
            S + "#c1 1->3 [004] was " + S + "#c1",
            S + "#c2 1->2 [] was " + S + "#c2",
            S + "#c3 1->2 [004] was " + s2 + "#c3");
  }

  @Test
  void aStateComparedWithItselfChangedNothing() {
    Report r = hamaBefore();
    CorpusChange c = CorpusChange.between(r, r, changes(List.of(), List.of(), List.of(), Map.of()));
    assertThat(c.isEmpty()).isTrue();
    assertThat(c.summary()).isEmpty();
    // A story named as grown whose claims are as they were: the story, and no claim.
    CorpusChange grown =
        CorpusChange.between(r, r, changes(List.of(), List.of(), List.of(S), Map.of()));
    assertThat(grown.grownStories()).hasSize(1);
    assertThat(grown.contested()).isEmpty();
    assertThat(grown.gainedSources()).isEmpty();
  }

  @Test
  void summaryNamesTheClaimTheValuesAndTheArticle() {
    CorpusChange c = CorpusChange.between(hamaBefore(), hamaAfterVariant(), VARIANT_JOINED);
    assertThat(c.summary())
        .containsExactly(
            "Article 005-variant joined story '" + TITLE + "' (" + S + ")",
            "Claim 'Homs is located just 40 km (25 mi) south of Hama.' is now contested (distance:"
                + " south Hama: 40 km vs 60 km) after article 005-variant; it was"
                + " corroborated");
  }

  @Test
  void summaryLinesHoldNoLineBreak() {
    CorpusChange.NewStory s =
        new CorpusChange.NewStory("s-1", "Line one\nline\u2028two\r\n", List.of("a"));
    assertThat(s.summary()).isEqualTo("New story 'Line one line two' (s-1): article a");
  }

  @Test
  void rejectsChangesNamingWhatTheStateAfterLacks() {
    Report r = hamaBefore();
    assertThatThrownBy(
            () ->
                CorpusChange.between(
                    r, r, changes(List.of(), List.of("s-gone"), List.of(), Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("s-gone");
    assertThatThrownBy(
            () ->
                CorpusChange.between(r, r, changes(List.of("999"), List.of(), List.of(), Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("999");
  }

  @Test
  void aContestedClaimWithoutContradictionIsRefused() {
    Report before = hamaBefore();
    Claim bad =
        new Claim(
            S + "#c1", HOMS_001, "contested", 2, List.of(at(A001, HOMS_001)), Optional.empty());
    Report after = report(before.articles(), before.stories(), Map.of(S, List.of(bad)));
    assertThatThrownBy(
            () ->
                CorpusChange.between(
                    before, after, changes(List.of(), List.of(), List.of(S), Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(S + "#c1");
  }
}
