package org.triangulate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.triangulate.align.SentenceJudge;
import org.triangulate.model.Article;
import org.triangulate.model.Quote;
import org.triangulate.model.QuoteGroup;
import org.triangulate.reconcile.QuoteGroups;
import org.triangulate.reconcile.StoryEvidence;

/**
 * The quote groups of the Hama story, with the real annotations, links and judge. Renderings are
 * named by article (the first three characters of its id) and the quoted words, not by quote id.
 */
class QuoteGroupsHamaTest {

  private static final String JOLANI = "person/abu-mohammed-al-golani";
  private static final String WATERS = "person/gregory-waters";

  private static StoryEvidence evidence;
  private static List<QuoteGroup> groups;
  private static Map<String, String> renderings;

  @BeforeAll
  static void group() {
    evidence = HamaEvidence.get();
    groups = QuoteGroups.group(evidence, Components.judge());
    renderings = new HashMap<>();
    for (Article a : evidence.articles()) {
      for (Quote q : evidence.annotations(a.id()).quotes()) {
        renderings.put(q.id(), a.id().substring(0, 3) + " " + q.span().of(a.text()));
      }
    }
  }

  @Test
  void jolanisVictoryMessageIsOneGroupOfFourRenderings() {
    QuoteGroup g = groupOf("000 This victory will be vengeanceless");
    assertThat(renderings(g))
        .containsExactly(
            "000 This victory will be vengeanceless and merciful,",
            "001 This victory will be without revenge and it will be merciful,",
            "002 conquering that is not vengeful, but one of mercy and compassion",
            "003 conquering that is not vengeful, but one of mercy and compassion.");
    assertThat(g.speaker()).contains(JOLANI);
    assertThat(g.variants()).isEqualTo(3);
    assertThat(g.flags()).extracting(QuoteGroup.Flag::kind).containsExactly("wording");
  }

  @Test
  void watersUtterancesAreThreeGroups() {
    QuoteGroup prepared = groupOf("000 was not prepared at all");
    assertThat(renderings(prepared))
        .containsExactly(
            "000 was not prepared at all", "001 totally unprepared", "003 completely unprepared");
    QuoteGroup scenario = groupOf("000 I think it is difficult");
    assertThat(renderings(scenario))
        .containsExactly(
            "000 I think it is difficult to see a scenario in which forces loyal to the Damascus"
                + " regime can regain momentum,",
            "001 I think it’s hard to see a scenario where forces loyal to the regime in Damascus"
                + " can regain momentum,");
    // 000 has a stray opening quotation mark inside the quote; it is one quote all the same, as
    // 001 and 003 give it
    QuoteGroup support = groupOf("000 Even if the Russians");
    assertThat(renderings(support))
        .containsExactly(
            "000 Even if the Russians and Iranian or Iranian-backed forces become more involved,"
                + " they are still limited by their own wars. “It seems unlikely that they will reach"
                + " the level of support we have seen previously.",
            "001 Even if the Russians and Iranian or Iranian-backed forces get more involved, they"
                + " are still limited by their own wars. We feel unlikely to reach the level of"
                + " support we have seen before.",
            "003 Even if the Russians and Iranian or Iranian-backed forces get more involved,"
                + " they’re still limited by their own wars. It feels unlikely to reach the level"
                + " of support we’ve seen previously.");
    for (QuoteGroup g : List.of(prepared, scenario, support)) {
      assertThat(g.speaker()).contains(WATERS);
      assertThat(g.flags()).extracting(QuoteGroup.Flag::kind).containsExactly("wording");
    }
    assertThat(prepared.flags().get(0).detail())
        .contains("\"totally unprepared\" for \"was not prepared at all\"");
  }

  @Test
  void abdurrahmansWarningIsOneGroupWithoutFlags() {
    QuoteGroup g = groupOf("002 If Hama falls");
    assertThat(renderings(g))
        .containsExactly(
            "002 If Hama falls, it means that the beginning of the regime’s fall has started,",
            "003 If Hama falls, it means that the beginning of the regime’s fall has started,");
    assertThat(g.speaker()).contains("person/rami-abdurrahman");
    assertThat(g.variants()).isEqualTo(1);
    assertThat(g.flags()).isEmpty();
  }

  @Test
  void peskovsTwoUtterancesStayApart() {
    QuoteGroup monitoring = groupOf("000 closely monitoring");
    assertThat(renderings(monitoring))
        .containsExactly("000 closely monitoring", "001 closely following");
    QuoteGroup assessment = groupOf("000 Based on the assessment");
    assertThat(renderings(assessment))
        .extracting(r -> r.substring(0, 30))
        .containsExactly("000 Based on the assessment of", "001 Depending on the assessmen");
    assertThat(monitoring.speaker()).contains("person/dmitry-peskov");
    assertThat(assessment.speaker()).contains("person/dmitry-peskov");
  }

  @Test
  void theMinistrysAndTheArmysWordsAreGroups() {
    QuoteGroup impregnable = groupOf("000 impregnable");
    assertThat(renderings(impregnable)).containsExactly("000 impregnable.", "001 impregnable");
    assertThat(impregnable.variants()).isEqualTo(1);
    assertThat(impregnable.flags()).isEmpty();
    QuoteGroup civilians = groupOf("000 to preserve the lives of civilians");
    assertThat(renderings(civilians))
        .extracting(r -> r.substring(0, 24))
        .containsExactly("000 to preserve the live", "001 to preserve civilian");
    assertThat(civilians.speaker()).contains("organization/syrian-arab-army");
  }

  /** Every quote is in one group, and every group not pinned above is a single quote. */
  @Test
  void everyOtherQuoteStandsAlone() {
    List<String> all = new ArrayList<>();
    groups.forEach(g -> all.addAll(g.quotes()));
    assertThat(all)
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(renderings.keySet());
    assertThat(groups.stream().filter(g -> g.quotes().size() > 1)).hasSize(9);
    for (int i = 0; i < groups.size(); i++) {
      assertThat(groups.get(i).id()).isEqualTo(evidence.story().id() + "#qg" + (i + 1));
    }
  }

  @Test
  void theLexicalJudgeFindsTheSameGroups() {
    assertThat(QuoteGroups.group(evidence, SentenceJudge.lexical())).isEqualTo(groups);
  }

  @Test
  void theOrderOfTheArticlesChangesNothing() {
    List<Article> reversed = new ArrayList<>(evidence.articles());
    Collections.reverse(reversed);
    StoryEvidence other =
        new StoryEvidence(
            evidence.story(),
            reversed,
            evidence.annotations(),
            evidence.entities(),
            evidence.provenance());
    assertThat(QuoteGroups.group(other, Components.judge())).isEqualTo(groups);
  }

  private static QuoteGroup groupOf(String rendering) {
    for (QuoteGroup g : groups) {
      for (String q : g.quotes()) {
        if (renderings.get(q).startsWith(rendering)) {
          return g;
        }
      }
    }
    throw new AssertionError("no quote " + rendering);
  }

  private static List<String> renderings(QuoteGroup g) {
    return g.quotes().stream().map(renderings::get).toList();
  }
}
