package org.triangulate.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.triangulate.model.Span;
import org.triangulate.reconcile.LabelLexicon.Side;

class LabelLexiconTest {

  private final LabelLexicon lexicon = LabelLexicon.shipped();

  private List<String> terms(String text) {
    return lexicon.find(text).stream().map(h -> h.entry().term()).toList();
  }

  @Test
  void findsTheLastWordInThePlural() {
    assertThat(terms("said opposition gunmen now control the police command headquarters"))
        .containsExactly("opposition gunman");
    assertThat(terms("the mercenaries had reached Hama")).containsExactly("mercenary");
    assertThat(terms("an umbrella group of Turkish-backed Syrian militias"))
        .containsExactly("militia");
    assertThat(terms("Syrian rebels groups have taken advantage")).containsExactly("rebel group");
  }

  @Test
  void theLongestTermWins() {
    List<LabelLexicon.Hit> hits = lexicon.find("Our holy warriors are fighting fierce battles");
    assertThat(hits).hasSize(1);
    assertThat(hits.get(0).entry()).isEqualTo(new LabelLexicon.Entry("holy warrior", Side.ARMED_OPPOSITION));
    assertThat(hits.get(0).span()).isEqualTo(new Span(4, 17));
  }

  @Test
  void matchesWholeWordsOnlyAndNotAcrossHyphens() {
    assertThat(terms("the de facto leader of the Syrian insurgency")).isEmpty();
    assertThat(terms("a counterinsurgent campaign in rebel-held areas")).isEmpty();
    assertThat(terms("clashes with anti-government forces")).containsExactly("anti-government force");
    assertThat(terms("“fearing a rebel advance.”")).containsExactly("rebel");
  }

  @Test
  void sidesTellArmedOppositionGovernmentAndMonitorsApart() {
    assertThat(lexicon.entry("insurgents").map(LabelLexicon.Entry::side)).contains(Side.ARMED_OPPOSITION);
    assertThat(lexicon.entry("government forces").map(LabelLexicon.Entry::side)).contains(Side.GOVERNMENT);
    assertThat(lexicon.entry("war monitor").map(LabelLexicon.Entry::side)).contains(Side.MONITOR);
    assertThat(lexicon.entry("fighters").map(LabelLexicon.Entry::side)).contains(Side.ANY);
    assertThat(lexicon.entry("forces").map(LabelLexicon.Entry::side)).contains(Side.NAMED);
  }

  @Test
  void rejectsAnUnknownSideNamingTheLine() {
    String tsv = "# comment\nrebel\tarmed-opposition\nwarlord\tvillain\n";
    assertThatThrownBy(() -> LabelLexicon.parse(new BufferedReader(new StringReader(tsv))))
        .hasMessageContaining("villain");
    String upper = "Rebel\tarmed-opposition\n";
    assertThatThrownBy(() -> LabelLexicon.parse(new BufferedReader(new StringReader(upper))))
        .hasMessageContaining("line 1");
  }

  @Test
  void pluralsOfLexiconNouns() {
    assertThat(LabelLexicon.plural("gunman")).isEqualTo("gunmen");
    assertThat(LabelLexicon.plural("mercenary")).isEqualTo("mercenaries");
    assertThat(LabelLexicon.plural("militia")).isEqualTo("militias");
    assertThat(LabelLexicon.plural("mujahideen")).isEqualTo("mujahideen");
  }
}
