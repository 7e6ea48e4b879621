package org.triangulate.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class LabelLoadedLexiconTest {

  private final LabelLoadedLexicon loaded = LabelLoadedLexicon.shipped();

  private String category(String label) {
    return loaded.find(label).map(LabelLoadedLexicon.Entry::category).orElse("not loaded");
  }

  @Test
  void flagsTheHamaCorpusLoadedWords() {
    assertThat(category("mercenary")).isEqualTo("delegitimising");
    assertThat(category("war monitor run by MI6")).isEqualTo("delegitimising");
    assertThat(category("holy warrior")).isEqualTo("glorifying");
    assertThat(category("terrorist group")).isEqualTo("pejorative");
    assertThat(category("regime")).isEqualTo("delegitimising");
  }

  @Test
  void theLongestContainedTermDecides() {
    assertThat(loaded.find("criminal regime").map(LabelLoadedLexicon.Entry::term))
        .contains("criminal regime");
    assertThat(category("criminal regime")).isEqualTo("pejorative");
  }

  @Test
  void leavesDescriptiveWordsAlone() {
    assertThat(category("insurgent")).isEqualTo("not loaded");
    assertThat(category("opposition gunman")).isEqualTo("not loaded");
    assertThat(category("Britain-based war monitor")).isEqualTo("not loaded");
    assertThat(category("islamist rebel")).isEqualTo("not loaded");
    // whole words only: "regimen" is not "regime"
    assertThat(category("training regimen")).isEqualTo("not loaded");
    // ECB+: an officer who fights gangs is not called one
    assertThat(category("gang enforcement officer")).isEqualTo("not loaded");
  }

  @Test
  void everyEntryGivesAReasonAndASourceOrSaysItHasNone() {
    assertThat(loaded.entries()).hasSizeGreaterThan(10);
    for (LabelLoadedLexicon.Entry e : loaded.entries()) {
      assertThat(e.reason()).as(e.term()).isNotBlank();
      assertThat(e.source()).as(e.term()).isNotBlank();
      assertThat(e.source()).as(e.term()).doesNotContain("http");
    }
    assertThat(loaded.find("mercenary").orElseThrow().source()).contains("Article 47");
    assertThat(loaded.find("terrorist").orElseThrow().source())
        .contains("BBC Editorial Guidelines")
        .contains("Reuters Handbook of Journalism");
  }

  @Test
  void rejectsARowWithoutItsSource() {
    String tsv = "mercenary\tdelegitimising\tcalls fighters hired guns\n";
    assertThatThrownBy(() -> LabelLoadedLexicon.parse(new BufferedReader(new StringReader(tsv))))
        .hasMessageContaining("line 1");
    String bad = "mercenary\tunkind\tcalls fighters hired guns\t-\n";
    assertThatThrownBy(() -> LabelLoadedLexicon.parse(new BufferedReader(new StringReader(bad))))
        .hasMessageContaining("unkind");
  }
}
